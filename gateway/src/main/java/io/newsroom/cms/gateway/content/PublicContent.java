package io.newsroom.cms.gateway.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsroom.cms.gateway.config.PublicApiConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

    public Uni<CachedAnswer> newest(int limit, String cursor, String tag, String author) {
        Uni<String> authorId = author == null || author.isBlank() || UUID_SHAPE.matcher(author).matches()
                ? Uni.createFrom().item(author)
                : backends.author(author).map(r -> {
                    if (r.status() == 301) {
                        return null;
                    }
                    return read(r, "author").path("id").asText();
                });
        return authorId.flatMap(id -> backends.newestArticles(limit, cursor, tag, id))
                .map(response -> summaries(splice(response, "articles", JsonSplice::page)));
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

    public Uni<CachedAnswer> list(String slug) {
        return backends.list(slug).map(response -> {
            JsonNode list = read(response, "list");
            return CachedAnswer.json(list.toString(), list.path("stale").asBoolean(false));
        });
    }

    public Uni<CachedAnswer> feed() {
        return backends.newestArticles(20, null, null, null).map(response -> {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n")
                    .append("<title>Newsroom</title>\n<link>").append(xml(config.articleUrlTemplate().replace("{slug}", "")))
                    .append("</link>\n<description>Latest published articles</description>\n");
            for (JsonNode item : read(response, "articles").path("items")) {
                String link = config.articleUrlTemplate().replace("{slug}", item.path("slug").asText());
                xml.append("<item><title>").append(xml(item.path("headline").asText())).append("</title><link>").append(xml(link))
                        .append("</link><guid isPermaLink=\"false\">").append(item.path("id").asText()).append("</guid><pubDate>")
                        .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.parse(item.path("publishedAt").asText()).atOffset(ZoneOffset.UTC)))
                        .append("</pubDate><description>").append(xml(item.path("dek").asText(""))).append("</description></item>\n");
            }
            xml.append("</channel>\n</rss>\n");
            return CachedAnswer.of(200, xml.toString().getBytes(StandardCharsets.UTF_8), "application/rss+xml", false);
        });
    }

    public Uni<CachedAnswer> sitemap() {
        return collectAll(null, new StringBuilder(), 0).map(urls -> CachedAnswer.of(200, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n" + urls + "</urlset>\n")
                .getBytes(StandardCharsets.UTF_8), "application/xml", false));
    }

    /** Walks the newest-first pages (50 each, at most 50,000 URLs: the sitemap limit). */
    private Uni<StringBuilder> collectAll(String cursor, StringBuilder urls, int count) {
        return backends.newestArticles(50, cursor, null, null).flatMap(response -> {
            JsonNode page = read(response, "articles");
            int n = count;
            for (JsonNode item : page.path("items")) {
                urls.append("<url><loc>").append(xml(config.articleUrlTemplate().replace("{slug}", item.path("slug").asText())))
                        .append("</loc><lastmod>").append(item.path("updatedAt").asText()).append("</lastmod></url>\n");
                n++;
            }
            String next = page.path("nextCursor").asText(null);
            return next == null || n >= 50_000 ? Uni.createFrom().item(urls) : collectAll(next, urls, n);
        });
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

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
