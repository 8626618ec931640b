package io.newsroom.cms.gateway.content;

import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.gateway.config.PublicApiConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client-address token buckets for the public API (429 + Retry-After). Hand-written because SmallRye Fault
 * Tolerance's @RateLimit is one global limit per method, not per client; this is a few lines of arithmetic.
 */
@ApplicationScoped
public class ClientRateLimiter {
    private static final int MAX_CLIENTS = 100_000;

    @Inject
    PublicApiConfig config;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    @ServerRequestFilter
    public Response limit(HttpServerRequest request) {
        PublicApiConfig.RateLimit limit = config.rateLimit();
        if (!limit.enabled() || !request.path().startsWith("/public/")) {
            return null;
        }
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear(); // bounded memory under address-spraying; everyone simply starts with a full bucket
        }
        long now = System.nanoTime();
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(limit.burst(), now));
        double wait;
        synchronized (bucket) {
            bucket.tokens = Math.min(limit.burst(), bucket.tokens + (now - bucket.refilledAt) / 1e9 * limit.perSecond());
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return null;
            }
            wait = (1 - bucket.tokens) / limit.perSecond();
        }
        long retryAfter = Math.max(1, (long) Math.ceil(wait));
        Problem problem = new Problem(ProblemType.TOO_MANY_REQUESTS.uri(), ProblemType.TOO_MANY_REQUESTS.title(), 429,
                "Slow down: at most " + limit.perSecond() + " requests per second per client", request.path(), List.of(), Map.of());
        return Response.status(429).header("Retry-After", retryAfter).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
