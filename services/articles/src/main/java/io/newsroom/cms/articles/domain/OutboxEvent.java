package io.newsroom.cms.articles.domain;

import io.newsroom.cms.outbox.Outbox;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;

/**
 * An event waiting in the transactional outbox: written with the change it reports, in the same transaction, and
 * relayed to Kafka by {@code client.EventRelay}. {@code id} orders the events and is their version for consumers;
 * a {@code null} payload is a tombstone (the key's record is gone from a compacted topic).
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    /** Published articles: the public document by article id, compacted; a tombstone when it is no longer live. */
    public static final String PUBLISHED_ARTICLES = "published-articles";
    /** Editorial workflow: every transition, by article id, kept for days. */
    public static final String WORKFLOW = "workflow";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** The logical stream ({@link #PUBLISHED_ARTICLES}, {@link #WORKFLOW}); configuration names its Kafka topic. */
    public String topic;
    @Column(name = "event_key")
    public String key;
    public String type;
    public String payload;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> headers;
    @Column(name = "created_at")
    public Instant createdAt;

    public static OutboxEvent append(String topic, String key, String type, String payload, Map<String, String> headers) {
        OutboxEvent event = new OutboxEvent();
        event.topic = topic;
        event.key = key;
        event.type = type;
        event.payload = payload;
        event.headers = headers;
        event.createdAt = Instant.now();
        event.persist();
        Outbox.wakeAfterCommit();
        return event;
    }
}
