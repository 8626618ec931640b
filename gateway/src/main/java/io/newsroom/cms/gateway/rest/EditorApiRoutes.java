package io.newsroom.cms.gateway.rest;

import io.newsroom.cms.common.http.HttpGuard;
import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.gateway.service.EditorApiForwarding;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Forwards {@code /api/{articles|sections|tags|notifications|authors|lists|webhooks|media}/...} to the owning service's {@code /articles|sections|tags|authors|lists/...}
 * ({@code sections}, {@code tags} and {@code notifications} belong to the articles service).
 * An upload ({@code POST /api/media}) streams through: the body is piped, never held here.
 * The token is verified here first (401 problem before anything is forwarded); roles are checked by the services.
 * Method, headers (Authorization, If-Match, ETag, ...), body and status pass through unchanged.
 *
 * Every service is behind a timeout and a circuit breaker ({@code EditorApiForwarding}): no answer is a problem+json
 * 503 (with Retry-After), 504 or 502, never a hang or a bare error.
 *
 * <p>Live streams (server-sent events: {@code GET /api/articles/{id}/presence/stream}) pass through chunk by chunk as
 * the service writes them, on connections of their own; the request timeout bounds only their head, after which only
 * a silence longer than {@code cms.gateway.stream-idle-timeout} (45 s; the service comments every 15 s) ends them. The
 * browser going away closes the service's side too.
 *
 * <p>Written on Vert.x's HttpClient rather than vertx-http-proxy: that library answers backend failures with a
 * bodiless 502 from inside, while our contract needs problem+json 502/503/504 with a bounded timeout.
 */
@ApplicationScoped
public class EditorApiRoutes {
    private static final String REQUEST_ID = "X-Request-Id";
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
            "expect"); // met here: a backend asked to continue would wait for a body already on its way
    /** The editor API's live streams (after {@code /api}). */
    private static final Pattern STREAM = Pattern.compile("/articles/[0-9a-fA-F-]{36}/presence/stream(\\?.*)?");

    @Inject
    EditorApiForwarding forwarding;

    void register(@Observes Router router) {
        // the services' internal reads and the articles service's byline claims are not part of the editor API
        router.routeWithRegex("/api/(articles/published|sections/published|tags/published|authors/public|authors/byline-claims|lists/public|media/renditions)(/.*)?").order(9)
                .handler(ctx -> problem(ctx, ProblemType.NOT_FOUND, "No editor API at " + ctx.request().path()));
        router.routeWithRegex("/api/(articles|sections|tags|notifications|authors|lists|webhooks|media)(/.*)?").order(10).handler(this::forward);
        router.routeWithRegex("/api(/.*)?").order(11).handler(ctx -> problem(ctx, ProblemType.NOT_FOUND,
                "No editor API at " + ctx.request().path() + "; the API has /api/articles, /api/sections, /api/tags, /api/notifications, /api/authors, /api/lists, /api/webhooks and /api/media"));
    }

    private void forward(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String rest = ctx.pathParam("param1");
        MetricsPaths.name("/api/" + ctx.pathParam("param0") + (rest == null || rest.isEmpty() ? "" : "/{path}"));
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
        if (read == null && "100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            // the caller waits for a go-ahead before sending its body (curl does for large uploads, for a second): the
            // token has passed, so it gets one; a refused caller never does and never sends the body
            ctx.response().writeContinue();
        }
        if (read != null) {
            headers.remove("Transfer-Encoding");
            headers.set("Content-Length", Integer.toString(read.length()));
        } else if (request.headers().contains("Content-Length")) {
            headers.set("Content-Length", request.getHeader("Content-Length"));
        }

        boolean live = request.method().name().equals("GET") && STREAM.matcher(uri).matches();
        (live ? forwarding.stream(service, uri, headers) : forwarding.forward(service, request.method(), uri, headers, read, request))
                .subscribe().with(backendResponse -> {
            HttpServerResponse response = ctx.response().setStatusCode(backendResponse.statusCode());
            backendResponse.headers().forEach(h -> {
                if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                    response.headers().add(h.getKey(), h.getValue());
                }
            });
            response.putHeader(REQUEST_ID, requestId);
            if (live) {
                // no proxy in front (an nginx ingress) may hold the events back; the browser leaving ends the service's side
                response.putHeader("X-Accel-Buffering", "no");
                response.putHeader("Cache-Control", "no-cache");
                response.closeHandler(closed -> backendResponse.request().reset());
            }
            response.send(backendResponse);
        }, failure -> backendFailed(ctx, service, failure));
    }

    private void backendFailed(RoutingContext ctx, String service, Throwable failure) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        EditorApiForwarding.Refusal refusal = forwarding.refusal(service, failure);
        if (refusal.retryLater()) {
            ctx.response().putHeader("Retry-After", "5");
        }
        problem(ctx, refusal.type(), refusal.detail());
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
