package io.newsroom.cms.outbox;

import java.time.Instant;
import java.util.Map;

/**
 * An event waiting in an outbox, as a store hands it to the relay: {@code id} orders a key's events and is their
 * version for consumers (header {@link Outbox#EVENT_ID}); a {@code null} payload is a tombstone; {@code stream} names
 * the logical stream the relay maps to a topic; {@code at} is when the change was made.
 */
public record PendingEvent(long id, String stream, String key, String type, String payload, Map<String, String> headers,
                           Instant at) {
}
