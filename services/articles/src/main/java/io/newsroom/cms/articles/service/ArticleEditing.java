package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.client.AuthorChangesApi.ProfileChange;
import io.newsroom.cms.articles.config.RevisionSessionConfig;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleRevision;
import io.newsroom.cms.articles.domain.ArticleSlugAlias;
import io.newsroom.cms.articles.domain.ArticleStatus;
import io.newsroom.cms.articles.domain.Content;
import io.newsroom.cms.articles.domain.SectionTree;
import io.newsroom.cms.articles.published.BylineAuthors;
import io.newsroom.cms.articles.repository.ArticleQueries;
import io.newsroom.cms.articles.repository.NameLocks;
import io.newsroom.cms.articles.api.ArticleRecords.ArticleRequest;
import io.newsroom.cms.articles.service.ArticleWorkflow.Actor;
import io.newsroom.cms.common.content.Slugs;
import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.common.problem.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Editing an article's content: create, replace, restore an old revision, delete; its revisions (editing sessions)
 * and slug aliases. Each write is one transaction on a row-locked article: whole or nothing, no lost updates. Byline
 * claims are made before, by {@link ArticleSaves}, outside the transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ArticleEditing {

    @Inject
    NameLocks names;

    @Inject
    BylineAuthors bylineAuthors;

    @Inject
    ArticleQueries queries;

    @Inject
    RevisionSessionConfig sessions;

    @Inject
    SectionEditing sections;

    @Inject
    TagRegistry tags;

    /** The article, if {@code actor} may open it (else a 404: see {@link ArticleWorkflow#mayOpen}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Article get(UUID id, Actor actor) {
        return Articles.get(id, actor);
    }

    /**
     * Creates article {@code id}. {@code claimed}: the byline's authors' public profiles, claimed by {@link ArticleSaves}
     * before this transaction.
     */
    public Article create(UUID id, @NotNull @Valid ArticleRequest request, Actor actor, List<ProfileChange> claimed) {
        requireMayCreate(actor);
        requireNoteOnlyWhenPublished(request, null);
        Article article = new Article();
        article.id = id;
        article.owner = actor.username();
        article.status = ArticleStatus.DRAFT;
        article.createdAt = Articles.now();
        String slug = request.slug() != null ? request.slug() : Slugs.from(request.headline());
        names.lock("article-slug", slug);
        Content content = toContent(request, request.slug() != null ? slug : freeSlug(slug));
        if (content.primarySectionId == null) {
            content.primarySectionId = sections.defaultSection();
        }
        sections.requireExisting(content.primarySectionId, content.secondarySectionIds);
        requireRelated(id, content.relatedIds);
        content.tags = tags.resolve(content.tags);
        requireSlugFree(content.slug, null);
        bylineAuthors.remember(claimed);
        article.content = content;
        article.workingRevision = 1;
        article.updatedAt = article.createdAt;
        article.persist();
        saveRevision(article, actor, null);
        Articles.record(article, "create", null, ArticleStatus.DRAFT, actor.username(), null);
        article.flush();
        return article;
    }

    public Article update(UUID id, long expectedVersion, @NotNull @Valid ArticleRequest request, Actor actor, List<ProfileChange> claimed) {
        Article article = Articles.lock(id, actor);
        requireMayEdit(article, actor);
        Versions.requireCurrent(expectedVersion, article.version);
        requireNoteOnlyWhenPublished(request, article);
        Content content = toContent(request, request.slug() != null ? request.slug() : article.content.slug);
        // left out, the article keeps its sections (clients from before sections send none)
        if (request.primarySectionId() == null) {
            content.primarySectionId = article.content.primarySectionId;
        }
        if (request.secondarySectionIds() == null) {
            content.secondarySectionIds = new ArrayList<>(article.content.secondarySectionIds);
        }
        sections.requireExisting(content.primarySectionId, content.secondarySectionIds);
        // left out, the article keeps its related articles (clients from before them send none); the editor's view
        // leaves out deleted ones, so a client sending back what it was given sends only existing ones
        if (request.related() == null) {
            content.relatedIds = new ArrayList<>(queries.existing(article.content.relatedIds));
        }
        requireRelated(id, content.relatedIds);
        content.tags = tags.resolve(content.tags);
        if (content.equals(article.content)) {
            return article; // nothing changed: no new revision, same version
        }
        renameIfNeeded(article, content.slug);
        bylineAuthors.remember(claimed);
        article.content = content;
        afterContentChange(article, actor, null, "edit");
        return article;
    }

    /**
     * The working revision this save of {@code actor} folds into, or null when it starts a new one: only the open
     * session of the same person, never the live revision, and only while the session is fresh.
     */
    private ArticleRevision openSession(Article article, Actor actor, Instant now) {
        if (article.openRevision == null || article.openRevision != article.workingRevision
                || article.liveRevision != null && article.liveRevision == article.workingRevision) {
            return null;
        }
        ArticleRevision revision = ArticleRevision.findById(new ArticleRevision.Key(article.id, article.workingRevision));
        if (revision == null || !actor.username().equals(revision.author)
                || Duration.between(revision.updatedAt, now).compareTo(sessions.sessionGap()) >= 0
                || Duration.between(revision.createdAt, now).compareTo(sessions.maxSession()) >= 0) {
            return null;
        }
        return revision;
    }

    public Article restore(UUID id, int number, long expectedVersion, Actor actor, List<ProfileChange> claimed) {
        Article article = Articles.lock(id, actor);
        requireMayEdit(article, actor);
        Versions.requireCurrent(expectedVersion, article.version);
        Content content = revision(id, number).content.copy();
        // a note belongs to the update it was written for: readers already have it if it was published
        content.correctionKind = null;
        content.correctionNote = null;
        // a section deleted since the revision was saved is left out: an editor picks another before submitting
        SectionTree tree = sections.tree();
        if (content.primarySectionId != null && !tree.contains(content.primarySectionId)) {
            content.primarySectionId = null;
        }
        content.secondarySectionIds = new ArrayList<>(content.secondarySectionIds.stream().filter(tree::contains).toList());
        sections.requireExisting(content.primarySectionId, content.secondarySectionIds);
        // so is a related article deleted since
        content.relatedIds = new ArrayList<>(queries.existing(content.relatedIds));
        content.tags = tags.resolve(content.tags);
        renameIfNeeded(article, content.slug);
        bylineAuthors.remember(claimed);
        article.content = content;
        afterContentChange(article, actor, "restored from revision " + number, "restore");
        return article;
    }

    /** The checks {@link ArticleSaves} runs before it claims authors: who may edit, and the version, unlocked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Article checkEdit(UUID id, long expectedVersion, Actor actor) {
        Article article = get(id, actor);
        requireMayEdit(article, actor);
        Versions.requireCurrent(expectedVersion, article.version);
        return article;
    }

    public static void requireMayCreate(Actor actor) {
        if (!actor.writer() && !actor.editor()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only writers, editors and admins create articles");
        }
    }

    /**
     * Saves the article's new content as a revision: folded into the open editing session of the same person when
     * there is one, else a new revision, which stays open for the next saves unless it is a restore ({@code note}).
     */
    private void afterContentChange(Article article, Actor actor, String note, String action) {
        Instant now = Articles.now();
        ArticleRevision open = note == null ? openSession(article, actor, now) : null;
        article.updatedAt = now;
        if (open != null) {
            open.content = article.content.copy();
            open.updatedAt = now;
            open.saves++;
        } else {
            article.workingRevision++;
            saveRevision(article, actor, note);
            article.openRevision = note == null ? article.workingRevision : null;
        }
        ArticleStatus after = ArticleWorkflow.afterEdit(article);
        if (after != article.status || note != null) {
            Articles.record(article, action, article.status, after, actor.username(), note);
            article.status = after;
        }
        article.flush();
    }

    public void delete(UUID id, long expectedVersion) {
        Article article = Articles.lock(id);
        Versions.requireCurrent(expectedVersion, article.version);
        if (article.firstPublishedAt != null && article.status != ArticleStatus.ARCHIVED) {
            throw ProblemException.conflict("A published article can only be deleted once it is archived");
        }
        article.delete();
    }

    /** Revision {@code number}, if {@code actor} may open the article. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ArticleRevision revision(UUID id, int number, Actor actor) {
        Articles.get(id, actor);
        return revision(id, number);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ArticleRevision revision(UUID id, int number) {
        ArticleRevision revision = ArticleRevision.findById(new ArticleRevision.Key(id, number));
        if (revision == null) {
            throw ProblemException.notFound("Revision " + number + " of article " + id);
        }
        return revision;
    }

    private void requireMayEdit(Article article, Actor actor) {
        if (ArticleWorkflow.mayEdit(article, actor)) {
            return;
        }
        if (article.status == ArticleStatus.ARCHIVED) {
            throw ProblemException.conflict("An archived article cannot be edited");
        }
        String why = actor.owns(article)
                ? "Writers edit their articles only while they are drafts (this one is " + article.status + ")"
                : "Writers edit only their own articles";
        throw new ProblemException(ProblemType.FORBIDDEN, why);
    }

    /** A correction or update note corrects what readers have seen: an article never published has none to give. */
    private static void requireNoteOnlyWhenPublished(ArticleRequest request, Article article) {
        if (request.correction() != null && (article == null || article.firstPublishedAt == null)) {
            throw ProblemException.invalid("correction", "only an article that has been published takes a correction"
                    + " or update note");
        }
    }

    private void renameIfNeeded(Article article, String slug) {
        if (slug.equals(article.content.slug)) {
            return;
        }
        names.lock("article-slug", slug);
        requireSlugFree(slug, article.id);
        ArticleSlugAlias.deleteById(slug);
        ArticleSlugAlias alias = new ArticleSlugAlias();
        alias.slug = article.content.slug;
        alias.articleId = article.id;
        alias.persist();
    }

    private void requireSlugFree(String slug, UUID self) {
        if (queries.articleIdBySlugOrAlias(slug).filter(holder -> !holder.equals(self)).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "The slug '" + slug + "' belongs to another article",
                    List.of(new Problem.FieldError("slug", "already taken")), Map.of());
        }
    }

    /**
     * Related articles chosen by hand must be other existing articles, each named once (the list's length is checked
     * with the request): a 400 naming each bad entry ({@code related[i]}).
     */
    private void requireRelated(UUID self, List<UUID> related) {
        if (related.isEmpty()) {
            return;
        }
        List<UUID> existing = queries.existing(related);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < related.size(); i++) {
            UUID id = related.get(i);
            if (id.equals(self)) {
                errors.add(new Problem.FieldError("related[" + i + "]", "is this article itself"));
            } else if (related.subList(0, i).contains(id)) {
                errors.add(new Problem.FieldError("related[" + i + "]", "names the same article twice"));
            } else if (!existing.contains(id)) {
                errors.add(new Problem.FieldError("related[" + i + "]", "no such article"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The article names related articles that cannot be used", errors, Map.of());
        }
    }

    private String freeSlug(String base) {
        return Slugs.firstFree(base, slug -> queries.articleIdBySlugOrAlias(slug).isPresent());
    }

    private static Content toContent(ArticleRequest request, String slug) {
        Content c = new Content();
        c.slug = slug;
        c.headline = request.headline().trim();
        c.dek = blankToNull(request.dek());
        c.body = request.body() == null ? "" : request.body();
        if (request.heroImage() != null) {
            c.heroUrl = blankToNull(request.heroImage().url());
            c.heroAlt = blankToNull(request.heroImage().alt());
            c.heroCaption = blankToNull(request.heroImage().caption());
            c.heroCredit = blankToNull(request.heroImage().credit());
            c.heroMediaId = request.heroImage().mediaId();
        }
        c.tags = request.tags() == null ? new ArrayList<>()
                : new ArrayList<>(new LinkedHashSet<>(request.tags().stream().map(t -> t.trim().toLowerCase()).toList()));
        c.byline = request.byline() == null ? new ArrayList<>() : new ArrayList<>(request.byline());
        c.primarySectionId = request.primarySectionId();
        c.secondarySectionIds = request.secondarySectionIds() == null ? new ArrayList<>() : new ArrayList<>(request.secondarySectionIds());
        if (request.seo() != null) {
            c.seoTitle = blankToNull(request.seo().title());
            c.seoDescription = blankToNull(request.seo().description());
            c.seoCanonicalUrl = blankToNull(request.seo().canonicalUrl());
            c.seoNoindex = request.seo().noindex();
            if (request.seo().socialImage() != null) {
                c.seoImageUrl = blankToNull(request.seo().socialImage().url());
                c.seoImageAlt = blankToNull(request.seo().socialImage().alt());
                c.seoImageMediaId = request.seo().socialImage().mediaId();
                if (c.seoImageUrl == null && c.seoImageMediaId == null) {
                    c.seoImageAlt = null; // words without a picture: none
                }
            }
        }
        c.relatedIds = request.related() == null ? new ArrayList<>() : new ArrayList<>(request.related());
        if (request.correction() != null) {
            c.correctionKind = request.correction().kind();
            c.correctionNote = request.correction().note().trim();
        }
        return c;
    }

    private static void saveRevision(Article article, Actor actor, String note) {
        ArticleRevision revision = new ArticleRevision();
        revision.key = new ArticleRevision.Key(article.id, article.workingRevision);
        revision.content = article.content.copy();
        revision.author = actor.username();
        revision.createdAt = article.updatedAt;
        revision.updatedAt = article.updatedAt;
        revision.saves = 1;
        revision.note = note;
        revision.persist();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
