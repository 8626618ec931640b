package io.newsroom.cms.webhooks.domain;

import java.time.Instant;

/**
 * What the delivery worker knows about an endpoint: counters since it was registered ({@code delivered},
 * {@code failed}: deliveries that used up the retry schedule), deliveries waiting ({@code pending}, retries included),
 * and the last attempt ({@code lastStatusCode} null when no answer came).
 */
public record EndpointHealth(long delivered, long failed, long pending, Instant lastAttemptAt, Integer lastStatusCode) {
    public static final EndpointHealth NONE = new EndpointHealth(0, 0, 0, null, null);
}
