package io.newsroom.cms.gateway.repository;

import io.newsroom.cms.gateway.SettableClock;
import io.newsroom.cms.gateway.config.PublicApiConfig;
import io.newsroom.cms.gateway.domain.BackendException;
import io.newsroom.cms.gateway.domain.CachedAnswer;
import io.newsroom.cms.gateway.domain.ServedAnswer;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cache's rules with a clock moved by hand (fresh 300 ms, refresh-ahead 400 ms, stale 10 min, as configured): no
 * sleeps, no Quarkus, no backend.
 */
class ResponseCacheTest {
    private final SettableClock clock = new SettableClock();
    private final ResponseCache cache = new ResponseCache(new Settings(true), clock);

    /** A backend that answers version 1, 2, ... or fails when told to, counting the calls. */
    private static final class Backend implements Supplier<Uni<CachedAnswer>> {
        final AtomicInteger calls = new AtomicInteger();
        RuntimeException failure;

        @Override
        public Uni<CachedAnswer> get() {
            int n = calls.incrementAndGet();
            return failure != null ? Uni.createFrom().failure(failure)
                    : Uni.createFrom().item(CachedAnswer.json(("{\"v\":" + n + "}").getBytes(StandardCharsets.UTF_8), false));
        }
    }

    private ServedAnswer read(String key, Backend backend) {
        return cache.get(key, backend).await().atMost(Duration.ofSeconds(1));
    }

    private static String body(ServedAnswer served) {
        return new String(served.answer().body(), StandardCharsets.UTF_8);
    }

    @Test
    void aFreshAnswerIsServedWithoutAskingTheBackendAgain() {
        Backend backend = new Backend();
        assertEquals("{\"v\":1}", body(read("k", backend)));
        clock.advance(Duration.ofMillis(299));
        ServedAnswer again = read("k", backend);
        assertEquals("{\"v\":1}", body(again));
        assertFalse(again.stale());
        assertEquals(1, backend.calls.get());
    }

    @Test
    void afterFreshForTheOldAnswerIsServedAtOnceWhileOneRefreshRuns() {
        Backend backend = new Backend();
        read("k", backend);
        clock.advance(Duration.ofMillis(500)); // past fresh-for, within fresh-for + refresh-ahead
        assertEquals("{\"v\":1}", body(read("k", backend)), "served at once, not waiting for the refresh");
        assertEquals(2, backend.calls.get(), "one background refresh");
        assertEquals("{\"v\":2}", body(read("k", backend)), "the refreshed answer, fresh again");
        assertEquals(2, backend.calls.get());
    }

    @Test
    void pastRefreshAheadTheReaderWaitsForANewAnswer() {
        Backend backend = new Backend();
        read("k", backend);
        clock.advance(Duration.ofMillis(701));
        assertEquals("{\"v\":2}", body(read("k", backend)));
        assertEquals(2, backend.calls.get());
    }

    @Test
    void whenTheBackendFailsTheLastGoodAnswerIsServedStaleWithItsAgeUntilStaleFor() {
        Backend backend = new Backend();
        read("k", backend);
        backend.failure = new BackendException(503, "down");
        clock.advance(Duration.ofSeconds(42));
        ServedAnswer stale = read("k", backend);
        assertTrue(stale.stale());
        assertEquals(42, stale.ageSeconds());
        assertEquals("{\"v\":1}", body(stale));

        clock.advance(Duration.ofMinutes(10)); // past stale-for: the failure shows
        assertThrows(BackendException.class, () -> read("k", backend));

        backend.failure = null;
        ServedAnswer recovered = read("k", backend);
        assertFalse(recovered.stale());
        assertEquals(0, recovered.ageSeconds());
    }

