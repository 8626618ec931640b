package io.newsroom.cms.gateway.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.newsroom.cms.gateway.api.PublicRecords.ArticlePage;
import io.newsroom.cms.gateway.api.PublicRecords.ArticleSummary;
import io.newsroom.cms.gateway.api.PublicRecords.AuthorPage;
import io.newsroom.cms.gateway.api.PublicRecords.AuthorProfile;
import io.newsroom.cms.gateway.client.ContentBackends;
import io.newsroom.cms.gateway.client.ContentBackends.Answer;
import io.newsroom.cms.gateway.config.PublicApiConfig;
import io.newsroom.cms.gateway.domain.BackendException;
import io.newsroom.cms.gateway.domain.CachedAnswer;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The public answers. Articles, pages and search results are the articles service's public JSON (stored when the
 * article was published, its authors embedded) and featured lists are curation's: their bytes pass through as they
 * came. The author page (profile + recent articles) is composed from typed records, and feed and sitemap are written
 * with an XML writer from the same records. Articles and lists carry their authors from the articles service's copy
 * of the public profiles, so an authors outage does not touch them.
 */
@ApplicationScoped
public class PublicContent {
    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

    @Inject
    ContentBackends backends;

    @Inject
    ObjectMapper json;

    @Inject
    PublicApiConfig config;

    private ObjectReader page;
    private ObjectReader profile;
    private ObjectWriter authorPage;
    /** The readers' site without a trailing slash, worked out once (the sitemap asks for up to 50,000 links). */
    private String site;

    @PostConstruct
    void init() {
        // the services' answers may carry more than the public records name; what readers get is exactly the records
        ObjectReader lenient = json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        page = lenient.forType(ArticlePage.class);
        profile = lenient.forType(AuthorProfile.class);
        authorPage = json.writerFor(AuthorPage.class);
        site = config.siteUrl().toString().replaceAll("/+$", "");
    }

    /**
     * The article's public JSON as the articles service stored it, with the ETag it stored: nothing here reads or
     * hashes the bytes. An incomplete author box comes as {@code Warning: 110}. A renamed slug is a redirect.
     */
    public Uni<CachedAnswer> article(String slug) {
        return backends.article(slug).map(response -> {
            if (response.status() == 301) {
                return CachedAnswer.redirect("/public/v1/articles/" + lastSegment(response)).withVersion(response.version());
            }
            check(response, "article");
            return CachedAnswer.json(response.body(), response.degraded(), response.etag()).withKeys(response.surrogateKeys())
                    .withVersion(response.version());
        });
    }

    /**
     * Newest first, optionally by tag and author. {@code author} is an author's slug (an old one is followed to the
     * author's current one) or id; an author that does not exist is a 404 problem, never an unfiltered page.
     */
    public Uni<CachedAnswer> newest(int limit, String cursor, String tag, String author) {
        Uni<String> authorId = author == null || author.isBlank() || UUID_SHAPE.matcher(author).matches()
                ? Uni.createFrom().item(author)
                : authorIdOf(author, 0);
        return authorId.flatMap(id -> backends.newestArticles(limit, cursor, tag, id)).map(response -> passThrough(response, "articles"));
    }

    public Uni<CachedAnswer> search(String q, int limit) {
        return backends.searchArticles(q, limit).map(response -> passThrough(response, "search"));
    }

    /**
     * A resolved featured list as the curation service sent it (content only, so equal content has the same ETag);
     * when curation made it from its last good view of the articles (its {@code Warning: 110}), it is served but not
     * kept fresh, and readers get the warning too.
     */
    public Uni<CachedAnswer> list(String slug) {
        return backends.list(slug).map(response -> {
            check(response, "list");
            return CachedAnswer.json(response.body(), response.degraded());
        });
    }

    /** The author's public profile and the ten newest articles with the author on the byline. */
    public Uni<CachedAnswer> author(String slug) {
        return backends.author(slug).flatMap(response -> {
            if (response.status() == 301) {
                return Uni.createFrom().item(CachedAnswer.redirect("/public/v1/authors/" + lastSegment(response)));
            }
            check(response, "author");
            AuthorProfile author = read(profile, response, "authors");
            return backends.newestArticles(10, null, null, author.id().toString()).map(list -> {
                check(list, "articles");
                ArticlePage recent = read(page, list, "articles");
                try {
                    return CachedAnswer.json(authorPage.writeValueAsBytes(AuthorPage.of(author, recent.items())), false);
                } catch (IOException e) {
                    throw new IllegalStateException("Cannot write an author page", e);
                }
            });
        });
    }

