package io.newsroom.cms.articles.api;

import io.newsroom.cms.articles.domain.ArticleStatus;
import io.newsroom.cms.articles.domain.Action;
import io.newsroom.cms.common.validation.AltRequired;
import io.newsroom.cms.common.validation.HttpUrl;
import io.newsroom.cms.common.validation.Image;
import io.newsroom.cms.common.validation.Slug;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The articles API's request and response bodies. */
public final class ArticleRecords {
    private ArticleRecords() {
    }

    /**
     * The hero image: a picture of the media library ({@code mediaId}; {@code url} is then the library's and may be
     * left out or sent back as it came: it is the library's), and a blank alt, caption or credit means the library's),
     * or a pasted URL with its alt text.
     */
    @AltRequired(checkUrl = true)
    public record HeroImage(@Size(max = 2048) String url, @Size(max = 300) String alt, @Size(max = 500) String caption,
                            @Size(max = 200) String credit, UUID mediaId) implements Image {
        @Override
        public boolean fromLibrary() {
            return mediaId != null;
        }
    }

    /**
     * What search engines and social cards show of the article: {@code title} (the headline when blank; the editor warns
     * past about 60 characters, where search results cut it), {@code description} (the dek when blank; warned past about
     * 160), {@code canonicalUrl} (the original's address when this is a copy; blank: the article's own page) and
     * {@code noindex} (ask search engines to leave it out; the sitemaps do) and {@code socialImage} (the social card's
     * picture; null: the hero image).
     */
    public record Seo(@Size(max = 120) String title, @Size(max = 300) String description, @HttpUrl String canonicalUrl,
                      boolean noindex, @Valid SocialImage socialImage) {
    }

    /**
     * The social card's own picture, shaped and checked like the hero image: a picture of the media library
     * ({@code mediaId}; {@code url} is then the library's social-card crop and may be left out or sent back as it came;
     * a blank alt means the library's), or a pasted URL with its alt text. Shared pages show it instead of the hero.
     */
    @AltRequired(checkUrl = true)
    public record SocialImage(@Size(max = 2048) String url, @Size(max = 300) String alt, UUID mediaId) implements Image {
        @Override
        public boolean fromLibrary() {
            return mediaId != null;
        }
    }

    /**
     * A note readers get with an update of a published article: {@code kind} {@code correction} (something was wrong)
     * or {@code update} (something new), and what changed. Sent with a save, it rides on the working copy (and its
     * revision) until the next publish, which shows it to readers with the time of that publish and clears it here;
     * readers keep every note. A restore does not bring an old note back.
     */
    public record CorrectionNote(
            @NotNull @Pattern(regexp = "correction|update", message = "must be correction or update") String kind,
            @NotBlank @Size(max = 2000) String note) {
    }

    /** A note readers were given, at the publish that carried it. */
    public record CorrectionView(String kind, String note, Instant at, int revision) {
    }

    /**
     * Create or replace the working copy. {@code slug} defaults to one derived from the headline. {@code primarySectionId}
     * (required before submitting) and {@code secondarySectionIds}: left out, a new article starts in the default section
     * and a replace keeps the article's sections. {@code seo} left out: none (headline and dek stand in, indexed).
     * {@code correction}: only once the article has been published. {@code related}: related articles chosen by hand,
     * in the order readers get them (at most 10, each once, existing articles other than this one; a draft may be
     * named and shows up once published); left out, a replace keeps the article's.
     */
    public record ArticleRequest(
            @Slug String slug,
            @NotBlank @Size(max = 200) String headline,
            @Size(max = 1000) String dek,
            @Size(max = 200_000) String body,
            @Valid HeroImage heroImage,
            @Size(max = 30) List<@NotBlank @Size(max = 60) @Pattern(regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N} &'._-]*", message = "must be a word or short phrase") String> tags,
            @Size(max = 10) List<@NotNull UUID> byline,
            UUID primarySectionId,
            @Size(max = 10) List<@NotNull UUID> secondarySectionIds,
            @Valid Seo seo,
            @Valid CorrectionNote correction,
            @Size(max = 10) List<@NotNull UUID> related) {
        /** The same request with the given social image ({@code seo} as sent otherwise). */
        public ArticleRequest withSocialImage(SocialImage image) {
            return new ArticleRequest(slug, headline, dek, body, heroImage, tags, byline, primarySectionId, secondarySectionIds,
                    new Seo(seo.title(), seo.description(), seo.canonicalUrl(), seo.noindex(), image), correction, related);
        }

        /** The social image sent, or null. */
        public SocialImage socialImage() {
            return seo == null ? null : seo.socialImage();
        }

        /** The same request with the given hero image. */
        public ArticleRequest withHero(HeroImage hero) {
            return new ArticleRequest(slug, headline, dek, body, hero, tags, byline, primarySectionId, secondarySectionIds,
                    seo, correction, related);
        }
    }

    /**
     * {@code embargo}: the embargo that holds the article back now, or null (none, lifted, or its time has passed).
     * {@code scheduledUnpublishAt}: the live article's expiry (set with {@code unpublish} and a time, cleared with
     * {@code unschedule_unpublish}).
     */
    public record ArticleView(UUID id, String slug, String headline, String dek, String body, HeroImage heroImage,
                              List<String> tags, List<UUID> byline, ArticleStatus status, boolean live,
                              Integer liveRevision, int workingRevision, String owner, Instant createdAt,
                              Instant updatedAt, Instant submittedAt, Instant firstPublishedAt, Instant lastPublishedAt,
                              Instant scheduledPublishAt, Instant scheduledUnpublishAt, Set<Action> allowedActions,
                              boolean changesRequested, long version, UUID primarySectionId, List<UUID> secondarySectionIds,
                              Seo seo, CorrectionNote correction, List<CorrectionView> corrections, List<UUID> related,
                              AssignmentView assignment, EmbargoView embargo) {
    }

