package io.newsroom.cms.articles.api;

import io.newsroom.cms.articles.api.SectionRecords.SectionRef;
import io.newsroom.cms.pictures.PublicImage;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Preview links: the editor API's requests and answers, and the read-only document a link opens. */
public final class PreviewRecords {
    private PreviewRecords() {
    }

    /**
     * A new link: {@code revision} (null: the working revision as it is now), {@code expiresAt} (null: the default
     * lifetime; at most the longest one from now) and {@code label}, whom it is for (optional, kept for the list).
     */
    public record PreviewLinkRequest(@Min(1) @Max(999_999_999) Integer revision, Instant expiresAt, @Size(max = 100) String label) {
    }

    /**
     * A link as the article's list shows it, never with its token: which revision, for whom, who made it and when,
     * until when it opens, and whether it still does ({@code state}: {@code active}, {@code expired}, {@code revoked}).
     */
    public record PreviewLinkView(UUID id, int revision, String label, String createdBy, Instant createdAt, Instant expiresAt,
                                  Instant revokedAt, String revokedBy, String state) {
    }

    /**
     * The answer to creating a link, the only time its token is ever shown: {@code url} is the reader's address of the
     * preview page ({@code /preview/<token>} on the gateway, absolute when {@code cms.articles.previews.page-base} is
     * set), {@code token} the secret in it.
     */
    public record CreatedPreviewLink(UUID id, int revision, String label, String createdBy, Instant createdAt, Instant expiresAt,
                                     String state, String url, String token) {
    }

    /**
     * Open the preview with this token (sent in the body, so it stays out of every URL between the services). Any text
     * is taken: a token of the wrong shape is a 404 like every other that opens nothing, not a 400 that would tell
     * shapes apart.
     */
    public record OpenPreviewRequest(@NotNull String token) {
    }

    /** A name on the byline as the preview shows it, with the job title and organisation when the profile has them. */
    public record BylineName(String displayName, String jobTitle, String organization) {
    }

    /**
     * What a preview link opens: the pinned revision as a reader would see it (the headline, the dek, the body as the
     * same sanitized HTML published articles carry, the hero image, the byline, the section and tags), which revision
     * it is and when it was saved, and until when the link opens. Nothing that leads anywhere else: no article id, no
     * slug, no editor data.
     */
    public record PreviewDocument(String headline, String dek, String bodyHtml, PublicImage heroImage, List<BylineName> byline,
                                  List<String> tags, SectionRef section, int revision, Instant savedAt, Instant expiresAt) {
    }
}
