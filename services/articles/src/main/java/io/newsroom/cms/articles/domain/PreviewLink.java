package io.newsroom.cms.articles.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A preview link: revision {@code revision} of an article, shown read-only to whoever holds the link's token until
 * {@code expiresAt} or until revoked. Only the token's hash is kept ({@link PreviewTokens}).
 */
@Entity
@Table(name = "preview_link")
public class PreviewLink extends PanacheEntityBase {
    /** What a link is now: it opens ({@code ACTIVE}), or not any more and why. */
    public enum State {
        ACTIVE, EXPIRED, REVOKED
    }

    @Id
    public UUID id;
    @Column(name = "article_id")
    public UUID articleId;
    public int revision;
    @Column(name = "token_hash")
    public String tokenHash;
    /** Whom it was made for, in the creator's words ("Dr Ames, for the quotes"), or null. */
    public String label;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "revoked_by")
    public String revokedBy;

    public State state(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return now.isBefore(expiresAt) ? State.ACTIVE : State.EXPIRED;
    }

    public boolean opensAt(Instant now) {
        return state(now) == State.ACTIVE;
    }
}