    /** Who reviews the article next ({@code assignee} null: nobody); {@code version} is what If-Match of a change names. */
    public record AssignmentView(String assignee, String note, String assignedBy, Instant assignedAt, long version) {
    }

    /** {@code assignee}: the username of an editor or admin. */
    public record AssigneeRequest(@NotBlank @Size(max = 100) String assignee, @Size(max = 500) String note) {
    }

    public record Reviewer(String username, boolean admin) {
    }

    /** {@code embargoedUntil}: when the embargo that holds the article now lifts, or null. */
    public record ArticleSummary(UUID id, String slug, String headline, ArticleStatus status, boolean live,
                                 List<String> tags, List<UUID> byline, String owner, Instant updatedAt,
                                 Instant firstPublishedAt, Instant scheduledPublishAt, boolean changesRequested,
                                 UUID primarySectionId, String assignee, Instant embargoedUntil) {
    }

    /**
     * Who may open an embargoed article meanwhile, besides its owner and admins (who always may): these user names,
     * and the holders of these roles ({@code writer}, {@code editor}, {@code curator}, {@code admin}).
     */
    public record EmbargoAccess(
            @Size(max = 50) List<@NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{N}._@+-]+",
                    message = "must be a user name: letters, digits and . _ @ + -") String> users,
            @Size(max = 4) List<@NotBlank @Size(max = 40) String> roles) {
    }

    /**
     * Set or change an article's embargo: held back until {@code until} (in the future, at most a year ahead), open
     * meanwhile to {@code access}; left out, to editors (the person setting it is always named, the owner and admins
     * always may).
     */
    public record EmbargoRequest(@NotNull Instant until, @Valid EmbargoAccess access, @Size(max = 5000) String comment) {
    }

    /** The embargo holding an article back: until when, who may open it meanwhile, who set it and when. */
    public record EmbargoView(Instant until, EmbargoAccess access, String setBy, Instant setAt) {
    }

    public record ArticlePage(List<ArticleSummary> items, long total) {
    }

    public record TransitionRequest(@NotNull Action action, @Size(max = 5000) String comment, Instant at) {
    }

    public record WorkflowEventView(String action, ArticleStatus fromStatus, ArticleStatus toStatus, String actor,
                                    Instant at, String comment, Integer revision) {
    }

    public record PreviewRequest(@NotNull @Size(max = 200_000) String body) {
    }

    public record PreviewResponse(String html) {
    }

    public record CommentRequest(@NotBlank @Size(max = 5000) String body) {
    }

    public record CommentView(UUID id, String author, String body, Instant createdAt) {
    }

    /** Workflow events and review comments of one article, oldest first. */
    public record HistoryEntry(String kind, Instant at, String actor, String action, ArticleStatus fromStatus,
                               ArticleStatus toStatus, String comment, Integer revision) {
    }

    /**
     * One revision in the list: an editing session of {@code author} from {@code createdAt} to {@code updatedAt} holding
     * {@code saves} saves, and the workflow steps taken while it was the working revision.
     */
    public record RevisionSummary(int number, String author, Instant createdAt, String note, boolean live, boolean working,
                                  String headline, Instant updatedAt, int saves, List<RevisionStep> steps) {
    }

    /** A workflow event recorded while a revision was the working one (create, submit, request_changes, restore, ...). */
    public record RevisionStep(String action, String actor, Instant at) {
    }

    public record RevisionView(int number, String author, Instant createdAt, String note, String slug, String headline,
                               String dek, String body, HeroImage heroImage, List<String> tags, List<UUID> byline,
                               Instant updatedAt, int saves, UUID primarySectionId, List<UUID> secondarySectionIds,
                               Seo seo, CorrectionNote correction, List<UUID> related) {
    }

    public record FieldChange(String field, Object from, Object to) {
    }

    /** One hunk of the body's line diff: lines removed from {@code a} and added in {@code b}. */
    public record LineChange(String type, int fromLine, List<String> removed, int toLine, List<String> added) {
    }

    public record RevisionDiff(int from, int to, List<FieldChange> changes, List<LineChange> body) {
    }

    public record ListOf<T>(List<T> items) {
    }

    public record IdsRequest(@NotNull @Size(min = 1, max = 100) List<@NotNull UUID> ids) {
    }

    /**
     * One scheduled change of an article in a planning window: {@code kind} {@code publish} (its working copy goes live
     * at {@code at}) or {@code unpublish} (its live version is taken down at {@code at}: the article's expiry).
     * {@code version} is the article's ETag (If-Match of a reschedule); {@code mayReschedule}: whether the caller may move
     * it (the {@code schedule} transition with a new {@code at}, or {@code unpublish} with one).
     */
    public record ScheduleEntry(String kind, UUID articleId, String slug, String headline, ArticleStatus status, boolean live,
                                Instant at, long version, String owner, boolean mayReschedule) {
    }

    /** The scheduled publishes and unpublishes between {@code from} (inclusive) and {@code to} (exclusive), by time. */
    public record ScheduleView(Instant from, Instant to, List<ScheduleEntry> items, boolean truncated) {
    }
}
