package io.newsroom.cms.gateway.content;

import io.newsroom.cms.gateway.config.GatewayConfig;
import io.newsroom.cms.gateway.config.PublicApiConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The services' anonymous read views the public API is composed from, over a keep-alive pool of Vert.x's HTTP client
 * on the gateway's event loop. Every HTTP answer is data here (a 404 is "not published", a 301 a renamed slug); only
 * no answer at all (refused, timed out) is a failure.
 *
 * <p>Plain Vert.x rather than the MicroProfile REST client: on this path the REST client's per-call machinery (URI
 * templates, header maps, context propagation) was about a third of the gateway's CPU per request, and a reader who
 * hung up mid-request left its backend call to time out with an error in the log.
 */
@ApplicationScoped
public class ContentBackends {
    /** A service's answer: status, body, the Location of a redirect, and a Warning (e.g. 110: made from stale data). */
    public record Answer(int status, String body, String location, String warning) {
    }

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig gateway;

    @Inject
    PublicApiConfig config;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64).setKeepAlive(true)
                .setConnectTimeout((int) config.backendConnectTimeout().toMillis()));
    }

    /** Newest-first published summaries; {@code author} is an author id. */
    public Uni<Answer> newestArticles(int limit, String cursor, String tag, String author) {
        StringBuilder uri = new StringBuilder("/articles/published?limit=").append(limit);
        query(uri, "cursor", cursor);
        query(uri, "tag", tag);
        query(uri, "author", author);
        return get(gateway.services().articles(), uri.toString());
    }

    public Uni<Answer> article(String slug) {
        return get(gateway.services().articles(), "/articles/published/" + segment(slug));
    }

    public Uni<Answer> searchArticles(String q, int limit) {
        return get(gateway.services().articles(), "/articles/published/search?limit=" + limit + "&q=" + encode(q));
    }

    public Uni<Answer> author(String slug) {
        return get(gateway.services().authors(), "/authors/public/by-slug/" + segment(slug));
    }

    public Uni<Answer> list(String slug) {
        return get(gateway.services().curation(), "/lists/public/" + segment(slug));
    }

    private Uni<Answer> get(URI service, String uri) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost(service.getHost())
                .setPort(service.getPort()).setURI(uri).putHeader("Accept", "application/json")
                .setIdleTimeout(config.backendTimeout().toMillis());
        return UniHelper.toUni(client.request(request)
                .compose(sent -> sent.send())
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(),
                        body.toString(StandardCharsets.UTF_8), response.getHeader("Location"), response.getHeader("Warning")))));
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
