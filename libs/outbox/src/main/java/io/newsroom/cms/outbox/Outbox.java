package io.newsroom.cms.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
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
    /** The transaction's resource that says its wake-up is registered already. */
    private static final Object WAKE = new Object();

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
        wakeAfterCommit();
    }

    /**
     * The relays of this JVM look at the outbox once the caller's transaction has committed (at once without one):
     * call it wherever events are written other than through {@link #append}. Once per transaction, however many events.
     */
    public static void wakeAfterCommit() {
        TransactionSynchronizationRegistry registry = Arc.container().instance(TransactionSynchronizationRegistry.class).get();
        if (registry == null || registry.getTransactionKey() == null) {
            OutboxRelay.wakeAll();
            return;
        }
        if (registry.getResource(WAKE) != null) {
            return;
        }
        registry.putResource(WAKE, Boolean.TRUE);
        try {
            registerWake(registry);
        } catch (IllegalStateException e) {
            // the transaction is already bound to roll back: its events go with it, nothing to wake for
        }
    }

    private static void registerWake(TransactionSynchronizationRegistry registry) {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    OutboxRelay.wakeAll();
                }
            }
        });
    }

    /** Wakes the relays of this JVM now: events were written outside a transaction (a MongoDB part's single-document update). */
    public static void wake() {
        OutboxRelay.wakeAll();
    }

    private static String json(Map<String, String> headers) {
        try {
            return JSON.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
