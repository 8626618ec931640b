package io.newsroom.cms.gateway.routing;

import io.newsroom.cms.common.http.HttpGuard;
import io.newsroom.cms.common.problem.Failures;
import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.gateway.config.GatewayConfig;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * Forwards {@code /api/{articles|authors|lists}/...} to the owning service's {@code /articles|authors|lists/...}.
 * The token is verified here first (401 problem before anything is forwarded); roles are checked by the services.
 * Method, headers (Authorization, If-Match, ETag, ...), body and status pass through unchanged.
 *
 * <p>Written on Vert.x's HttpClient rather than vertx-http-proxy: that library answers backend failures with a
 * bodiless 502 from inside, while our contract needs problem+json 502/503/504 with a bounded timeout.
 */
@ApplicationScoped
public class EditorApiRoutes {
    private static final Logger LOG = Logger.getLogger(EditorApiRoutes.class);
    private static final String REQUEST_ID = "X-Request-Id";
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    private HttpClient client;
    private Map<String, URI> backends;

    void register(@Observes Router router) {
        client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64).setKeepAlive(true)
                .setConnectTimeout((int) Math.min(config.timeout().toMillis(), 5_000)));
        backends = Map.of("articles", config.services().articles(), "authors", config.services().authors(),
                "lists", config.services().curation());
        // the services' internal reads and the articles service's byline claims are not part of the editor API
        router.routeWithRegex("/api/(articles/published|authors/public|authors/byline-claims|lists/public)(/.*)?").order(9)
                .handler(ctx -> problem(ctx, ProblemType.NOT_FOUND, "No editor API at " + ctx.request().path()));
        router.routeWithRegex("/api/(articles|authors|lists)(/.*)?").order(10).handler(this::forward);
        router.routeWithRegex("/api(/.*)?").order(11).handler(ctx -> problem(ctx, ProblemType.NOT_FOUND,
                "No editor API at " + ctx.request().path() + "; the API has /api/articles, /api/authors and /api/lists"));
    }

    private void forward(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause(); // hold the body until the token is checked and the backend connection is open
        if (request.method().name().equals("OPTIONS")) {
            request.resume();
            ctx.next();
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(identity -> {
            if (identity == null || identity.isAnonymous()) {
                unauthorized(ctx, "A bearer token is required");
            } else {
                send(ctx, request);
            }
        }, failure -> unauthorized(ctx, "The bearer token is not valid: expired, wrongly signed or for another audience"));
    }

    private void send(RoutingContext ctx, HttpServerRequest request) {
        String service = ctx.pathParam("param0");
        URI backend = backends.get(service);
        String uri = request.uri().substring("/api".length());
        String requestId = request.getHeader(REQUEST_ID) != null ? request.getHeader(REQUEST_ID) : UUID.randomUUID().toString();

        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        headers.set(REQUEST_ID, requestId);
        headers.set("X-Forwarded-Host", request.authority() == null ? "" : request.authority().toString());
        headers.set("X-Forwarded-Proto", request.scheme());
        headers.set("X-Forwarded-Prefix", "/api");
        String forwardedFor = request.getHeader("X-Forwarded-For");
        String remote = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        headers.set("X-Forwarded-For", forwardedFor == null ? remote : forwardedFor + ", " + remote);
        // a chunked body was read whole by HttpGuard (within the size limit): it goes on with its length
        Buffer read = ctx.body() == null ? null : ctx.body().buffer();
        if (read != null) {
            headers.remove("Transfer-Encoding");
            headers.set("Content-Length", Integer.toString(read.length()));
        } else if (request.headers().contains("Content-Length")) {
            headers.set("Content-Length", request.getHeader("Content-Length"));
        }

        RequestOptions options = new RequestOptions().setMethod(request.method()).setHost(backend.getHost())
                .setPort(backend.getPort()).setURI(uri).setHeaders(headers).setIdleTimeout(config.timeout().toMillis());
        client.request(options)
                .compose(backendRequest -> read != null ? backendRequest.send(read) : backendRequest.send(request))
                .onSuccess(backendResponse -> {
                    HttpServerResponse response = ctx.response().setStatusCode(backendResponse.statusCode());
                    backendResponse.headers().forEach(h -> {
                        if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                            response.headers().add(h.getKey(), h.getValue());
                        }
                    });
                    response.putHeader(REQUEST_ID, requestId);
                    response.send(backendResponse);
                })
                .onFailure(failure -> backendFailed(ctx, service, failure));
    }

    private void backendFailed(RoutingContext ctx, String service, Throwable failure) {
        String name = service.equals("lists") ? "curation" : service;
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        boolean connecting = failure instanceof ConnectException || failure.getCause() instanceof ConnectException;
        if (!connecting && (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout"))) {
            problem(ctx, ProblemType.GATEWAY_TIMEOUT, "The " + name + " service did not answer within " + config.timeout().toSeconds() + " s");
        } else if (Failures.classify(failure) != null) {
            // refused, reset or closed mid-answer (a restart, a crash): the service is away, and a write may not have
            // happened; every change carries If-Match, so trying again is safe
            LOG.debugf("Forwarding to %s failed: %s", name, failure.toString());
            problem(ctx, ProblemType.SERVICE_UNAVAILABLE, "The " + name + " service is unavailable; try again shortly");
        } else {
            LOG.warnf("Forwarding to %s failed: %s", name, failure.toString());
            problem(ctx, ProblemType.BAD_GATEWAY, "The " + name + " service failed to answer");
        }
    }

    private static void unauthorized(RoutingContext ctx, String detail) {
        if (ctx.response().headWritten()) {
            return; // Quarkus' own authentication failure handling got there first (also a 401 problem)
        }
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        problem(ctx, ProblemType.UNAUTHORIZED, detail);
    }

    static void problem(RoutingContext ctx, ProblemType type, String detail) {
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, ctx.request().path(), List.of(), Map.of());
        if (!ctx.request().isEnded()) {
            ctx.request().resume();
        }
        HttpGuard.respond(ctx, problem);
    }
}
