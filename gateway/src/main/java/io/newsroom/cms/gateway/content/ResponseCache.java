package io.newsroom.cms.gateway.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.newsroom.cms.gateway.config.PublicApiConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Composed public answers by request key. Fresh for {@code fresh-for}; for {@code refresh-ahead} after that the answer
 * is still served at once while one background request refreshes it; older than that (or never computed), the request
 * waits for the recomputation. Concurrent requests for the same key share one computation. When the services cannot
 * answer, the last good answer is served for {@code stale-for}, marked stale; after that the failure shows.
 */
@ApplicationScoped
public class ResponseCache {
    private static final Logger LOG = Logger.getLogger(ResponseCache.class);

    public record Served(CachedAnswer answer, boolean stale) {
    }

    @Inject
    PublicApiConfig config;

    private Cache<String, CachedAnswer> cache;
    private final Map<String, Uni<CachedAnswer>> inFlight = new ConcurrentHashMap<>();

    @jakarta.annotation.PostConstruct
    void init() {
        cache = Caffeine.newBuilder().maximumSize(config.maxEntries()).build();
    }

    public Uni<Served> get(String key, Supplier<Uni<CachedAnswer>> compute) {
        if (!config.cacheEnabled()) {
            return compute.get().map(answer -> new Served(answer, false));
        }
        CachedAnswer cached = cache.getIfPresent(key);
        if (cached != null && !cached.degraded()) {
            if (young(cached, config.freshFor())) {
                return Uni.createFrom().item(new Served(cached, false));
            }
            if (young(cached, config.freshFor().plus(config.refreshAhead()))) {
                recompute(key, compute).subscribe().with(answer -> { },
                        failure -> LOG.debugf("Background refresh of %s failed: %s", key, failure.toString()));
                return Uni.createFrom().item(new Served(cached, false));
            }
        }
        return recompute(key, compute).map(answer -> new Served(answer, false)).onFailure().recoverWithUni(failure -> {
            boolean answer = failure instanceof BackendException b && b.isAnswer();
            if (!answer && cached != null && young(cached, config.staleFor())) {
                LOG.debugf("Serving stale %s: %s", key, failure.toString());
                return Uni.createFrom().item(new Served(cached, true));
            }
            return Uni.createFrom().failure(failure);
        });
    }

    /** One shared computation per key: a good answer replaces the cached one; an answer such as 404 removes it. */
    private Uni<CachedAnswer> recompute(String key, Supplier<Uni<CachedAnswer>> compute) {
        return inFlight.computeIfAbsent(key, k -> compute.get()
                .invoke(answer -> cache.put(k, answer))
                .onFailure(f -> f instanceof BackendException b && b.isAnswer()).invoke(() -> cache.invalidate(k))
                .onTermination().invoke(() -> inFlight.remove(k))
                .memoize().indefinitely());
    }

    private static boolean young(CachedAnswer answer, Duration maxAge) {
        return answer.madeAt().plus(maxAge).isAfter(Instant.now());
    }
}
