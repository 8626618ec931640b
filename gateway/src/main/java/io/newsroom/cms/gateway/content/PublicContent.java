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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Composes the public answers from the services: published articles with their authors embedded ("About the
 * Author"), author pages with recent articles, resolved featured lists, search, RSS and sitemap. An authors outage
 * degrades the author box; it never takes an article down.
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
        return backends.article(slug).flatMap(response -> {
            if (response.status() == 301) {
                return Uni.createFrom().item(CachedAnswer.redirect("/public/v1/articles/" + lastSegment(response)));
            }
            ObjectNode article = (ObjectNode) read(response, "article");
            return authorsById(ids(article.path("byline"))).map(found -> {
                ArrayNode box = article.putArray("authors");
                ids(article.path("byline")).forEach(id -> {
                    JsonNode author = found.authors().get(id);
                    if (author != null) {
                        box.add(author);
                    }
                });
                article.remove("byline");
                article.remove("body"); // readers get the sanitized HTML, never the raw Markdown
                article.put("authorsDegraded", found.degraded());
                return CachedAnswer.json(article.toString(), found.degraded());
            });
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
                .flatMap(response -> withAuthorNames((ObjectNode) read(response, "articles")));
    }

    public Uni<CachedAnswer> search(String q, int limit) {
        return backends.searchArticles(q, limit).flatMap(response -> withAuthorNames((ObjectNode) read(response, "search")));
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

    private Uni<CachedAnswer> withAuthorNames(ObjectNode page) {
        Set<String> ids = new LinkedHashSet<>();
        page.path("items").forEach(item -> ids.addAll(ids(item.path("byline"))));
        return authorsById(new ArrayList<>(ids)).map(found -> {
            page.path("items").forEach(item -> {
                ArrayNode names = ((ObjectNode) item).putArray("authors");
                ids(item.path("byline")).forEach(id -> {
                    JsonNode author = found.authors().get(id);
                    if (author != null) {
                        names.addObject().put("id", id).put("slug", author.path("slug").asText())
                                .put("displayName", author.path("displayName").asText());
                    }
                });
                ((ObjectNode) item).remove("byline");
            });
            return CachedAnswer.json(page.toString(), found.degraded());
        });
    }

    private record Found(Map<String, JsonNode> authors, boolean degraded) {
    }

    /** Public author profiles by id; an authors outage yields none, marked degraded, instead of failing. */
    private Uni<Found> authorsById(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new Found(Map.of(), false));
        }
        return backends.authorsById(String.join(",", ids)).map(response -> {
            Map<String, JsonNode> byId = new LinkedHashMap<>();
            read(response, "authors").path("items").forEach(a -> byId.put(a.path("id").asText(), a));
            return new Found(byId, false);
        }).onFailure().recoverWithItem(new Found(Map.of(), true));
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private JsonNode read(ContentBackends.Answer response, String what) {
        int status = response.status();
        if (status == 200) {
            try {
                return json.readTree(response.body());
            } catch (java.io.IOException e) {
                throw new BackendException(502, "The " + what + " service sent an unreadable answer");
            }
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
