package io.newsroom.cms.authors.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsroom.cms.authors.domain.Author;
import io.newsroom.cms.authors.api.AuthorRecords.AuthorView;
import io.newsroom.cms.authors.api.AuthorRecords.Avatar;
import io.newsroom.cms.authors.api.AuthorRecords.PublicAuthor;
import io.newsroom.cms.authors.api.AuthorRecords.Social;
import io.newsroom.cms.common.content.MarkdownRenderer;
import io.newsroom.cms.pictures.PublicImage;

/** Entity → API records, explicitly: entities never leave the service. */
public final class AuthorMapper {
    private AuthorMapper() {
    }

    /** {@code withPrivate}: the email and account link are included (admins, the author themself). */
    public static AuthorView view(Author a, boolean withPrivate) {
        return new AuthorView(a.id, a.slug, a.displayName, a.jobTitle, a.organization, a.bio,
                MarkdownRenderer.toSafeHtml(a.bio), avatar(a), social(a), withPrivate ? a.email : null,
                withPrivate ? a.username : null, a.active, a.bylined, a.version, a.createdAt, a.updatedAt);
    }

    /**
     * {@code picture}: the copy of the avatar's library picture (published.AvatarPictures), null for a pasted URL. The
     * author's own alt text comes first, the library's otherwise; caption and credit are the library's.
     */
    public static PublicAuthor publicView(Author a, JsonNode picture) {
        return new PublicAuthor(a.id, a.slug, a.displayName, a.jobTitle, a.organization, a.bio,
                MarkdownRenderer.toSafeHtml(a.bio), publicAvatar(a, picture), social(a), a.active);
    }

    private static Avatar avatar(Author a) {
        return a.avatarUrl == null && a.avatarMediaId == null ? null : new Avatar(a.avatarUrl, a.avatarAlt, a.avatarMediaId);
    }

    private static PublicImage publicAvatar(Author a, JsonNode picture) {
        if (a.avatarMediaId == null) {
            return PublicImage.pasted(a.avatarUrl, a.avatarAlt, null, null);
        }
        if (picture == null) { // every save copies its picture first: only a copy lost since would get here
            return a.avatarUrl == null ? null
                    : new PublicImage(a.avatarUrl, a.avatarAlt, null, null, a.avatarMediaId, null, null, null, null);
        }
        return PublicImage.of(a.avatarMediaId, picture, a.avatarUrl, a.avatarAlt, null, null);
    }

    private static Social social(Author a) {
        if (a.socialX == null && a.socialWebsite == null && a.socialLinkedin == null && a.socialMastodon == null) {
            return null;
        }
        return new Social(a.socialX, a.socialWebsite, a.socialLinkedin, a.socialMastodon);
    }
}
