package io.newsroom.cms.gateway.client;

import io.newsroom.cms.common.http.ContentTags;
import io.newsroom.cms.common.time.PublishedRange;
import io.newsroom.cms.gateway.config.GatewayConfig;
import io.newsroom.cms.gateway.config.PublicApiConfig;
import io.newsroom.cms.gateway.domain.BackendException;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The services' anonymous read views the public API is made of, over a keep-alive pool of Vert.x's HTTP client on
 * the gateway's event loop, each service behind its own timeout and circuit breaker ({@link BackendGuards}). An
 * answer (200, a 404 "not published", a 301 renamed slug, a 400) is data here and its bytes are kept as they came;
 * no answer, a timeout or a 5xx is a failure, which the breaker counts.
 *
 * <p>Plain Vert.x rather than the MicroProfile REST client: on this path the REST client's per-call machinery was
 * about a third of the gateway's CPU per request.
 */
@ApplicationScoped
public class ContentBackends {
    private static final TypeLiteral<Uni<Answer>> ANSWER = new TypeLiteral<>() {
    };

    /**
     * A service's answer: status, body bytes, the Location of a redirect, a Warning (110: made from stale or incomplete
     * data, served but not kept fresh), the ETag the service worked out for the bytes and the surrogate keys naming
     * what the answer shows (libs/common {@code SurrogateKeys}), each if it sent one; the article's version
     * ({@link ContentTags#VERSION_HEADER}, 0 when not sent); its Content-Type.
     */
    public record Answer(int status, byte[] body, String location, String warning, String etag, String surrogateKeys,
                         long version, String contentType) {
        /** Made from stale or incomplete data: served, but replaced as soon as a full answer can be made. */
        public boolean degraded() {
            return warning != null && warning.startsWith("110");
        }
    }

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig gateway;

    @Inject
    PublicApiConfig config;

    private HttpClient client;
    private Map<String, TypedGuard<Uni<Answer>>> guards;

