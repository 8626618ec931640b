package io.newsroom.cms.curation.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One featured list, stored as one MongoDB document: metadata, the draft being edited, the live version readers
 * see, an optional scheduled publish, the last published revisions (for rollback) and the audit trail. Every
 * change replaces the document atomically, guarded by {@code docRevision}.
 */
public record FeaturedList(String id, String slug, String title, String description, int maxItems, long version,
                           Draft draft, Live live, Instant scheduledPublishAt, String scheduledBy, List<Live> revisions,
                           List<AuditEntry> audit, Instant createdAt, String createdBy, long docRevision) {

    public record Image(String url, String alt) {
    }

    public record Overrides(String headline, String summary, Image image) {
    }

    public record Window(Instant from, Instant until) {
        public boolean covers(Instant t) {
            return (from == null || !t.isBefore(from)) && (until == null || t.isBefore(until));
        }
    }

    public record Item(UUID articleId, Overrides overrides, Window window, String addedBy, Instant addedAt) {
    }

    public record Draft(long version, List<Item> items, Instant updatedAt, String updatedBy) {
    }

    public record Live(int revision, List<Item> items, Instant publishedAt, String publishedBy) {
    }

    public record AuditEntry(Instant at, String actor, String action, UUID articleId, String detail) {
    }

    /** The number the next published revision gets: one above the highest one kept. */
    public int nextRevision() {
        return revisions.stream().mapToInt(Live::revision).max().orElse(0) + 1;
    }

    public FeaturedList withDraft(Draft newDraft) {
        return new FeaturedList(id, slug, title, description, maxItems, version, newDraft, live, scheduledPublishAt,
                scheduledBy, revisions, audit, createdAt, createdBy, docRevision);
    }

    public FeaturedList withMeta(String newTitle, String newDescription, int newMax) {
        return new FeaturedList(id, slug, newTitle, newDescription, newMax, version + 1, draft, live, scheduledPublishAt,
                scheduledBy, revisions, audit, createdAt, createdBy, docRevision);
    }

    /** What readers see changes, so does the list's version (its ETag): rollbacks and deletes name it. */
    public FeaturedList withLive(Live newLive, List<Live> newRevisions) {
        return new FeaturedList(id, slug, title, description, maxItems, version + 1, draft, newLive, null, null, newRevisions,
                audit, createdAt, createdBy, docRevision);
    }

    public FeaturedList withSchedule(Instant at, String by) {
        return new FeaturedList(id, slug, title, description, maxItems, version + 1, draft, live, at, by, revisions, audit,
                createdAt, createdBy, docRevision);
    }

    public FeaturedList withAudit(List<AuditEntry> newAudit) {
        return new FeaturedList(id, slug, title, description, maxItems, version, draft, live, scheduledPublishAt,
                scheduledBy, revisions, newAudit, createdAt, createdBy, docRevision);
    }
}
