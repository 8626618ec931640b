package io.newsroom.cms.gateway.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CachedAnswer#youngerThan}: the same as {@code madeAt + maxAge > now}, to the nanosecond. */
class CachedAnswerTest {
    private static final Instant MADE = Instant.parse("2026-12-03T10:00:00.900000000Z");

    private static CachedAnswer madeAt(Instant at) {
        return CachedAnswer.json(new byte[0], false).madeAt(at);
    }

    @Test
    void boundariesToTheNanosecond() {
        Duration fresh = Duration.ofMillis(300);
        assertTrue(madeAt(MADE).youngerThan(fresh, MADE));
        assertTrue(madeAt(MADE).youngerThan(fresh, MADE.plus(fresh).minusNanos(1)), "one nanosecond before it ages");
        assertFalse(madeAt(MADE).youngerThan(fresh, MADE.plus(fresh)), "aged exactly at madeAt + maxAge");
        // across a second boundary with nanos on both sides larger than the difference (made at .9, max 0.9 s)
        Duration nineTenths = Duration.ofMillis(900);
        assertTrue(madeAt(MADE).youngerThan(nineTenths, Instant.parse("2026-12-03T10:00:01.700000000Z")));
        assertFalse(madeAt(MADE).youngerThan(nineTenths, Instant.parse("2026-12-03T10:00:01.800000000Z")));
        assertFalse(madeAt(null).youngerThan(fresh, MADE), "never made: not young");
        assertTrue(madeAt(MADE).youngerThan(Duration.ofDays(365 * 400), MADE.plusSeconds(5)), "a very long max age");
        assertFalse(madeAt(MADE.minus(Duration.ofDays(365 * 400))).youngerThan(fresh, MADE), "a very old answer");
    }

    @Test
    void agreesWithInstantArithmetic() {
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 200_000; i++) {
            Duration maxAge = Duration.ofNanos(random.nextLong(0, 5_000_000_000L));
            Instant now = MADE.plusNanos(random.nextLong(-2_000_000_000L, 8_000_000_000L));
            assertEquals(MADE.plus(maxAge).isAfter(now), madeAt(MADE).youngerThan(maxAge, now), () -> maxAge + " at " + now);
        }
    }
}
