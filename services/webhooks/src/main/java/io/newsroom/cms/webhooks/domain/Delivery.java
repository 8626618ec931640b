package io.newsroom.cms.webhooks.domain;

import java.time.Instant;
import java.util.UUID;

/** One message to one endpoint and how its attempts went (a row of {@code webhook_delivery}, without the body). */
public record Delivery(long id, UUID endpointId, String messageId, String eventType, String status, int attempts,
                       Integer lastStatusCode, Long lastDurationMs, String lastError, Instant nextAttemptAt,
                       Instant createdAt, Instant deliveredAt) {
}
