package io.newsroom.cms.authors.service;

import io.newsroom.cms.authors.api.AuthorRecords.AuthorRequest;
import io.newsroom.cms.authors.api.AuthorRecords.Avatar;
import io.newsroom.cms.authors.api.AuthorRecords.ProfileUpdate;
import io.newsroom.cms.authors.api.AuthorRecords.Social;
import io.newsroom.cms.authors.domain.Author;
import io.newsroom.cms.authors.domain.AuthorSlugAlias;
import io.newsroom.cms.authors.published.PublicProfiles;
import io.newsroom.cms.authors.repository.BylineClaims;
import io.newsroom.cms.authors.repository.NameLocks;
import io.newsroom.cms.common.content.Slugs;
import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.common.problem.Versions;
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

/** Author use cases. Every write runs in one transaction: it either happens whole or not at all. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AuthorService {
    @Inject
    PublicProfiles publicProfiles;

    @Inject
    BylineClaims claims;

    @Inject
    NameLocks names;

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

    public Author create(@NotNull @Valid AuthorRequest request) {
        Author author = new Author();
        author.id = UUID.randomUUID();
        author.createdAt = now();
        author.active = request.active() == null || request.active();
        String slug = request.slug() != null ? request.slug() : Slugs.from(request.displayName());
        names.lock("author-slug", slug);
        author.slug = request.slug() != null ? slug : freeSlug(slug);
        requireSlugFree(author.slug, null);
        author.username = blankToNull(request.username());
        requireUsernameFree(author.username, null);
        apply(author, request.displayName(), request.jobTitle(), request.organization(), request.bio(), request.avatar(),
                request.social(), request.email());
        publicProfiles.refresh(author, AuthorMapper.publicView(author));
        author.persistAndFlush();
        return author;
    }

    public Author update(UUID id, long expectedVersion, @NotNull @Valid AuthorRequest request) {
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
        apply(author, request.displayName(), request.jobTitle(), request.organization(), request.bio(), request.avatar(),
                request.social(), request.email());
        return flush(author);
    }

    public Author updateOwn(String username, long expectedVersion, @NotNull @Valid ProfileUpdate update) {
        Author author = byUsername(username).orElseThrow(() -> noProfile(username));
        Versions.requireCurrent(expectedVersion, author.version);
        apply(author, update.displayName(), update.jobTitle(), update.organization(), update.bio(), update.avatar(),
                update.social(), update.email());
        return flush(author);
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

    /** The authors an article claimed, and which of those claims are new (the ones to release if its save fails). */
    public record Claimed(List<Author> authors, List<UUID> newlyClaimed) {
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
        List<Author> authors = new ArrayList<>();
        for (UUID id : ids.stream().distinct().toList()) {
            authors.add(byId.get(id));
            if (claims.claim(id, articleId, now)) {
                newlyClaimed.add(id);
            }
        }
        return new Claimed(authors, newlyClaimed);
    }

    /** Drops claims of an article: those of a save that failed, or all of a deleted article ({@code authorIds} empty). */
    public int releaseClaims(UUID articleId, List<UUID> authorIds) {
        return claims.release(articleId, authorIds);
    }

    public static ProblemException noProfile(String username) {
        return new ProblemException(ProblemType.NOT_FOUND,
                "No author profile is linked to your account '" + username + "'; an admin can link one");
    }

    private Author flush(Author author) {
        author.updatedAt = now();
        publicProfiles.refresh(author, AuthorMapper.publicView(author));
        try {
            author.flush();
        } catch (OptimisticLockException e) {
            throw Versions.stale(author.version + 1);
        }
        return author;
    }

    private static void apply(Author author, String displayName, String jobTitle, String organization, String bio,
                              Avatar avatar, Social social, String email) {
        author.displayName = displayName.trim();
        author.jobTitle = blankToNull(jobTitle);
        author.organization = blankToNull(organization);
        author.bio = blankToNull(bio);
        author.avatarUrl = avatar == null ? null : blankToNull(avatar.url());
        author.avatarAlt = avatar == null ? null : blankToNull(avatar.alt());
        author.socialX = social == null || blankToNull(social.x()) == null ? null
                : (social.x().startsWith("@") ? social.x() : "@" + social.x());
        author.socialWebsite = social == null ? null : blankToNull(social.website());
        author.socialLinkedin = social == null ? null : blankToNull(social.linkedin());
        author.socialMastodon = social == null ? null : blankToNull(social.mastodon());
        author.email = blankToNull(email);
        author.updatedAt = now();
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
