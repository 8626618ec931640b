package io.newsroom.cms.gateway.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsroom.cms.gateway.config.PublicApiConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Composes the public answers from the services: published articles with their authors embedded ("About the
 * Author"), author pages with recent articles, resolved featured lists, search, RSS and sitemap. Articles and lists
 * come with their authors from the articles service, which keeps a copy of the authors' public profiles: an authors
 * outage does not touch them.
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

    public Uni<CachedAnswer> article(String slug) {
        return backends.article(slug).map(response -> {
            if (response.status() == 301) {
                return CachedAnswer.redirect("/public/v1/articles/" + lastSegment(response));
            }
            // readers get the sanitized HTML, never the raw Markdown (body). The articles service embeds the authors'
            // public profiles from its copy of them; fewer than the byline means one is not known there (yet).
            JsonSplice.Open article = splice(response, "article", JsonSplice::open);
            boolean degraded = article.authors() < article.byline().size();
            String box = (article.authors() < 0 ? "\"authors\":[]," : "") + "\"authorsDegraded\":" + degraded;
            return CachedAnswer.json(article.close(box), degraded);
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
        return authorId.flatMap(id -> backends.newestArticles(limit, cursor, tag, id))
                .map(response -> summaries(splice(response, "articles", JsonSplice::page)));
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
            String id = read(r, "author").path("id").asText("");
            return id.isEmpty() ? Uni.createFrom().failure(new BackendException(502, "The authors service sent an unreadable answer"))
                    : Uni.createFrom().item(id);
        });
    }

    public Uni<CachedAnswer> search(String q, int limit) {
        return backends.searchArticles(q, limit).map(response -> summaries(splice(response, "search", JsonSplice::page)));
    }

    public Uni<CachedAnswer> author(String slug) {
        return backends.author(slug).flatMap(response -> {
            if (response.status() == 301) {
                return Uni.createFrom().item(CachedAnswer.redirect("/public/v1/authors/" + lastSegment(response)));
            }
            ObjectNode author = (ObjectNode) read(response, "author");
            return backends.newestArticles(10, null, null, author.path("id").asText()).map(list -> {
                ArrayNode recent = author.putArray("articles");
                read(list, "articles").path("items").forEach(item -> {
                    ((ObjectNode) item).remove("byline");
                    recent.add(item);
                });
                return CachedAnswer.json(author.toString(), false);
            });
        });
    }

    /**
     * A resolved featured list, passed on as the curation service sent it (content only, so equal content has the same
     * ETag); when curation made it from its last good view of the articles (its {@code Warning: 110}), it is served
     * but not kept fresh, and readers get the warning too.
     */
    public Uni<CachedAnswer> list(String slug) {
        return backends.list(slug).map(response -> {
            check(response, "list");
            boolean stale = response.warning() != null && response.warning().startsWith("110");
            return CachedAnswer.json(response.body(), stale);
        });
    }

    /**
     * RSS 2.0 of the 20 newest articles, written with an XML writer. Feed readers show {@code <description>} as HTML,
     * so the dek (plain text) is HTML-escaped first and the XML writer escapes that again: a dek such as
     * {@code <img src=x onerror=...>} reaches readers' apps as text, never as markup.
     */
    public Uni<CachedAnswer> feed() {
        return backends.newestArticles(20, null, null, null).map(response -> {
            JsonNode items = read(response, "articles").path("items");
            byte[] xml = FeedXml.write(writer -> {
                writer.writeStartElement("rss");
                writer.writeAttribute("version", "2.0");
                writer.writeStartElement("channel");
                FeedXml.element(writer, "title", config.feedTitle());
                FeedXml.element(writer, "link", config.siteUrl().toString());
                FeedXml.element(writer, "description", "Latest published articles");
                for (JsonNode item : items) {
                    writer.writeStartElement("item");
                    FeedXml.element(writer, "title", item.path("headline").asText());
                    FeedXml.element(writer, "link", articleUrl(item.path("slug").asText()));
                    writer.writeStartElement("guid");
                    writer.writeAttribute("isPermaLink", "false");
                    writer.writeCharacters(item.path("id").asText());
                    writer.writeEndElement();
                    FeedXml.element(writer, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            Instant.parse(item.path("publishedAt").asText()).atOffset(ZoneOffset.UTC)));
                    FeedXml.element(writer, "description", FeedXml.htmlEscape(item.path("dek").asText("")));
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
            for (String[] url : urls) {
                writer.writeStartElement("url");
                FeedXml.element(writer, "loc", url[0]);
                FeedXml.element(writer, "lastmod", url[1]);
                writer.writeEndElement();
            }
            writer.writeEndElement();
        }), "application/xml", false));
    }

    /** Walks the newest-first pages (50 each, at most 50,000 URLs: the sitemap limit): {loc, lastmod} per article. */
    private Uni<List<String[]>> collectAll(String cursor, List<String[]> urls, int count) {
        return backends.newestArticles(50, cursor, null, null).flatMap(response -> {
            JsonNode page = read(response, "articles");
            int n = count;
            for (JsonNode item : page.path("items")) {
                urls.add(new String[]{articleUrl(item.path("slug").asText()), item.path("updatedAt").asText()});
                n++;
            }
            String next = page.path("nextCursor").asText(null);
            return next == null || n >= 50_000 ? Uni.createFrom().item(urls) : collectAll(next, urls, n);
        });
    }

    /** The readers' site without a trailing slash, worked out once (the sitemap asks for up to 50,000 links). */
    private String site;

    @jakarta.annotation.PostConstruct
    void init() {
        site = config.siteUrl().toString().replaceAll("/+$", "");
    }

    private String articleUrl(String slug) {
        return site + config.articlePath().replace("{slug}", URLEncoder.encode(slug, StandardCharsets.UTF_8));
    }

    /**
     * The page without the items' internal fields. The articles service names each item's authors itself (its copy of
     * their public names, see the articles service's BylineAuthors), so lists need no authors call and keep their
     * names during an authors outage.
     */
    private static CachedAnswer summaries(JsonSplice.Page page) {
        StringBuilder out = new StringBuilder(256 + page.items().size() * 640).append("{\"items\":[");
        for (int i = 0; i < page.items().size(); i++) {
            out.append(i == 0 ? "" : ",").append(page.items().get(i).close());
        }
        out.append(']');
        if (!page.otherFields().isEmpty()) {
            out.append(',').append(page.otherFields());
        }
        return CachedAnswer.json(out.append('}').toString(), false);
    }

    /** A 200 answer, read by {@code reader}; anything else becomes the matching failure (404 stays an answer). */
    private static <T> T splice(ContentBackends.Answer response, String what, java.util.function.Function<String, T> reader) {
        check(response, what);
        try {
            return reader.apply(response.body());
        } catch (java.io.UncheckedIOException e) {
            throw new BackendException(502, "The " + what + " service sent an unreadable answer");
        }
    }

    private JsonNode read(ContentBackends.Answer response, String what) {
        check(response, what);
        try {
            return json.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new BackendException(502, "The " + what + " service sent an unreadable answer");
        }
    }

    private static void check(ContentBackends.Answer response, String what) {
        int status = response.status();
        if (status == 200) {
            return;
        }
        if (status == 404 || status == 400) {
            throw new BackendException(status, status == 404 ? "No published " + what + " here" : "Bad " + what + " request");
        }
        throw new BackendException(status == 503 ? 503 : 502, "The " + what + " service answered " + status);
    }

    private static String lastSegment(ContentBackends.Answer response) {
        String location = response.location();
        return location.substring(location.lastIndexOf('/') + 1);
    }

}
