package io.newsroom.cms.authors.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsroom.cms.authors.api.AuthorRecords.AuthorRequest;
import io.newsroom.cms.authors.api.AuthorRecords.Avatar;
import io.newsroom.cms.authors.api.AuthorRecords.ProfileUpdate;
import io.newsroom.cms.authors.client.MediaClient;
import io.newsroom.cms.authors.domain.Author;
import io.newsroom.cms.authors.published.AvatarPictures;
import io.newsroom.cms.common.problem.Versions;
import io.newsroom.cms.pictures.PublicImage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Saves that can put a media library picture on an author's profile: create, replace, the author's own edit, and
 * delete. The picture is reported to the media service first, outside any transaction (no remote call while the
 * author's row is locked), so the library keeps it from being deleted and lists the author among its usages; then
 * {@link AuthorService} writes in one transaction, copying the answer. The media service down or slow is a 503 before
 * anything is written. When the write fails (a stale If-Match, a taken slug, a database outage) a usage this save
 * reported is withdrawn again; once it has committed, the picture the author no longer shows is withdrawn too.
 */
@ApplicationScoped
public class AuthorSaves {
    private static final Logger LOG = Logger.getLogger(AuthorSaves.class);

    @Inject
    AuthorService authors;

    @Inject
    MediaClient media;

    @Inject
    AvatarPictures pictures;

    /** The author's id is chosen here: the media service is told of the avatar under it before the author exists. */
    public Author create(AuthorRequest request) {
        UUID id = UUID.randomUUID();
        JsonNode picture = take(id, null, null, request.avatar(), request.displayName());
        return releasingOnFailure(id, mediaId(request.avatar()), null, () -> authors.create(id, request, picture));
    }

    public Author update(UUID id, long expectedVersion, AuthorRequest request) {
        Author current = authors.get(id);
        Versions.requireCurrent(expectedVersion, current.version);
        UUID before = current.avatarMediaId;
        JsonNode picture = take(id, before, current.displayName, request.avatar(), request.displayName());
        Author saved = releasingOnFailure(id, mediaId(request.avatar()), before,
                () -> authors.update(id, expectedVersion, request, picture));
        dropIfUnused(id, before, saved);
        return saved;
    }

    public Author updateOwn(String username, long expectedVersion, ProfileUpdate update) {
        Author current = authors.byUsername(username).orElseThrow(() -> AuthorService.noProfile(username));
        Versions.requireCurrent(expectedVersion, current.version);
        UUID before = current.avatarMediaId;
        JsonNode picture = take(current.id, before, current.displayName, update.avatar(), update.displayName());
        Author saved = releasingOnFailure(current.id, mediaId(update.avatar()), before,
                () -> authors.updateOwn(username, expectedVersion, update, picture));
        dropIfUnused(current.id, before, saved);
        return saved;
    }

    /** Deletes the author, then gives back the avatar's picture (best effort). */
    public void delete(UUID id, long expectedVersion) {
        Author current = authors.get(id);
        Versions.requireCurrent(expectedVersion, current.version); // so the picture read here is the one deleted
        authors.delete(id, expectedVersion);
        if (current.avatarMediaId != null) {
            media.release(id, current.avatarMediaId);
        }
    }

    /**
     * The media service's answer for the avatar's library picture, when the save needs one: the picture is new to the
     * author, the author was renamed (the library lists the usage by name), or neither the copy here nor the request
     * describes it (it may have been described in the library a moment ago). Null when the copy here will do, or for a
     * pasted URL. A picture without words for readers is a 400 at {@code avatar.alt}, and its new usage is withdrawn.
     */
    private JsonNode take(UUID authorId, UUID before, String nameBefore, Avatar avatar, String displayName) {
        if (avatar == null || avatar.mediaId() == null) {
            return null;
        }
        UUID mediaId = avatar.mediaId();
        String name = displayName.trim();
        boolean kept = mediaId.equals(before);
        if (kept && name.equals(nameBefore)) {
            Optional<JsonNode> copy = pictures.current(mediaId);
            if (copy.isPresent() && PublicImage.described(avatar.alt(), copy.get())) {
                return null;
            }
        }
        JsonNode picture = media.use(authorId, mediaId, name);
        if (!PublicImage.described(avatar.alt(), picture)) {
            if (!kept) {
                media.release(authorId, mediaId);
            }
            AuthorService.requireDescribed(avatar, picture);
        }
        return picture;
    }

    private Author releasingOnFailure(UUID authorId, UUID picture, UUID before, Supplier<Author> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (picture != null && !picture.equals(before) && !shows(authorId, picture)) {
                media.release(authorId, picture);
            }
            throw e;
        }
    }

    /** Whether the author shows the picture as committed now: another save may have taken it meanwhile. */
    private boolean shows(UUID authorId, UUID picture) {
        try {
            return picture.equals(authors.avatarPicture(authorId));
        } catch (RuntimeException e) {
            // cannot tell: keep the usage, the safe side (a picture kept undeletable, never one deleted while shown)
            LOG.warnf("Kept author %s's usage of picture %s after a failed save: %s", authorId, picture, e.toString());
            return true;
        }
    }

    /** Withdraws the usage of the picture the author showed before the save, if it shows another one now. */
    private void dropIfUnused(UUID authorId, UUID before, Author saved) {
        if (before != null && !before.equals(saved.avatarMediaId)) {
            media.release(authorId, before);
        }
    }

    private static UUID mediaId(Avatar avatar) {
        return avatar == null ? null : avatar.mediaId();
    }
}