    @Test
    void aNotFoundIsAnAnswerThatRemovesTheCachedOneAndIsNeverCoveredWithIt() {
        Backend backend = new Backend();
        read("k", backend);
        backend.failure = new BackendException(404, "unpublished");
        clock.advance(Duration.ofSeconds(1));
        BackendException gone = assertThrows(BackendException.class, () -> read("k", backend));
        assertEquals(404, gone.status());
        backend.failure = new BackendException(503, "down");
        clock.advance(Duration.ofSeconds(1));
        assertThrows(BackendException.class, () -> read("k", backend), "nothing stale left to serve");
    }

    @Test
    void nothingCachedAndTheBackendDownIsTheFailure() {
        Backend backend = new Backend();
        backend.failure = new BackendException(503, "down");
        assertThrows(BackendException.class, () -> read("never", backend));
    }

    @Test
    void aDegradedAnswerIsServedButReplacedOnTheNextRead() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Uni<CachedAnswer>> degradedFirst = () -> Uni.createFrom().item(
                CachedAnswer.json(("{\"n\":" + calls.incrementAndGet() + "}").getBytes(StandardCharsets.UTF_8), calls.get() == 1));
        assertTrue(cache.get("d", degradedFirst).await().indefinitely().answer().degraded());
        ServedAnswer second = cache.get("d", degradedFirst).await().indefinitely();
        assertFalse(second.answer().degraded());
        assertEquals(2, calls.get(), "a degraded answer is not kept fresh");
        cache.get("d", degradedFirst).await().indefinitely();
        assertEquals(2, calls.get(), "the full one is");
    }

    @Test
    void withTheCacheOffEveryReadAsksTheBackend() {
        ResponseCache off = new ResponseCache(new Settings(false), clock);
        Backend backend = new Backend();
        off.get("k", backend).await().indefinitely();
        off.get("k", backend).await().indefinitely();
        assertEquals(2, backend.calls.get());
    }

    @Test
    void whileEventsFlowAnAnswerStaysFreshUntilAnEventReplacesIt() {
        Backend backend = new Backend();
        cache.eventsLive();
        read("article/a", backend);
        read("articles?10", backend);
        clock.advance(Duration.ofSeconds(100));
        assertEquals("{\"v\":1}", body(read("article/a", backend)));
        assertEquals(2, backend.calls.get(), "no refresh within event-fresh-for");

        cache.articleChanged("a", CachedAnswer.json("{\"v\":\"event\"}".getBytes(StandardCharsets.UTF_8), false), List.of("a-old"));
        assertEquals("{\"v\":\"event\"}", body(read("article/a", backend)), "the event's document, at once");
        assertEquals(2, backend.calls.get());
        read("articles?10", backend);
        assertEquals(3, backend.calls.get(), "pages that list articles are made again");

        cache.articleGone(List.of("a"));
        read("article/a", backend);
        assertEquals(4, backend.calls.get(), "an unpublished article is asked for again");
        clock.advance(Duration.ofSeconds(121));
        read("article/a", backend);
        assertEquals(5, backend.calls.get(), "event-fresh-for bounds an answer no event touched");
    }

    @Test
    void anAnswerNoEventTouchedIsRenewedInTheBackgroundSoNoReaderWaitsForIt() {
        Backend backend = new Backend();
        cache.eventsLive();
        read("article/a", backend);
        clock.advance(Duration.ofSeconds(121)); // past event-fresh-for
        assertEquals("{\"v\":1}", body(read("article/a", backend)), "served at once, not waiting for the refresh");
        assertEquals(2, backend.calls.get(), "one background refresh");
        assertEquals("{\"v\":2}", body(read("article/a", backend)), "the renewed answer");
        clock.advance(Duration.ofSeconds(100));
        read("article/a", backend);
        assertEquals(2, backend.calls.get(), "fresh again for event-fresh-for");

        clock.advance(Duration.ofSeconds(241)); // nobody read it for twice event-fresh-for: the reader waits
        assertEquals("{\"v\":3}", body(read("article/a", backend)));

        backend.failure = new BackendException(503, "down");
        clock.advance(Duration.ofSeconds(130));
        assertEquals("{\"v\":3}", body(read("article/a", backend)), "a failed refresh leaves the answer served");
        clock.advance(Duration.ofSeconds(120)); // past twice event-fresh-for, the service still down: the last good answer
        ServedAnswer stale = read("article/a", backend);
        assertTrue(stale.stale());
        assertEquals("{\"v\":3}", body(stale));
    }

    @Test
    void answersMadeTogetherAreRenewedSpreadOverATenthOfEventFreshFor() {
        Backend backend = new Backend();
        cache.eventsLive();
        for (int i = 0; i < 100; i++) {
            read("article/a" + i, backend);
        }
        clock.advance(Duration.ofSeconds(107).plusMillis(999)); // under 120 s less a tenth: none is renewed yet
        for (int i = 0; i < 100; i++) {
            read("article/a" + i, backend);
        }
        assertEquals(100, backend.calls.get());
        clock.advance(Duration.ofSeconds(6)); // 114 s: about half of them
        for (int i = 0; i < 100; i++) {
            read("article/a" + i, backend);
        }
        int renewed = backend.calls.get() - 100;
        assertTrue(renewed > 20 && renewed < 80, "renewed at 114 s: " + renewed);
        clock.advance(Duration.ofMillis(6_001)); // past 120 s: every one
        for (int i = 0; i < 100; i++) {
            read("article/a" + i, backend);
        }
        assertEquals(200, backend.calls.get());
    }

    @Test
    void aRefreshThatShowsTheVersionAnEventLeftRenewsTheAnswer() {
        cache.eventsLive();
        cache.articleChanged("r", article("event 3", 3), List.of());
        clock.advance(Duration.ofSeconds(121));
        AtomicInteger calls = new AtomicInteger();
        Supplier<Uni<CachedAnswer>> racing = () -> {
            calls.incrementAndGet();
            cache.articleChanged("r", article("event 3", 3), List.of()); // the same version again (a replay, a late copy)
            return Uni.createFrom().item(article("read at 3", 3));
        };
        cache.get("article/r", racing).await().indefinitely();
        assertEquals("{\"v\":\"read at 3\"}", body(read("article/r", new Backend())));
        clock.advance(Duration.ofSeconds(100));
        cache.get("article/r", racing).await().indefinitely();
        assertEquals(1, calls.get(), "renewed: fresh again, not refreshed on every read");
    }

    @Test
    void duringAnOutageAnOutdatedListIsStillTheLastGoodAnswerButATakedownIsNever() {
        Backend backend = new Backend();
        cache.eventsLive();
        read("articles?10", backend);
        read("article/gone", backend);
        cache.articleGone(List.of("gone"));
        backend.failure = new BackendException(503, "down");
        ServedAnswer page = read("articles?10", backend);
        assertTrue(page.stale(), "the page the event outdated, served as the last good answer");
        assertThrows(BackendException.class, () -> read("article/gone", backend), "an unpublished article is never served again");
    }

    @Test
    void withoutEventsFreshnessIsTimeBasedAgain() {
        Backend backend = new Backend();
        cache.eventsLive();
        read("k", backend);
        cache.eventsLost();
        clock.advance(Duration.ofSeconds(2));
        read("k", backend);
        assertEquals(2, backend.calls.get(), "past fresh-for without events: asked again");
        clock.advance(Duration.ofMillis(1));
        cache.eventsLive();
        clock.advance(Duration.ofSeconds(2));
        read("k", backend);
        assertEquals(3, backend.calls.get(), "an answer made before the events came back is not trusted to them");
        clock.advance(Duration.ofSeconds(2));
        read("k", backend);
        assertEquals(3, backend.calls.get(), "one made since is");
    }

    @Test
    void anAnswerComputedWhileAnEventCameInIsNotKept() {
        read("article/r", new Backend());
        clock.advance(Duration.ofSeconds(1)); // past fresh-for and refresh-ahead: the next reader waits for a new answer
        AtomicInteger calls = new AtomicInteger();
        Supplier<Uni<CachedAnswer>> racing = () -> {
            calls.incrementAndGet();
            // the event arrives after the backend was asked, before its (older) answer is back
            cache.articleChanged("r", CachedAnswer.json("{\"v\":\"event\"}".getBytes(StandardCharsets.UTF_8), false), List.of());
            return Uni.createFrom().item(CachedAnswer.json("{\"v\":\"old\"}".getBytes(StandardCharsets.UTF_8), false));
        };
        cache.get("article/r", racing).await().indefinitely();
        assertEquals("{\"v\":\"event\"}", body(cache.get("article/r", racing).await().indefinitely()), "the event's answer stays");
        assertEquals(1, calls.get());
    }

    @Test
    void aListingComputedWhileAnEventCameInIsKeptOutdatedSoAnOutageStillHasItsLastGoodAnswer() {
        cache.eventsLive();
        AtomicInteger calls = new AtomicInteger();
        Supplier<Uni<CachedAnswer>> racing = () -> {
            calls.incrementAndGet();
            cache.articleChanged("r", CachedAnswer.json("{\"v\":\"event\"}".getBytes(StandardCharsets.UTF_8), false), List.of());
            return Uni.createFrom().item(CachedAnswer.json("{\"items\":[\"before\"]}".getBytes(StandardCharsets.UTF_8), false));
        };
        cache.get("author/sam", racing).await().indefinitely();
        Backend backend = new Backend();
        read("author/sam", backend);
        assertEquals(1, backend.calls.get(), "outdated: made again on the next read");
        // and had the service gone down instead, the kept answer is the last good one
        cache.get("author/kim", () -> {
            cache.articleChanged("r", CachedAnswer.json("{\"v\":\"event\"}".getBytes(StandardCharsets.UTF_8), false), List.of());
            return Uni.createFrom().item(CachedAnswer.json("{\"items\":[\"kim\"]}".getBytes(StandardCharsets.UTF_8), false));
        }).await().indefinitely();
        backend.failure = new BackendException(503, "down");
        ServedAnswer stale = read("author/kim", backend);
        assertTrue(stale.stale());
        assertEquals("{\"items\":[\"kim\"]}", body(stale));
    }

    /** The article's document as its event (or the articles service) carries it, at {@code version}. */
    private static CachedAnswer article(String text, long version) {
        return CachedAnswer.json(("{\"v\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8), false).withVersion(version);
    }

    @Test
    void aLateEventDoesNotPutBackWhatTheServiceHasAlreadyMovedOn() {
        cache.eventsLive();
        // renamed from "old" (publish event 3) and republished (event 5); a reader asks before either event arrives
        cache.get("article/old", () -> Uni.createFrom().item(CachedAnswer.redirect("/public/v1/articles/new").withVersion(5)))
                .await().indefinitely();
        cache.articleChanged("old", article("first publish", 3), List.of());
        Backend backend = new Backend();
        assertEquals(301, cache.get("article/old", backend).await().indefinitely().answer().status(), "the redirect stays");
        assertEquals(0, backend.calls.get());

        cache.articleChanged("old", article("published again under its old slug", 7), List.of("new"));
        assertEquals("{\"v\":\"published again under its old slug\"}", body(read("article/old", backend)), "a later event replaces it");
    }

    @Test
    void anAnswerComputedWhileALateEventCameInIsKeptWhenItIsTheNewer() {
        cache.eventsLive();
        Supplier<Uni<CachedAnswer>> racing = () -> {
            // the service already shows version 5 when event 3 arrives
            cache.articleChanged("r", article("event 3", 3), List.of());
            return Uni.createFrom().item(article("read at 5", 5));
        };
        cache.get("article/r", racing).await().indefinitely();
        Backend backend = new Backend();
        assertEquals("{\"v\":\"read at 5\"}", body(read("article/r", backend)));
        assertEquals(0, backend.calls.get());
    }

    @Test
    void anAnswerComputedWhileATakedownCameInIsNotKeptEvenWithAVersion() {
        cache.eventsLive();
        Supplier<Uni<CachedAnswer>> racing = () -> {
            cache.articleGone(List.of("t"));
            return Uni.createFrom().item(article("read before the takedown", 5));
        };
        cache.get("article/t", racing).await().indefinitely();
        Backend backend = new Backend();
        read("article/t", backend);
        assertEquals(1, backend.calls.get(), "asked again: nothing was kept");
    }

    @Test
    void aTakedownAlsoDropsTheRedirectsFromItsOldSlugs() {
        cache.eventsLive();
        AtomicInteger calls = new AtomicInteger();
        Supplier<Uni<CachedAnswer>> redirect = () -> {
            calls.incrementAndGet();
            return Uni.createFrom().item(CachedAnswer.redirect("/public/v1/articles/current"));
        };
        cache.get("article/old", redirect).await().indefinitely();
        cache.articleGone(List.of("current"));
        cache.get("article/old", redirect).await().indefinitely();
        assertEquals(2, calls.get(), "the old slug is asked about again, not sent to a page that is gone");
    }

    @Test
    void anArticleNobodyReadHereIsCachedByItsEventSoTheServiceIsNotAsked() {
        Backend backend = new Backend();
        cache.eventsLive();
        cache.articleChanged("unread", CachedAnswer.json("{\"v\":\"event\"}".getBytes(StandardCharsets.UTF_8), false), List.of(), true);
        assertEquals("{\"v\":\"event\"}", new String(read("article/unread", backend).answer().body(), StandardCharsets.UTF_8));
        assertEquals(0, backend.calls.get(), "filled from the topic: the first read is a hit");
    }

    @Test
    void answersMadeWithOtherServicesDataStayFreshByTimeOnly() {
        Backend backend = new Backend();
        cache.eventsLive();
        cache.get("author/a", false, backend).await().indefinitely();
        clock.advance(Duration.ofSeconds(2));
        cache.get("author/a", false, backend).await().indefinitely();
        assertEquals(2, backend.calls.get(), "no author events yet: an author page is fresh for fresh-for only");
    }

    /** The configured values of application.properties. */
    private record Settings(boolean cacheEnabled) implements PublicApiConfig {
        @Override
        public Duration freshFor() {
            return Duration.ofMillis(300);
        }

        @Override
        public Duration eventFreshFor() {
            return Duration.ofSeconds(120);
        }

        @Override
        public Duration refreshAhead() {
            return Duration.ofMillis(400);
        }

        @Override
        public Duration staleFor() {
            return Duration.ofMinutes(10);
        }

        @Override
        public int maxEntries() {
            return 100;
        }

        @Override
        public Duration maxAge() {
            return Duration.ofSeconds(30);
        }

        @Override
        public Duration sharedMaxAge() {
            return Duration.ZERO;
        }

        @Override
        public Duration staleWhileRevalidate() {
            return Duration.ofSeconds(300);
        }

        @Override
        public URI siteUrl() {
            return URI.create("https://www.example.com");
        }

        @Override
        public String articlePath() {
            return "/articles/{slug}";
        }

        @Override
        public String feedTitle() {
            return "Newsroom";
        }

        @Override
        public Duration backendTimeout() {
            return Duration.ofSeconds(3);
        }

        @Override
        public Duration backendConnectTimeout() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration renditionTimeout() {
            return Duration.ofSeconds(15);
        }

        @Override
        public MemorySize renditionsCacheSize() {
            return new MemorySize(java.math.BigInteger.valueOf(1024 * 1024));
        }

        // feeds, sitemaps and links: not the cache's business
        @Override
        public String authorPath() {
            return "/authors/{slug}";
        }

        @Override
        public java.util.Optional<URI> apiUrl() {
            return java.util.Optional.empty();
        }

        @Override
        public Feed feed() {
            return null;
        }

        @Override
        public Sitemap sitemap() {
            return null;
        }
    }
}
