package io.newsroom.cms.webhooks.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after the n-th failed attempt, {@code delays[n-1]} later; once the list is
 * used up the delivery has {@code failed}. The default, 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h, 12 h, keeps
 * trying for about 22 hours (ten attempts).
 */
public record RetrySchedule(List<Duration> delays) {
    public RetrySchedule {
        delays = List.copyOf(delays);
    }

    /** When to try again after {@code attemptsMade} attempts all failed, or empty when the delivery has failed for good. */
    public Optional<Instant> next(int attemptsMade, Instant now) {
        if (attemptsMade < 1 || attemptsMade > delays.size()) {
            return Optional.empty();
        }
        return Optional.of(now.plus(delays.get(attemptsMade - 1)));
    }
}
