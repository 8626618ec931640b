package io.newsroom.cms.curation.api;

import io.newsroom.cms.common.validation.AltRequired;
import io.newsroom.cms.common.validation.Image;
import io.newsroom.cms.common.validation.Slug;
import io.newsroom.cms.pictures.PublicImage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The curation API's request and response bodies: the HTTP contract, exactly as sent. */
public final class ListRecords {
    private ListRecords() {
    }

    public record CreateList(@NotNull @Slug String slug, @NotBlank @Size(max = 120) String title,
                             @Size(max = 1000) String description, @NotNull @Min(1) @Max(50) Integer maxItems) {
    }

    public record UpdateList(@NotBlank @Size(max = 120) String title, @Size(max = 1000) String description,
                             @NotNull @Min(1) @Max(50) Integer maxItems) {
    }

    /**
     * An item's own image: a pasted URL with its alt text, a media library picture ({@code mediaId}: its URL is the
     * library's, and its alt text the library's unless given here), or the alt text alone (the article's own picture,
     * described for the rail).
     */
    @AltRequired(checkUrl = true)
    public record ImageRef(@Size(max = 2048) String url, @Size(max = 300) String alt, UUID mediaId) implements Image {
        @Override
        public boolean fromLibrary() {
            return mediaId != null;
        }
    }

    public record Overrides(@Size(max = 200) String headline, @Size(max = 400) String summary, @Valid ImageRef image) {
    }

    public record Window(Instant from, Instant until) {
    }

    public record ItemRequest(@NotNull UUID articleId, @Min(0) @Max(49) Integer position, @Valid Overrides overrides,
                              Window window) {
    }

    public record ItemUpdate(@Valid Overrides overrides, Window window) {
    }

    public record MoveRequest(@NotNull UUID articleId, @NotNull @Min(0) @Max(49) Integer position) {
    }

    public record DraftRequest(@NotNull @Size(max = 50) List<@NotNull @Valid ItemRequest> items) {
    }

    public record PublishRequest(Instant at) {
    }

    public record RollbackRequest(@NotNull @Min(1) Integer revision) {
    }

    public record ItemView(UUID articleId, int position, Overrides overrides, Window window, String addedBy, Instant addedAt) {
    }

    public record DraftView(long version, List<ItemView> items, Instant updatedAt, String updatedBy) {
    }

    /** What readers get now, item by item as curated (overrides and windows unresolved); revision null: never published. */
    public record LiveView(Integer revision, List<ItemView> items, Instant publishedAt, String publishedBy) {
    }

    public record ListView(String slug, String title, String description, int maxItems, long version, int draftItems,
                           Integer liveRevision, Instant publishedAt, Instant scheduledPublishAt, String scheduledBy,
                           List<Integer> rollbackRevisions, Instant createdAt, String createdBy) {
    }

    public record ListPage(List<ListView> items, long total) {
    }

    /**
     * A list whose draft is scheduled to go live in a planning window: {@code version} is the list's ETag (If-Match of
     * cancelling the schedule), {@code draftVersion} the draft's (If-Match of publishing it at a new time);
     * {@code mayReschedule}: whether the caller may move or cancel it (curators and admins).
     */
    public record ScheduledList(String slug, String title, Instant at, String scheduledBy, long version, long draftVersion,
                                int draftItems, Integer liveRevision, boolean mayReschedule) {
    }

    /** The lists scheduled to publish between {@code from} (inclusive) and {@code to} (exclusive), by time. */
    public record ListSchedule(Instant from, Instant to, List<ScheduledList> items) {
    }

    public record AuditView(Instant at, String actor, String action, UUID articleId, String detail) {
    }

    public record AuditPage(List<AuditView> items) {
    }

    /**
     * A list item as readers get it: overrides applied, everything a rail needs. {@code image}: a library picture with
     * its size, srcset and renditions, or a pasted URL with its words ({@code url}, {@code alt}).
     */
    public record ResolvedItem(int position, UUID articleId, String slug, String headline, String summary, PublicImage image,
                               Instant publishedAt) {
    }

    /** The list as it resolves at {@code asOf} (editors' preview); {@code stale}: from the last good view of the articles. */
    public record ResolvedList(String slug, String title, String description, Integer revision, Instant publishedAt,
                               Instant asOf, boolean stale, List<ResolvedItem> items) {
    }

    /**
     * An item's overrides as the list events carry them: the image as readers get it when it is a library picture (its
     * size, srcset, renditions, and the library's words unless the curator gave their own), else as curated ({@code url}
     * and {@code alt}, or {@code alt} alone over the article's own picture).
     */
    public record PublishedOverrides(String headline, String summary, PublicImage image) {
    }

    /** A live item as curated, as the list events carry it: no resolution, and nobody's user name. */
    public record PublishedItem(UUID articleId, int position, PublishedOverrides overrides, Window window) {
    }

    /**
     * The live list as the list events carry it (topic {@code cms.curation.lists}, key: the slug): the live version
     * unresolved, every item as curated with its overrides and window, whether or not its article is still published
     * or its window open now. Readers get it resolved ({@code GET /lists/public/{slug}}). A library picture's change in
     * the media library is a new event of every live list showing it.
     */
    public record PublishedList(String slug, String title, String description, int revision, Instant publishedAt,
                                List<PublishedItem> items) {
    }

    /** The live list as readers get it: content only (freshness travels in headers). */
    public record PublicList(String slug, String title, String description, Integer revision, Instant publishedAt,
                             List<ResolvedItem> items) {
    }
}
