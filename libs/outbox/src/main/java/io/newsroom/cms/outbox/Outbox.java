package io.newsroom.cms.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

import java.time.Instant;
import java.util.Map;

/**
 * The transactional outbox: an event is a row of {@code outbox_event} written in the same transaction as the change
 * it reports, so it exists exactly when the change does; {@link OutboxRelay} sends it to Kafka ({@link TableOutbox}). The row's id orders
 * the events and is their version for consumers (header {@link #EVENT_ID}); a {@code null} payload is a tombstone
 * (the key's record is gone from a compacted topic). Every service that sends events has the same table (its own
 * Flyway migration):
 *
 * <pre>
 * create table outbox_event (id bigserial primary key, topic varchar(200) not null, event_key varchar(200) not null,
 *     type varchar(100) not null, payload text, headers jsonb not null default '{}', created_at timestamptz not null default now());
 * </pre>
 */
public final class Outbox {
    /** The event's id: increasing per producing service, the version consumers compare per key. */
    public static final String EVENT_ID = "cms-event-id";
    public static final String EVENT_TYPE = "cms-event-type";
    public static final String EVENT_TIME = "cms-event-time";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Outbox() {
    }

    /** Appends an event in the caller's transaction. */
    public static void append(EntityManager em, String stream, String key, String type, String payload, Map<String, String> headers) {
        // synchronized on its own table only: a native statement would otherwise flush every pending change of the
        // session first, and a stale version of the changed entity would fail here instead of at the caller's flush
        em.createNativeQuery("insert into outbox_event (topic, event_key, type, payload, headers, created_at)"
                        + " values (:topic, :key, :type, :payload, cast(:headers as jsonb), :at)")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("outbox_event")
                .setParameter("topic", stream).setParameter("key", key).setParameter("type", type)
                .setParameter("payload", payload).setParameter("headers", json(headers == null ? Map.of() : headers))
                .setParameter("at", Instant.now())
                .executeUpdate();
    }

    private static String json(Map<String, String> headers) {
        try {
            return JSON.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
