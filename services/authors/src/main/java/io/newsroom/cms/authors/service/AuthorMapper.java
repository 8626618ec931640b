package io.newsroom.cms.authors.service;

import io.newsroom.cms.authors.domain.Author;
import io.newsroom.cms.authors.api.AuthorRecords.AuthorView;
import io.newsroom.cms.authors.api.AuthorRecords.Avatar;
import io.newsroom.cms.authors.api.AuthorRecords.PublicAuthor;
import io.newsroom.cms.authors.api.AuthorRecords.Social;
import io.newsroom.cms.common.content.MarkdownRenderer;

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

    public static PublicAuthor publicView(Author a) {
        return new PublicAuthor(a.id, a.slug, a.displayName, a.jobTitle, a.organization, a.bio,
                MarkdownRenderer.toSafeHtml(a.bio), avatar(a), social(a), a.active);
    }

    private static Avatar avatar(Author a) {
        return a.avatarUrl == null ? null : new Avatar(a.avatarUrl, a.avatarAlt);
    }

    private static Social social(Author a) {
        if (a.socialX == null && a.socialWebsite == null && a.socialLinkedin == null && a.socialMastodon == null) {
            return null;
        }
        return new Social(a.socialX, a.socialWebsite, a.socialLinkedin, a.socialMastodon);
    }
}
