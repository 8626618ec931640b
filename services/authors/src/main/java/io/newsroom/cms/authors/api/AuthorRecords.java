package io.newsroom.cms.authors.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import io.newsroom.cms.common.validation.AltRequired;
import io.newsroom.cms.common.validation.HttpUrl;
import io.newsroom.cms.common.validation.Image;
import io.newsroom.cms.common.validation.Slug;
import io.newsroom.cms.pictures.PublicImage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The authors API's request and response bodies: the HTTP contract, exactly as sent. */
public final class AuthorRecords {
    private AuthorRecords() {
    }

    /** An X/Twitter handle: 1–15 letters, digits or underscores, with or without the leading @. */
    public static final String X_HANDLE = "@?[A-Za-z0-9_]{1,15}";
    public static final String USERNAME = "[a-z0-9][a-z0-9._-]{0,99}";

    /**
     * An author's photo: a picture of the media library ({@code mediaId}; {@code url} is then the library's and may be
     * left out, {@code alt} overrides the library's alt text when given), or a pasted URL with its alt text.
     */
    @AltRequired(checkUrl = true)
    public record Avatar(@Size(max = 2048) String url, @Size(max = 300) String alt, UUID mediaId) implements Image {
        @Override
        public boolean fromLibrary() {
            return mediaId != null;
        }
    }

    public record Social(
            @Pattern(regexp = X_HANDLE, message = "must be an X handle like @JaneDoeNews") String x,
            @HttpUrl String website,
            @HttpUrl String linkedin,
            @HttpUrl String mastodon) {
    }

    /** Admin create/replace. {@code slug} defaults to one derived from the display name. */
    public record AuthorRequest(
            @Slug String slug,
            @NotBlank @Size(max = 120) String displayName,
            @Size(max = 120) String jobTitle,
            @Size(max = 120) String organization,
            @Size(max = 10_000) String bio,
            @Valid Avatar avatar,
            @Valid Social social,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = USERNAME, message = "must be a Keycloak username: lowercase letters, digits, '.', '_' or '-'") String username,
            Boolean active) {
    }

    /** What authors may change on their own profile: not the slug, the identity link or the active flag. */
    public record ProfileUpdate(
            @NotBlank @Size(max = 120) String displayName,
            @Size(max = 120) String jobTitle,
            @Size(max = 120) String organization,
            @Size(max = 10_000) String bio,
            @Valid Avatar avatar,
            @Valid Social social,
            @Email @Size(max = 254) String email) {
    }

    /**
     * The editorial view, for signed-in staff. {@code email} and {@code username} (the account link) are private: only
     * admins and the author themself get them; for everyone else they are left out.
     */
    public record AuthorView(UUID id, String slug, String displayName, String jobTitle, String organization, String bio,
                             String bioHtml, Avatar avatar, Social social,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String email,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String username, boolean active,
                             boolean bylined, long version, Instant createdAt, Instant updatedAt) {
    }

    /**
     * The public projection ("About the Author"): never the email or the identity link. The avatar is as readers get
     * it: a library picture with its size, srcset and crops ({@code renditions}, the square one {@code 1x1}), a pasted
     * URL with {@code url} and {@code alt} only.
     */
    public record PublicAuthor(UUID id, String slug, String displayName, String jobTitle, String organization, String bio,
                               String bioHtml, PublicImage avatar, Social social, boolean active) {
    }

    /**
     * An author's public name and profile ({@link PublicAuthor}, as JSON) as of {@code updatedAt}: what other services
     * copy to show bylines and "About the Author" boxes without asking each time.
     */
    public record ProfileChange(UUID id, String slug, String displayName, Instant updatedAt,
                                @JsonRawValue @Schema(implementation = PublicAuthor.class) String profile) {
    }

    public record ProfileChanges(List<ProfileChange> items) {
    }

    /** A public profile ({@link PublicAuthor}) as stored: sent as it is, not parsed and written again. */
    @Schema(implementation = PublicAuthor.class)
    public record StoredProfile(@JsonValue @JsonRawValue String json) {
    }

    /** The public profiles of the active authors, by slug; {@code nextCursor} is null on the last page. */
    public record PublicAuthorPage(List<StoredProfile> items, String nextCursor) {
    }

    public record AuthorPage(List<AuthorView> items, long total) {
    }

    /** The articles service claims these authors for the byline of article {@code articleId}. */
    public record BylineClaimRequest(@jakarta.validation.constraints.NotNull UUID articleId,
                                     @jakarta.validation.constraints.NotNull @Size(min = 1, max = 10) List<@jakarta.validation.constraints.NotNull UUID> ids) {
    }

    /** The claimed authors' public profiles, and the ids whose claim this call made (to release if the save fails). */
    public record BylineClaimed(List<PublicAuthor> items, List<UUID> claimed) {
    }
}
