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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Public answers by request key. Fresh for {@code fresh-for}; for {@code refresh-ahead} after that the answer is still
 * served at once while one background request refreshes it; older than that (or never made), the request waits for
 * the new one. Concurrent requests for the same key share one computation. When the services cannot answer, the last
 * good answer is served for {@code stale-for}, marked stale with its age; after that the failure shows. While the
 * content events reach this replica ({@link #eventsLive()}), answers stay fresh for {@code event-fresh-for}: each event
 * replaces or drops the answers it touches ({@link #articleChanged}, {@link #articleGone}). Time is the
 * injected {@link Clock}'s, so the rules are tested without waiting.
 */
@ApplicationScoped
public class ResponseCache {
    private static final Logger LOG = Logger.getLogger(ResponseCache.class);

    private final PublicApiConfig config;
    private final Clock clock;
    private final Cache<String, CachedAnswer> cache;
    private final Map<String, Uni<CachedAnswer>> inFlight = new ConcurrentHashMap<>();
    /** Since when every content event has reached this replica; null while they do not (then time-based freshness). */
    private volatile Instant eventsLiveSince;
    /** Counts the content events applied: an answer computed while one came in may predate it and is not kept. */
    private final AtomicLong events = new AtomicLong();

    @Inject
    public ResponseCache(PublicApiConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        // Caffeine's upkeep (its read buffers drained into the eviction policy) done by whichever thread fills a buffer,
        // not handed to the common pool: the hand-over woke a pool thread every few reads (2.6 % of the event loop's
        // time over 10,000 cached articles, most of it in the kernel), for work of a few microseconds.
        this.cache = Caffeine.newBuilder().maximumSize(config.maxEntries()).executor(Runnable::run).build();
    }

    /** An answer made from articles only: the content events cover it (see {@link #get(String, boolean, Supplier)}). */
    public Uni<ServedAnswer> get(String key, Supplier<Uni<CachedAnswer>> compute) {
        return get(key, true, compute);
    }

    /**
     * The answer for {@code key}, made by {@code compute} when there is no fresh one. {@code coveredByEvents}: every
     * change to what the answer shows comes as a content event (articles, article pages, search, feed, sitemap), so
     * it may stay fresh for {@code event-fresh-for}; answers made with other services' data (author pages, featured
     * lists: no events of theirs yet) stay fresh for {@code fresh-for} only.
     */
    public Uni<ServedAnswer> get(String key, boolean coveredByEvents, Supplier<Uni<CachedAnswer>> compute) {
        if (!config.cacheEnabled()) {
            return compute.get().map(answer -> new ServedAnswer(answer, false, 0));
        }
        Instant now = clock.instant();
        CachedAnswer cached = cache.getIfPresent(key);
        if (cached != null && !cached.degraded() && !cached.outdated()) {
            if (servable(key, cached, coveredByEvents, now)) {
                return Uni.createFrom().item(new ServedAnswer(cached, false, 0));
            }
            if (cached.youngerThan(servedWhileRefreshing(cached, coveredByEvents), now)) {
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

    /**
     * The cached answer for {@code key} when it may be served as it is, with nothing to make or refresh (the rules of
     * {@link #get(String, boolean, Supplier)}); null otherwise, and then {@code get} decides. For the router's fast path.
     */
    public CachedAnswer fresh(String key, boolean coveredByEvents) {
        if (!config.cacheEnabled()) {
            return null;
        }
        CachedAnswer cached = cache.getIfPresent(key);
        return cached != null && !cached.degraded() && !cached.outdated() && servable(key, cached, coveredByEvents, clock.instant())
                ? cached : null;
    }

    private boolean servable(String key, CachedAnswer cached, boolean coveredByEvents, Instant now) {
        return cached.youngerThan(config.freshFor(), now) || coveredByEvents && keptFreshByEvents(key, cached, now);
    }

    /**
     * How old an answer past its freshness may be and still be served at once while one background request refreshes
     * it. Time-based: {@code fresh-for + refresh-ahead}. Kept fresh by the events: twice {@code event-fresh-for}, so an
     * answer no event touched for that long (most of an archive) is renewed without a reader waiting for it; past that
     * (the refreshes failed, or nobody read it), the reader waits, and a failure then serves it as the last good answer.
     */
    private Duration servedWhileRefreshing(CachedAnswer cached, boolean coveredByEvents) {
        return coveredByEvents && madeWhileEventsLive(cached) ? config.eventFreshFor().multipliedBy(2)
                : config.freshFor().plus(config.refreshAhead());
    }

    private boolean keptFreshByEvents(String key, CachedAnswer cached, Instant now) {
        return madeWhileEventsLive(cached) && cached.youngerThan(eventFreshFor(key), now);
    }

    /** Made since the content events have been reaching this replica without a break: every later change replaced it. */
    private boolean madeWhileEventsLive(CachedAnswer cached) {
        Instant since = eventsLiveSince;
        return since != null && !cached.madeAt().isBefore(since);
    }

    /**
     * {@code event-fresh-for}, less up to a tenth by the key: answers made together (a replica's start-up fill, an
     * archive read through at once) are renewed over several seconds rather than in one burst every time it has passed.
     */
    private Duration eventFreshFor(String key) {
        long full = config.eventFreshFor().toNanos();
        int spread = (key.hashCode() * 0x9E3779B9) >>> 22; // 0..1023, mixed: similar keys land far apart
        return Duration.ofNanos(full - full / 10_240 * spread);
    }

    /** The content events reach this replica from now on: answers made from now on stay fresh until an event says otherwise. */
    public void eventsLive() {
        if (eventsLiveSince == null) {
            eventsLiveSince = clock.instant();
        }
    }

    /** The content events stopped (or may have): every answer is fresh for {@code fresh-for} only, as without events. */
    public void eventsLost() {
        eventsLiveSince = null;
    }

    public boolean eventsAreLive() {
        return eventsLiveSince != null;
    }

    /**
     * An article was published or changed: its cached answer is replaced by the one the event carries (for {@code slug}), any
     * other slug it had is dropped, and every answer that lists articles (pages, search, feed, sitemap, author pages,
     * featured lists) is made again on the next read (kept meanwhile as the last good answer for an outage).
     */
    public void articleChanged(String slug, CachedAnswer answer, List<String> formerSlugs) {
        articleChanged(slug, answer, formerSlugs, false);
    }

    /**
     * An article's current public answer, from its event: cached (replacing what was there), so a replica fills its
     * cache from the compacted topic when it starts and never asks the articles service for a live article while the
     * events flow. {@code replay}: part of that start-up fill, where every article comes once and the answers that
     * list articles were made after it anyway, so they are not marked outdated each time (that would make the fill
     * quadratic in the number of articles). An answer read from the articles service that already shows a later
     * version of the article stays: the event came late (the relay had not sent it yet when the service was asked).
     */
    public void articleChanged(String slug, CachedAnswer answer, List<String> formerSlugs, boolean replay) {
        if (!config.cacheEnabled()) {
            return;
        }
        events.incrementAndGet();
        CachedAnswer made = answer.madeAt(clock.instant());
        cache.asMap().merge("article/" + slug, made, (held, event) -> held.newerThan(event) ? held : event);
        formerSlugs.forEach(former -> cache.invalidate("article/" + former));
        if (!replay) {
            outdateListings();
        }
    }

    /**
     * An article is no longer published: its answers go at once (a takedown is never served again, not even as the last
     * good answer) and every answer that lists articles is made again on the next read.
     */
    public void articleGone(List<String> slugs) {
        events.incrementAndGet();
        slugs.forEach(slug -> cache.invalidate("article/" + slug));
        // and the redirects from its old slugs, which would now lead readers to a 404
        cache.asMap().entrySet().removeIf(entry -> entry.getValue().status() == 301 && entry.getValue().location() != null
                && slugs.stream().anyMatch(slug -> entry.getValue().location().endsWith("/articles/" + slug)));
        outdateListings();
    }

    /** The start-up fill is over: whatever lists articles is made again on its next read. */
    public void replayed() {
        outdateListings();
    }

    private void outdateListings() {
        cache.asMap().replaceAll((key, answer) -> key.startsWith("article/") ? answer : answer.markOutdated());
    }

    /**
     * One shared computation per key: a good answer replaces the cached one; an answer such as 404 removes it. When a
     * content event came in meanwhile, the answer may predate it: an article page is not kept, unless it shows a later
     * version of its article than the one the event left there (the event was the late one; a tombstone leaves nothing
     * to replace); any other answer is kept outdated, as the event would have left it.
     */
    private Uni<CachedAnswer> recompute(String key, Supplier<Uni<CachedAnswer>> compute) {
        return inFlight.computeIfAbsent(key, k -> Uni.createFrom().deferred(() -> {
                    long before = events.get();
                    return compute.get().map(answer -> answer.madeAt(clock.instant())).invoke(answer -> {
                        if (events.get() == before) {
                            cache.put(k, answer);
                        } else if (!k.startsWith("article/")) {
                            // a listing or an author page: the event outdated whatever was held, and this answer may
                            // predate it too, so it is kept outdated (made again on the next read), which still makes it
                            // the last good answer during an outage, as if it had been stored just before the event
                            cache.put(k, answer.markOutdated());
                        } else {
                            cache.asMap().computeIfPresent(k, (same, held) -> answer.atLeastAsNewAs(held) ? answer : held);
                        }
                    });
                })
                .onFailure(f -> f instanceof BackendException b && b.isAnswer()).invoke(() -> cache.invalidate(k))
                .onTermination().invoke(() -> inFlight.remove(k))
                .memoize().indefinitely());
    }
}