    @PostConstruct
    void init() {
        client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64).setKeepAlive(true)
                .setConnectTimeout((int) config.backendConnectTimeout().toMillis()));
        guards = Map.of(
                "articles", BackendGuards.guard(ANSWER, "gateway-public-articles", gateway.breaker()),
                "authors", BackendGuards.guard(ANSWER, "gateway-public-authors", gateway.breaker()),
                "curation", BackendGuards.guard(ANSWER, "gateway-public-curation", gateway.breaker()),
                "media", BackendGuards.guard(ANSWER, "gateway-public-media", gateway.breaker()));
    }

    /** Newest-first published summaries; {@code author} is an author id. */
    public Uni<Answer> newestArticles(int limit, String cursor, String tag, String author) {
        return articles(limit, cursor, tag, author, null, null);
    }

    /**
     * Published summaries in {@code sort} order ({@code newest}, {@code oldest}, {@code updated}; null: newest), of a
     * section ({@code section}: a section's slug) when given.
     */
    public Uni<Answer> articles(int limit, String cursor, String tag, String author, String section, String sort) {
        return articles(limit, cursor, tag, author, section, true, sort, null);
    }

    /** {@link #articles(int, String, String, String, String, String)}, the section's subsections included or not, first published within {@code range} (null: any time). */
    public Uni<Answer> articles(int limit, String cursor, String tag, String author, String section, boolean includeChildren,
                                String sort, PublishedRange range) {
        StringBuilder uri = new StringBuilder("/articles/published?limit=").append(limit);
        query(uri, "cursor", cursor);
        query(uri, "tag", tag);
        query(uri, "author", author);
        query(uri, "section", section);
        if (section != null && !includeChildren) {
            uri.append("&includeChildren=false");
        }
        query(uri, "sort", sort);
        if (range != null) {
            query(uri, "from", range.fromParam());
            query(uri, "to", range.toParam());
        }
        return get("articles", gateway.services().articles(), uri.toString());
    }

    /** The article pages (with the sanitized body) of the published ones among {@code ids}, in that order. */
    public Uni<Answer> articleDocuments(List<String> ids) {
        StringBuilder uri = new StringBuilder("/articles/published/documents/by-ids?");
        ids.forEach(id -> uri.append(uri.charAt(uri.length() - 1) == '?' ? "" : "&").append("ids=").append(encode(id)));
        return get("articles", gateway.services().articles(), uri.toString());
    }

    /** The sitemap's pages of {@code size} articles: per page its count and last change. */
    public Uni<Answer> sitemapPages(int size) {
        return get("articles", gateway.services().articles(), "/articles/published/sitemap/pages?size=" + size);
    }

    /** Page {@code page} of the sitemap's pages of {@code size}: slug and last change per article. */
    public Uni<Answer> sitemapPage(int page, int size) {
        return get("articles", gateway.services().articles(), "/articles/published/sitemap/pages/" + page + "?size=" + size);
    }

    /** The articles first published at or after {@code since}, newest first, at most {@code limit}. */
    public Uni<Answer> publishedSince(Instant since, int limit) {
        return get("articles", gateway.services().articles(), "/articles/published/sitemap/news?limit=" + limit
                + "&since=" + encode(since.toString()));
    }

    /** The active authors' public profiles by slug, a page of {@code limit} after {@code cursor}. */
    public Uni<Answer> authors(int limit, String cursor) {
        StringBuilder uri = new StringBuilder("/authors/public/active?limit=").append(limit);
        query(uri, "cursor", cursor);
        return get("authors", gateway.services().authors(), uri.toString());
    }

    /** The section tree, each section with its subsections in order. */
    public Uni<Answer> sections() {
        return get("articles", gateway.services().articles(), "/sections/published");
    }

    /** A section by slug (a former slug: a 301 to the current one). */
    public Uni<Answer> section(String slug) {
        return get("articles", gateway.services().articles(), "/sections/published/" + segment(slug));
    }

    /** A page of the tags published articles carry, the most used first. */
    public Uni<Answer> tags(int limit, String cursor) {
        StringBuilder uri = new StringBuilder("/tags/published?limit=").append(limit);
        query(uri, "cursor", cursor);
        return get("articles", gateway.services().articles(), uri.toString());
    }

    /** A tag by slug (a former slug: a 301 to the current one). */
    public Uni<Answer> tag(String slug) {
        return get("articles", gateway.services().articles(), "/tags/published/" + segment(slug));
    }

    public Uni<Answer> article(String slug) {
        return get("articles", gateway.services().articles(), "/articles/published/" + segment(slug));
    }

    /** Up to {@code limit} related articles of a published one (a former slug: a 301 to the current one's). */
    public Uni<Answer> relatedArticles(String slug, int limit) {
        return get("articles", gateway.services().articles(), "/articles/published/" + segment(slug) + "/related?limit=" + limit);
    }

    public Uni<Answer> searchArticles(String q, int limit) {
        return searchArticles(q, limit, null);
    }

    public Uni<Answer> searchArticles(String q, int limit, String cursor) {
        StringBuilder uri = new StringBuilder("/articles/published/search?limit=").append(limit).append("&q=").append(encode(q));
        query(uri, "cursor", cursor);
        return get("articles", gateway.services().articles(), uri.toString());
    }

    public Uni<Answer> author(String slug) {
        return get("authors", gateway.services().authors(), "/authors/public/by-slug/" + segment(slug));
    }

    public Uni<Answer> list(String slug) {
        return get("curation", gateway.services().curation(), "/lists/public/" + segment(slug));
    }

    /** A picture's rendition ({@code name}, e.g. {@code 16x9-640-50-30.webp}) of the original with content hash {@code hash}. */
    public Uni<Answer> rendition(String hash, String name) {
        return get("media", gateway.services().media(), "/media/renditions/" + hash + "/" + segment(name), "image/*",
                config.renditionTimeout());
    }

    /**
     * The revision a preview link's token opens (200, never cached here or anywhere), or a 404 for every token that opens
     * nothing. The token goes in the body, never in a URL: the client's metrics tag requests by their URI.
     */
    public Uni<Answer> preview(String token) {
        Buffer body = Buffer.buffer(JsonObject.of("token", token).encode());
        TypedGuard<Uni<Answer>> guard = guards.get("articles");
        return Uni.createFrom().deferred(() -> guard.get(() -> send("articles", gateway.services().articles(), HttpMethod.POST,
                "/previews/open", "application/json", body)));
    }

    private Uni<Answer> get(String name, URI service, String uri) {
        return get(name, service, uri, "application/json");
    }

    private Uni<Answer> get(String name, URI service, String uri, String accept) {
        return get(name, service, uri, accept, config.backendTimeout());
    }

    private Uni<Answer> get(String name, URI service, String uri, String accept, Duration timeout) {
        TypedGuard<Uni<Answer>> guard = guards.get(name);
        return Uni.createFrom().deferred(() -> guard.get(() -> send(name, service, HttpMethod.GET, uri, accept, null, timeout)));
    }

    private Uni<Answer> send(String name, URI service, HttpMethod method, String uri, String accept, Buffer payload) {
        return send(name, service, method, uri, accept, payload, config.backendTimeout());
    }

    private Uni<Answer> send(String name, URI service, HttpMethod method, String uri, String accept, Buffer payload, Duration timeout) {
        RequestOptions request = new RequestOptions().setMethod(method).setHost(service.getHost())
                .setPort(service.getPort()).setURI(uri).putHeader("Accept", accept)
                .setIdleTimeout(timeout.toMillis());
        if (payload != null) {
            request.putHeader("Content-Type", "application/json");
        }
        return UniHelper.toUni(client.request(request)
                .compose(sent -> payload == null ? sent.send() : sent.send(payload))
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(),
                        body.getBytes(), response.getHeader("Location"), response.getHeader("Warning"), response.getHeader("ETag"),
                        response.getHeader("Surrogate-Key"), version(response.getHeader(ContentTags.VERSION_HEADER)),
                        response.getHeader("Content-Type")))))
                .map(answer -> {
                    if (answer.status() >= 500) {
                        throw new BackendException(answer.status() == 503 ? 503 : 502, "The " + name + " service answered " + answer.status());
                    }
                    return answer;
                });
    }

    private static long version(String header) {
        try {
            return header == null ? 0 : Long.parseLong(header);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void query(StringBuilder uri, String name, String value) {
        if (value != null && !value.isEmpty()) {
            uri.append('&').append(name).append('=').append(encode(value));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String segment(String value) {
        return encode(value).replace("+", "%20");
    }
}
