package io.newsroom.cms.authors.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsroom.cms.authors.api.AuthorRecords.AuthorRequest;
import io.newsroom.cms.authors.api.AuthorRecords.Avatar;
import io.newsroom.cms.authors.api.AuthorRecords.ProfileUpdate;
import io.newsroom.cms.authors.api.AuthorRecords.PublicAuthor;
import io.newsroom.cms.authors.api.AuthorRecords.Social;
import io.newsroom.cms.authors.client.MediaClient;
import io.newsroom.cms.authors.domain.Author;
import io.newsroom.cms.authors.domain.AuthorSlugAlias;
import io.newsroom.cms.authors.published.AvatarPictures;
import io.newsroom.cms.authors.published.PublicProfiles;
import io.newsroom.cms.authors.repository.BylineClaims;
import io.newsroom.cms.authors.repository.NameLocks;
import io.newsroom.cms.common.content.Slugs;
import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.common.problem.Versions;
import io.newsroom.cms.pictures.PublicImage;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Author use cases. Every write runs in one transaction: it either happens whole or not at all. Writes that may take a
 * media library picture for the avatar come through {@link AuthorSaves}, which talks to the media service before and
 * after the transaction, never during it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AuthorService {
    @Inject
    PublicProfiles publicProfiles;

    @Inject
    BylineClaims claims;

    @Inject
    NameLocks names;

    @Inject
    AvatarPictures pictures;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Author get(UUID id) {
        Author author = Author.findById(id);
        if (author == null) {
            throw ProblemException.notFound("Author " + id);
        }
        return author;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Author> byUsername(String username) {
        return Author.find("username", username).firstResultOptional();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SearchResult search(String q, Boolean active, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(displayName) like :q or slug like :q or lower(coalesce(username, '')) like :q)");
            params.put("q", "%" + q.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (active != null) {
            where.append(" and active = :active");
            params.put("active", active);
        }
        var query = Author.<Author>find(where.toString(), Sort.ascending("displayName").and("id"), params);
        return new SearchResult(query.page(Page.of(page, size)).list(), query.count());
    }

    public record SearchResult(List<Author> items, long total) {
    }

    /**
     * Creates author {@code id} (chosen by the caller: the media service has been told of its avatar under it).
     * {@code picture}: the media service's answer for the avatar's library picture when it was just asked, else null.
     */
    public Author create(UUID id, @NotNull @Valid AuthorRequest request, JsonNode picture) {
        Author author = new Author();
        author.id = id;
        author.createdAt = now();
        author.active = request.active() == null || request.active();
        String slug = request.slug() != null ? request.slug() : Slugs.from(request.displayName());
        names.lock("author-slug", slug);
        author.slug = request.slug() != null ? slug : freeSlug(slug);
        requireSlugFree(author.slug, null);
        author.username = blankToNull(request.username());
        requireUsernameFree(author.username, null);
        JsonNode shown = apply(author, request.displayName(), request.jobTitle(), request.organization(), request.bio(),
                request.avatar(), picture, request.social(), request.email());
        publicProfiles.refresh(author, AuthorMapper.publicView(author, shown));
        author.persistAndFlush();
        return author;
    }

    /** {@code picture}: as for {@link #create}. */
    public Author update(UUID id, long expectedVersion, @NotNull @Valid AuthorRequest request, JsonNode picture) {
        Author author = get(id);
        Versions.requireCurrent(expectedVersion, author.version);
        String slug = request.slug() != null ? request.slug() : author.slug;
        if (!slug.equals(author.slug)) {
            names.lock("author-slug", slug);
            requireSlugFree(slug, author.id);
            AuthorSlugAlias.deleteById(slug); // taking back one of our own old slugs
            AuthorSlugAlias alias = new AuthorSlugAlias();
            alias.slug = author.slug;
            alias.authorId = author.id;
            alias.persist();
            author.slug = slug;
        }
        String username = blankToNull(request.username());
        requireUsernameFree(username, author.id);
        author.username = username;
        if (request.active() != null) {
            author.active = request.active();
        }
        JsonNode shown = apply(author, request.displayName(), request.jobTitle(), request.organization(), request.bio(),
                request.avatar(), picture, request.social(), request.email());
        return flush(author, shown);
    }

    /** {@code picture}: as for {@link #create}. */
    public Author updateOwn(String username, long expectedVersion, @NotNull @Valid ProfileUpdate update, JsonNode picture) {
        Author author = byUsername(username).orElseThrow(() -> noProfile(username));
        Versions.requireCurrent(expectedVersion, author.version);
        JsonNode shown = apply(author, update.displayName(), update.jobTitle(), update.organization(), update.bio(),
                update.avatar(), picture, update.social(), update.email());
        return flush(author, shown);
    }

    public void delete(UUID id, long expectedVersion) {
        // locked: a claim made meanwhile waits for this delete (then finds no author) or this delete for it (then a 409)
        Author author = Author.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (author == null) {
            throw ProblemException.notFound("Author " + id);
        }
        Versions.requireCurrent(expectedVersion, author.version);
        if (claims.anyFor(id)) {
            throw ProblemException.conflict("This author has appeared on a byline and cannot be deleted; deactivate them instead");
        }
        AuthorSlugAlias.delete("authorId", id);
        author.delete();
        publicProfiles.removed(id);
    }

    /** The public profiles of the authors an article claimed, and which claims are new (to release if its save fails). */
    public record Claimed(List<PublicAuthor> profiles, List<UUID> newlyClaimed) {
    }

    /**
     * Checks that every id is a known, active author and records that article {@code articleId} names them on its
     * byline. Answers 400 with one field error per bad id ({@code authorIds[i]}) and records nothing then, so an
     * article is never saved with a bad byline. The authors are share-locked: a delete cannot slip in between.
     */
    public Claimed claimForByline(UUID articleId, List<UUID> ids) {
        Map<UUID, Author> byId = new HashMap<>();
        for (UUID id : ids.stream().distinct().toList()) {
            Author author = Author.findById(id, LockModeType.PESSIMISTIC_READ);
            if (author != null) {
                byId.put(id, author);
            }
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Author author = byId.get(ids.get(i));
            if (author == null) {
                errors.add(new Problem.FieldError("authorIds[" + i + "]", "unknown author " + ids.get(i)));
            } else if (!author.active) {
                errors.add(new Problem.FieldError("authorIds[" + i + "]", "author " + author.displayName + " is deactivated"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The byline names unknown or deactivated authors", errors, Map.of());
        }
        Instant now = now();
        List<UUID> newlyClaimed = new ArrayList<>();
        List<PublicAuthor> profiles = new ArrayList<>();
        for (UUID id : ids.stream().distinct().toList()) {
            Author author = byId.get(id);
            profiles.add(AuthorMapper.publicView(author, pictures.copyOf(author.avatarMediaId)));
            if (claims.claim(id, articleId, now)) {
                newlyClaimed.add(id);
            }
        }
        return new Claimed(profiles, newlyClaimed);
    }

    /**
     * Copies a picture that changed in the media library, when newer than the copy here, and republishes the public
     * profiles of the authors whose avatar it is (their events reach the articles service and the gateways). The
     * number of profiles republished: 0 when the copy here was as new, so a repeated event changes nothing.
     */
    public int pictureChanged(JsonNode picture) {
        if (!pictures.update(picture)) {
            return 0;
        }
        UUID mediaId = UUID.fromString(picture.path("id").asText());
        int written = 0;
        for (Author author : Author.<Author>list("avatarMediaId", mediaId)) {
            // strictly later than the profile's last change: the copies take only newer profiles
            Instant at = now();
            if (!at.isAfter(author.updatedAt)) {
                at = author.updatedAt.plus(1, ChronoUnit.MICROS);
            }
            if (publicProfiles.republish(author, AuthorMapper.publicView(author, picture), at)) {
                written++;
            }
        }
        return written;
    }

    /** The library picture author {@code id} shows as committed now (a transaction of its own); null for none. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public UUID avatarPicture(UUID id) {
        Author author = Author.findById(id);
        return author == null ? null : author.avatarMediaId;
    }

    /** Drops claims of an article: those of a save that failed, or all of a deleted article ({@code authorIds} empty). */
    public int releaseClaims(UUID articleId, List<UUID> authorIds) {
        return claims.release(articleId, authorIds);
    }

    public static ProblemException noProfile(String username) {
        return new ProblemException(ProblemType.NOT_FOUND,
                "No author profile is linked to your account '" + username + "'; an admin can link one");
    }

    private Author flush(Author author, JsonNode picture) {
        author.updatedAt = now();
        publicProfiles.refresh(author, AuthorMapper.publicView(author, picture));
        try {
            author.flush();
        } catch (OptimisticLockException e) {
            throw Versions.stale(author.version + 1);
        }
        return author;
    }

    /** Sets the profile's fields; the copy of the avatar's library picture the public view shows, null for none. */
    private JsonNode apply(Author author, String displayName, String jobTitle, String organization, String bio,
                           Avatar avatar, JsonNode picture, Social social, String email) {
        author.displayName = displayName.trim();
        author.jobTitle = blankToNull(jobTitle);
        author.organization = blankToNull(organization);
        author.bio = blankToNull(bio);
        JsonNode shown = applyAvatar(author, avatar, picture);
        author.socialX = social == null || blankToNull(social.x()) == null ? null
                : (social.x().startsWith("@") ? social.x() : "@" + social.x());
        author.socialWebsite = social == null ? null : blankToNull(social.website());
        author.socialLinkedin = social == null ? null : blankToNull(social.linkedin());
        author.socialMastodon = social == null ? null : blankToNull(social.mastodon());
        author.email = blankToNull(email);
        author.updatedAt = now();
        return shown;
    }

    /**
     * A pasted URL is kept as typed. A library picture is shown from the copy here (held until commit, see
     * AvatarPictures), after keeping {@code picture}, the media service's answer, if newer; its URL is the library's,
     * and it needs words for readers who cannot see it: the author's alt text or else the library's, since a profile
     * is public as soon as it is saved.
     */
    private JsonNode applyAvatar(Author author, Avatar avatar, JsonNode picture) {
        if (avatar == null || avatar.mediaId() == null) {
            author.avatarMediaId = null;
            author.avatarUrl = avatar == null ? null : blankToNull(avatar.url());
            author.avatarAlt = avatar == null ? null : blankToNull(avatar.alt());
            return null;
        }
        // the copy is made before the save (AuthorSaves); gone since, the library has deleted the picture
        JsonNode shown = pictures.held(avatar.mediaId(), picture).orElseThrow(() -> ProblemException.invalid(MediaClient.FIELD,
                "names no picture in the media library (it may have been deleted)"));
        requireDescribed(avatar, shown);
        String url = AvatarPictures.defaultUrl(shown);
        author.avatarUrl = url != null ? url : avatar.mediaId().equals(author.avatarMediaId) ? author.avatarUrl : null;
        author.avatarMediaId = avatar.mediaId();
        author.avatarAlt = blankToNull(avatar.alt());
        return shown;
    }

    /** A 400 at {@code avatar.alt} unless the avatar's library picture has words for readers, its own or the library's. */
    public static void requireDescribed(Avatar avatar, JsonNode picture) {
        if (!PublicImage.described(avatar.alt(), picture)) {
            throw ProblemException.invalid("avatar.alt", "describe the picture for readers who cannot see it, here or in"
                    + " the media library");
        }
    }

    private void requireSlugFree(String slug, UUID self) {
        Optional<Author> holder = Author.find("slug", slug).firstResultOptional();
        AuthorSlugAlias alias = AuthorSlugAlias.findById(slug);
        boolean takenByOther = holder.isPresent() && !holder.get().id.equals(self)
                || alias != null && !alias.authorId.equals(self);
        if (takenByOther) {
            throw new ProblemException(ProblemType.CONFLICT, "The slug '" + slug + "' belongs to another author",
                    List.of(new Problem.FieldError("slug", "already taken")), Map.of());
        }
    }

    private void requireUsernameFree(String username, UUID self) {
        if (username == null) {
            return;
        }
        names.lock("author-username", username);
        Optional<Author> holder = byUsername(username);
        if (holder.isPresent() && !holder.get().id.equals(self)) {
            throw new ProblemException(ProblemType.CONFLICT, "The account '" + username + "' is linked to another author",
                    List.of(new Problem.FieldError("username", "already linked to " + holder.get().displayName)), Map.of());
        }
    }

    /** A slug derived from a name gets -2, -3, ... when taken, so creating "Jane Doe" twice just works. */
    private String freeSlug(String base) {
        return Slugs.firstFree(base, slug -> Author.count("slug", slug) > 0 || AuthorSlugAlias.findById(slug) != null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Microsecond precision: what PostgreSQL stores, so the API answers the same time before and after a reload. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
