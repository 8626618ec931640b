package io.newsroom.cms.webhooks.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetryScheduleTest {
    @Test
    void theDefaultScheduleTriesTenTimesOverAboutTwentyTwoHours() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6),
                Duration.ofHours(12)));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Instant at = t;
        int attempts = 1;
        for (Optional<Instant> next = schedule.next(attempts, at); next.isPresent(); next = schedule.next(attempts, at)) {
            at = next.get();
            attempts++;
        }
        assertEquals(10, attempts);
        assertEquals(Duration.ofHours(22).plusMinutes(42).plusSeconds(35), Duration.between(t, at));
        assertEquals(Optional.empty(), schedule.next(0, t));
    }
}
