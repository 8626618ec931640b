package io.newsroom.cms.webhooks.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * A registered receiver: where to send ({@code url}), what ({@code events}, {@code kind}) and the secret deliveries are
 * signed with. What the delivery worker learns about it (last attempt, failure streak, counters) lives in
 * {@code webhook_endpoint_health}, so that the worker never touches this row except to disable it.
 */
@Entity
@Table(name = "webhook_endpoint")
public class Endpoint extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false, length = 2048)
    public String url;

    @Column(length = 500)
    public String description;

    /** Catalogue names ({@link EventType#type()}), in the order given. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] events;

    /** {@link EndpointKind#value()}. */
    @Column(nullable = false, length = 20)
    public String kind;

    @Column(nullable = false, length = 100)
    public String secret;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason", length = 1000)
    public String disabledReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
