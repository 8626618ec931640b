package io.newsroom.cms.gateway.repository;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.newsroom.cms.gateway.config.PublicApiConfig;
import io.newsroom.cms.gateway.domain.BackendException;
import io.newsroom.cms.gateway.domain.CachedAnswer;
import io.newsroom.cms.gateway.domain.ServedAnswer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Public answers by request key. Fresh for {@code fresh-for}; for {@code refresh-ahead} after that the answer is still
 * served at once while one background request refreshes it; older than that (or never made), the request waits for
 * the new one. Concurrent requests for the same key share one computation. When the services cannot answer, the last
 * good answer is served for {@code stale-for}, marked stale with its age; after that the failure shows. Time is the
 * injected {@link Clock}'s, so the rules are tested without waiting.
 */
@ApplicationScoped
public class ResponseCache {
    private static final Logger LOG = Logger.getLogger(ResponseCache.class);

    private final PublicApiConfig config;
    private final Clock clock;
    private final Cache<String, CachedAnswer> cache;
    private final Map<String, Uni<CachedAnswer>> inFlight = new ConcurrentHashMap<>();

    @Inject
    public ResponseCache(PublicApiConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().maximumSize(config.maxEntries()).build();
    }

    public Uni<ServedAnswer> get(String key, Supplier<Uni<CachedAnswer>> compute) {
        if (!config.cacheEnabled()) {
            return compute.get().map(answer -> new ServedAnswer(answer, false, 0));
        }
        Instant now = clock.instant();
        CachedAnswer cached = cache.getIfPresent(key);
        if (cached != null && !cached.degraded()) {
            if (cached.youngerThan(config.freshFor(), now)) {
                return Uni.createFrom().item(new ServedAnswer(cached, false, 0));
            }
            if (cached.youngerThan(config.freshFor().plus(config.refreshAhead()), now)) {
                recompute(key, compute).subscribe().with(answer -> { },
                        failure -> LOG.debugf("Background refresh of %s failed: %s", key, failure.toString()));
                return Uni.createFrom().item(new ServedAnswer(cached, false, 0));
            }
        }
        return recompute(key, compute).map(answer -> new ServedAnswer(answer, false, 0)).onFailure().recoverWithUni(failure -> {
            boolean answer = failure instanceof BackendException b && b.isAnswer();
            Instant then = clock.instant();
            if (!answer && cached != null && cached.youngerThan(config.staleFor(), then)) {
                LOG.debugf("Serving stale %s: %s", key, failure.toString());
                return Uni.createFrom().item(new ServedAnswer(cached, true, cached.ageSeconds(then)));
            }
            return Uni.createFrom().failure(failure);
        });
    }

    /** One shared computation per key: a good answer replaces the cached one; an answer such as 404 removes it. */
    private Uni<CachedAnswer> recompute(String key, Supplier<Uni<CachedAnswer>> compute) {
        return inFlight.computeIfAbsent(key, k -> Uni.createFrom().deferred(() -> compute.get())
                .map(answer -> answer.madeAt(clock.instant()))
                .invoke(answer -> cache.put(k, answer))
                .onFailure(f -> f instanceof BackendException b && b.isAnswer()).invoke(() -> cache.invalidate(k))
                .onTermination().invoke(() -> inFlight.remove(k))
                .memoize().indefinitely());
    }
}