    /**
     * RSS 2.0 of the 20 newest articles. Feed readers show {@code <description>} as HTML, so the dek (plain text) is
     * HTML-escaped first and the XML writer escapes that again: a dek such as {@code <img src=x onerror=...>} reaches
     * readers' apps as text, never as markup.
     */
    public Uni<CachedAnswer> feed() {
        return backends.newestArticles(20, null, null, null).map(response -> {
            check(response, "articles");
            ArticlePage newest = read(page, response, "articles");
            List<ArticleSummary> items = newest.items();
            byte[] xml = FeedXml.write(writer -> {
                writer.writeStartElement("rss");
                writer.writeAttribute("version", "2.0");
                writer.writeStartElement("channel");
                FeedXml.element(writer, "title", config.feedTitle());
                FeedXml.element(writer, "link", config.siteUrl().toString());
                FeedXml.element(writer, "description", "Latest published articles");
                for (ArticleSummary item : items) {
                    writer.writeStartElement("item");
                    FeedXml.element(writer, "title", item.headline());
                    FeedXml.element(writer, "link", articleUrl(item.slug()));
                    writer.writeStartElement("guid");
                    writer.writeAttribute("isPermaLink", "false");
                    writer.writeCharacters(item.id().toString());
                    writer.writeEndElement();
                    FeedXml.element(writer, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(item.publishedAt().atOffset(ZoneOffset.UTC)));
                    FeedXml.element(writer, "description", FeedXml.htmlEscape(item.dek() == null ? "" : item.dek()));
                    writer.writeEndElement();
                }
                writer.writeEndElement();
                writer.writeEndElement();
            });
            return CachedAnswer.of(200, xml, "application/rss+xml", false);
        });
    }

    public Uni<CachedAnswer> sitemap() {
        return collectAll(null, new ArrayList<>(), 0).map(urls -> CachedAnswer.of(200, FeedXml.write(writer -> {
            writer.writeStartElement("urlset");
            writer.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
            for (ArticleSummary item : urls) {
                writer.writeStartElement("url");
                FeedXml.element(writer, "loc", articleUrl(item.slug()));
                FeedXml.element(writer, "lastmod", item.updatedAt().toString());
                writer.writeEndElement();
            }
            writer.writeEndElement();
        }), "application/xml", false));
    }

    /** Walks the newest-first pages (50 each, at most 50,000 URLs: the sitemap limit). */
    private Uni<List<ArticleSummary>> collectAll(String cursor, List<ArticleSummary> items, int count) {
        return backends.newestArticles(50, cursor, null, null).flatMap(response -> {
            check(response, "articles");
            ArticlePage next = read(page, response, "articles");
            items.addAll(next.items());
            int n = count + next.items().size();
            return next.nextCursor() == null || n >= 50_000 ? Uni.createFrom().item(items) : collectAll(next.nextCursor(), items, n);
        });
    }

    /** The id of the author at {@code slug}, following renames (a few hops at most). */
    private Uni<String> authorIdOf(String slug, int hops) {
        return backends.author(slug).flatMap(r -> {
            if (r.status() == 301 && hops < 3) {
                return authorIdOf(lastSegment(r), hops + 1);
            }
            if (r.status() == 404 || r.status() == 301) {
                return Uni.createFrom().failure(new BackendException(404, "No author '" + slug + "'; the author filter takes an author's slug or id"));
            }
            check(r, "author");
            AuthorProfile author = read(profile, r, "authors");
            return author.id() == null ? Uni.createFrom().failure(new BackendException(502, "The authors service sent an unreadable answer"))
                    : Uni.createFrom().item(author.id().toString());
        });
    }

    private String articleUrl(String slug) {
        return site + config.articlePath().replace("{slug}", URLEncoder.encode(slug, StandardCharsets.UTF_8));
    }

    private static CachedAnswer passThrough(Answer response, String what) {
        check(response, what);
        return CachedAnswer.json(response.body(), false);
    }

    private static <T> T read(ObjectReader reader, Answer response, String service) {
        try {
            return reader.readValue(response.body());
        } catch (IOException e) {
            throw new BackendException(502, "The " + service + " service sent an unreadable answer");
        }
    }

    /** A 200 answer passes; a 404 or 400 is an answer readers get; anything else is a failure. */
    private static void check(Answer response, String what) {
        int status = response.status();
        if (status == 200) {
            return;
        }
        if (status == 404 || status == 400) {
            throw new BackendException(status, status == 404 ? "No published " + what + " here" : "Bad " + what + " request");
        }
        throw new BackendException(502, "The " + what + " service answered " + status);
    }

    private static String lastSegment(Answer response) {
        String location = response.location();
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
