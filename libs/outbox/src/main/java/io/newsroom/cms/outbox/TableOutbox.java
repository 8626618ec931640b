package io.newsroom.cms.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The outbox of a PostgreSQL part: the table {@code outbox_event} ({@link Outbox}). A batch is read, sent and deleted
 * in one transaction that holds a transaction-scoped advisory lock, so one replica relays at a time: two relaying
 * together could each send a different batch and reorder one aggregate's events.
 */
public final class TableOutbox implements OutboxStore {
    /**
     * The advisory lock the relaying replica holds: a constant the parts' other advisory locks do not use (each part has
     * a database of its own, so the same value in two parts does not collide).
     */
    private static final long LOCK = 0x6f7574626f78L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final EntityManager em;

    public TableOutbox(EntityManager em) {
        this.em = em;
    }

    @Override
    public int relay(RelaySettings settings, Consumer<List<PendingEvent>> send) {
        return QuarkusTransaction.requiringNew().timeout((int) settings.sendTimeout().toSeconds() + 30).call(() -> {
            Boolean mine = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:lock)").setParameter("lock", LOCK)
                    .getSingleResult();
            if (!mine) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, topic, event_key, type, payload, cast(headers as text), created_at"
                    + " from outbox_event order by id").setMaxResults(settings.batchSize()).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<PendingEvent> events = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                events.add(new PendingEvent(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                        (String) row[4], headers(row[0], (String) row[5]), instant(row[6])));
            }
            send.accept(events);
            // exactly the rows sent: a transaction that took a smaller id may commit only now, its event not sent yet
            em.createNativeQuery("delete from outbox_event where id in (:ids)")
                    .setParameter("ids", events.stream().map(PendingEvent::id).toList()).executeUpdate();
            return events.size();
        });
    }

    /** Call it inside a transaction. */
    @Override
    public long waiting() {
        return ((Number) em.createNativeQuery("select count(*) from outbox_event").getSingleResult()).longValue();
    }

    private static Map<String, String> headers(Object id, String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox event " + id + " has unreadable headers", e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
