package io.newsroom.cms.articles.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** An article's working copy and workflow state; {@code liveRevision} points at what readers see (or null). */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {
    @Id
    public UUID id;
    @Embedded
    public Content content = new Content();
    @Enumerated(EnumType.STRING)
    public ArticleStatus status;
    /** Username of the writer who created it: writers may edit only their own articles. */
    public String owner;
    @Column(name = "working_revision")
    public int workingRevision;
    @Column(name = "live_revision")
    public Integer liveRevision;
    /** The working revision that still takes saves (an open editing session), or null: the next save starts one. */
    @Column(name = "open_revision")
    public Integer openRevision;
    /** Set by request_changes, cleared by the next workflow step of the working copy. */
    @Column(name = "changes_requested")
    public boolean changesRequested;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "first_published_at")
    public Instant firstPublishedAt;
    @Column(name = "last_published_at")
    public Instant lastPublishedAt;
    @Column(name = "scheduled_publish_at")
    public Instant scheduledPublishAt;
    @Column(name = "scheduled_unpublish_at")
    public Instant scheduledUnpublishAt;
    /** Failed attempts of the due scheduled publish or unpublish since it last succeeded or was (re)scheduled. */
    @Column(name = "schedule_failures")
    public int scheduleFailures;
    /** After a failed attempt: not before this time is it tried again (backoff). */
    @Column(name = "schedule_retry_at")
    public Instant scheduleRetryAt;
    /** Held back until a time, open to the people it names meanwhile; null: never embargoed, or lifted. */
    @Embedded
    public Embargo embargo;
    @Version
    public long version;

    public boolean isLive() {
        return liveRevision != null;
    }

    /** Whether an embargo holds the article back at {@code now} (one whose time has passed holds nothing). */
    public boolean embargoed(Instant now) {
        return embargo != null && embargo.holds(now);
    }

    /** A DRAFT handed back by an editor with request_changes and not moved on since. */
    public boolean changesRequested() {
        return changesRequested && status == ArticleStatus.DRAFT;
    }
}
