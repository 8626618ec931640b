package io.newsroom.cms.gateway.client;

import io.newsroom.cms.gateway.config.GatewayConfig;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.streams.ReadStream;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * The services behind the editor API ({@code articles}, {@code authors}, {@code lists} → curation, {@code webhooks}, {@code media}), each behind its
 * own timeout (to the answer's head) and circuit breaker. A 502/503/504 from a service counts as a failure for its
 * breaker but still reaches the editor as the service sent it.
 */
@ApplicationScoped
public class EditorBackends {
    private static final TypeLiteral<Uni<HttpClientResponse>> RESPONSE = new TypeLiteral<>() {
    };
    private static final Set<Integer> OUTAGE = Set.of(502, 503, 504);

    /** A service's own 502/503/504: a failure for the breaker, passed on to the caller afterwards. */
    static final class OutageAnswer extends RuntimeException {
        final transient HttpClientResponse response;

        OutageAnswer(HttpClientResponse response) {
            super("answered " + response.statusCode(), null, false, false);
            this.response = response;
        }
    }

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    private HttpClient client;
    /** Live streams hold their connection for minutes: their own client, so they never starve the calls' pool. */
    private HttpClient streams;
    private Map<String, URI> services;
    private Map<String, TypedGuard<Uni<HttpClientResponse>>> guards;

    @PostConstruct
    void init() {
        client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64).setKeepAlive(true)
                .setConnectTimeout((int) Math.min(config.timeout().toMillis(), 5_000)));
        streams = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(config.streamMaxOpen()).setKeepAlive(false)
                .setConnectTimeout((int) Math.min(config.timeout().toMillis(), 5_000)));
        services = Map.of("articles", config.services().articles(), "sections", config.services().articles(),
                "tags", config.services().articles(), "notifications", config.services().articles(),
                "authors", config.services().authors(),
                "lists", config.services().curation(), "webhooks", config.services().webhooks(),
                "media", config.services().media());
        // sections, tags and notifications are the articles service's: the same breaker
        TypedGuard<Uni<HttpClientResponse>> articles = BackendGuards.guard(RESPONSE, "gateway-editor-articles", config.breaker());
        guards = Map.of(
                "articles", articles,
                "sections", articles,
                "tags", articles,
                "notifications", articles,
                "authors", BackendGuards.guard(RESPONSE, "gateway-editor-authors", config.breaker()),
                "lists", BackendGuards.guard(RESPONSE, "gateway-editor-lists", config.breaker()),
                "webhooks", BackendGuards.guard(RESPONSE, "gateway-editor-webhooks", config.breaker()),
                "media", BackendGuards.guard(RESPONSE, "gateway-editor-media", config.breaker()));
    }

    /**
     * Whether the call's body streams through (an upload: {@code HttpGuard} reads every other body whole, within the
     * editor limit), for which the backend gets the upload timeout.
     */
    private static boolean streamedBody(Buffer body, MultiMap headers) {
        String length = headers.get("Content-Length");
        return body == null && length != null && !length.equals("0");
    }

    public boolean serves(String service) {
        return services.containsKey(service);
    }

    /**
     * Sends the call to {@code service} with {@code body} (read whole) or {@code stream} (the caller's request, piped);
     * the answer comes back paused, for the caller to pipe on.
     */
    public Uni<HttpClientResponse> send(String service, HttpMethod method, String uri, MultiMap headers, Buffer body,
                                        ReadStream<Buffer> stream) {
        RequestOptions options = options(service, method, uri, headers)
                .setIdleTimeout((streamedBody(body, headers) ? config.uploadTimeout() : config.timeout()).toMillis());
        return send(service, client, options, body, stream);
    }

    /**
     * Opens a live stream (server-sent events, {@code GET}): the answer's head must come within the usual timeout, its
     * body may then go on for as long as the service keeps it alive (silence longer than the stream idle timeout ends it).
     */
    public Uni<HttpClientResponse> openStream(String service, String uri, MultiMap headers) {
        RequestOptions options = options(service, HttpMethod.GET, uri, headers).setIdleTimeout(config.timeout().toMillis());
        return send(service, streams, options, null, null).map(response -> {
            // the head is in: from here on only a silence longer than the stream's idle timeout ends it
            response.request().idleTimeout(config.streamIdleTimeout().toMillis());
            return response;
        });
    }

    private RequestOptions options(String service, HttpMethod method, String uri, MultiMap headers) {
        URI backend = services.get(service);
        return new RequestOptions().setMethod(method).setHost(backend.getHost()).setPort(backend.getPort()).setURI(uri).setHeaders(headers);
    }

    private Uni<HttpClientResponse> send(String service, HttpClient via, RequestOptions options, Buffer body, ReadStream<Buffer> stream) {
        TypedGuard<Uni<HttpClientResponse>> guard = guards.get(service);
        return Uni.createFrom().deferred(() -> guard.get(() -> UniHelper.toUni(via.request(options)
                        .compose(request -> body != null ? request.send(body) : stream != null ? request.send(stream) : request.send())
                        .map(response -> {
                            response.pause();
                            if (OUTAGE.contains(response.statusCode())) {
                                throw new OutageAnswer(response);
                            }
                            return response;
                        }))))
                .onFailure(OutageAnswer.class).recoverWithItem(failure -> ((OutageAnswer) failure).response);
    }
}
