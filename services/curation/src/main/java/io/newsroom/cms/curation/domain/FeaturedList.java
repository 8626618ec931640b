package io.newsroom.cms.curation.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One featured list, stored as one MongoDB document: metadata, the draft being edited, the live version readers
 * see, an optional scheduled publish, the last published revisions (for rollback) and the audit trail. Every
 * change replaces the document atomically, guarded by {@code docRevision}.
 */
public record FeaturedList(String id, String slug, String title, String description, int maxItems, long version,
                           Draft draft, Live live, Instant scheduledPublishAt, String scheduledBy, List<Live> revisions,
                           List<AuditEntry> audit, Instant createdAt, String createdBy, long docRevision) {

    /**
     * An item's own image: a pasted URL, a media library picture ({@code mediaId}; {@code url} is the library's, kept
     * for editors), or the alt text alone (the article's own picture, described for the rail).
     */
    public record Image(String url, String alt, UUID mediaId) {
    }

    public record Overrides(String headline, String summary, Image image) {
    }

    public record Window(Instant from, Instant until) {
        public boolean covers(Instant t) {
            return (from == null || !t.isBefore(from)) && (until == null || t.isBefore(until));
        }
    }

    public record Item(UUID articleId, Overrides overrides, Window window, String addedBy, Instant addedAt) {
        /** The library picture the item shows instead of its article's own; null when none. */
        public UUID picture() {
            return overrides == null || overrides.image() == null ? null : overrides.image().mediaId();
        }
    }

    /** A library picture on one item of this list: what the media library records as one usage of it. */
    public record PictureUse(UUID articleId, UUID mediaId) {
    }

    public record Draft(long version, List<Item> items, Instant updatedAt, String updatedBy) {
    }

    public record Live(int revision, List<Item> items, Instant publishedAt, String publishedBy) {
    }

    public record AuditEntry(Instant at, String actor, String action, UUID articleId, String detail) {
    }

    /**
     * The library pictures readers see or will see on this list's items: the live version and the draft (which a
     * scheduled publish makes live). The list holds a usage of each, and withdraws it once no version shows it.
     */
    public Set<PictureUse> picturesShown() {
        Set<PictureUse> shown = new LinkedHashSet<>(pictures(draft.items()));
        if (live != null) {
            shown.addAll(pictures(live.items()));
        }
        return shown;
    }

    /** Every library picture a kept version of this list shows (the revisions kept for rollback too). */
    public Set<PictureUse> picturesEverShown() {
        Set<PictureUse> shown = new LinkedHashSet<>(picturesShown());
        revisions.forEach(revision -> shown.addAll(pictures(revision.items())));
        return shown;
    }

    private static Set<PictureUse> pictures(List<Item> items) {
        Set<PictureUse> pictures = new LinkedHashSet<>();
        for (Item item : items) {
            if (item.picture() != null) {
                pictures.add(new PictureUse(item.articleId(), item.picture()));
            }
        }
        return pictures;
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
