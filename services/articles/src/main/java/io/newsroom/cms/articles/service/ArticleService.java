package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.client.AuthorChangesApi.ProfileChange;
import io.newsroom.cms.articles.config.RevisionSessionConfig;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleRevision;
import io.newsroom.cms.articles.domain.ArticleSlugAlias;
import io.newsroom.cms.articles.domain.ArticleStatus;
import io.newsroom.cms.articles.domain.Content;
import io.newsroom.cms.articles.domain.ReviewComment;
import io.newsroom.cms.articles.domain.WorkflowEvent;
import io.newsroom.cms.articles.published.BylineAuthors;
import io.newsroom.cms.articles.published.PublishedViews;
import io.newsroom.cms.articles.repository.ArticleQueries;
import io.newsroom.cms.articles.repository.NameLocks;
import io.newsroom.cms.articles.rest.ArticleRecords.ArticleRequest;
import io.newsroom.cms.articles.service.ArticleWorkflow.Actor;
import io.newsroom.cms.common.content.Slugs;
import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.common.problem.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Article use cases. Each write is one transaction on a row-locked article: whole or nothing, no lost updates. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ArticleService {

    @Inject
    NameLocks names;

    @Inject
    PublishedViews publishedViews;

    @Inject
    BylineAuthors bylineAuthors;

    @Inject
    ArticleQueries queries;

    @Inject
    RevisionSessionConfig sessions;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Article get(UUID id) {
        Article article = Article.findById(id);
        if (article == null) {
            throw ProblemException.notFound("Article " + id);
        }
        return article;
    }

    private Article lock(UUID id) {
        Article article = Article.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (article == null) {
            throw ProblemException.notFound("Article " + id);
        }
        return article;
    }

    /**
     * Creates article {@code id}. {@code claimed}: the byline's authors' public profiles, claimed by {@link ArticleSaves}
     * before this transaction.
     */
    public Article create(UUID id, @NotNull @Valid ArticleRequest request, Actor actor, List<ProfileChange> claimed) {
        requireMayCreate(actor);
        Article article = new Article();
        article.id = id;
        article.owner = actor.username();
        article.status = ArticleStatus.DRAFT;
        article.createdAt = now();
        String slug = request.slug() != null ? request.slug() : Slugs.from(request.headline());
        names.lock("article-slug", slug);
        Content content = toContent(request, request.slug() != null ? slug : freeSlug(slug));
        requireSlugFree(content.slug, null);
        bylineAuthors.remember(claimed);
        article.content = content;
        article.workingRevision = 1;
        article.updatedAt = article.createdAt;
        article.persist();
        saveRevision(article, actor, null);
        record(article, "create", null, ArticleStatus.DRAFT, actor.username(), null);
        article.flush();
        return article;
    }

    public Article update(UUID id, long expectedVersion, @NotNull @Valid ArticleRequest request, Actor actor, List<ProfileChange> claimed) {
        Article article = lock(id);
        requireMayEdit(article, actor);
        Versions.requireCurrent(expectedVersion, article.version);
        Content content = toContent(request, request.slug() != null ? request.slug() : article.content.slug);
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
        Article article = lock(id);
        requireMayEdit(article, actor);
        Versions.requireCurrent(expectedVersion, article.version);
        Content content = revision(id, number).content.copy();
        renameIfNeeded(article, content.slug);
        bylineAuthors.remember(claimed);
        article.content = content;
        afterContentChange(article, actor, "restored from revision " + number, "restore");
        return article;
    }

    /** The checks {@link ArticleSaves} runs before it claims authors: who may edit, and the version, unlocked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Article checkEdit(UUID id, long expectedVersion, Actor actor) {
        Article article = get(id);
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
        Instant now = now();
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
            record(article, action, article.status, after, actor.username(), note);
            article.status = after;
        }
        article.flush();
    }

    public void delete(UUID id, long expectedVersion) {
        Article article = lock(id);
        Versions.requireCurrent(expectedVersion, article.version);
        if (article.firstPublishedAt != null && article.status != ArticleStatus.ARCHIVED) {
            throw ProblemException.conflict("A published article can only be deleted once it is archived");
        }
        article.delete();
    }

    /** Runs one workflow command, checked against state, role and ownership, and records it. */
    public Article transition(UUID id, Action action, String comment, Instant at, long expectedVersion, Actor actor) {
        Article article = lock(id);
        Set<Action> allowed = ArticleWorkflow.allowed(article, actor);
        if (!allowed.contains(action)) {
            boolean existsHere = ArticleWorkflow.possible(article).contains(action);
            ProblemType type = existsHere ? ProblemType.FORBIDDEN : ProblemType.CONFLICT;
            String detail = existsHere
                    ? "Your role may not " + action.wire() + " this article"
                    : "Cannot " + action.wire() + " an article that is " + article.status;
            throw new ProblemException(type, detail, List.of(), Map.of("currentStatus", article.status, "allowedActions", allowed));
        }
        // who may, then which version: a caller who may not act learns nothing about versions
        Versions.requireCurrent(expectedVersion, article.version);
        if (action == Action.REQUEST_CHANGES && (comment == null || comment.isBlank())) {
            throw ProblemException.invalid("comment", "is required to request changes: say what should change");
        }
        if (action == Action.SUBMIT && article.content.byline.isEmpty()) {
            throw ProblemException.invalid("byline", "needs at least one author before the article is submitted");
        }
        Instant now = now();
        if (action == Action.SCHEDULE && (at == null || !at.isAfter(now))) {
            throw ProblemException.invalid("at", "must be a time in the future to schedule publishing");
        }
        if (at != null && action != Action.SCHEDULE && action != Action.UNPUBLISH) {
            throw ProblemException.invalid("at", "only schedule and unpublish take a time");
        }
        ArticleStatus from = article.status;
        switch (action) {
            case SUBMIT -> article.submittedAt = now;
            case PUBLISH -> makeLive(article, now);
            case SCHEDULE -> {
                article.scheduledPublishAt = at.truncatedTo(ChronoUnit.MICROS);
                clearRetries(article);
            }
            case UNSCHEDULE -> {
                article.scheduledPublishAt = null;
                clearRetries(article);
            }
            case UNPUBLISH -> {
                if (at != null && at.isAfter(now)) {
                    article.scheduledUnpublishAt = at.truncatedTo(ChronoUnit.MICROS);
                    clearRetries(article);
                    article.openRevision = null;
                    record(article, "schedule_unpublish", from, from, actor.username(), comment);
                    article.flush();
                    return article;
                }
                takeDown(article);
            }
            case ARCHIVE -> {
                takeDown(article);
                article.scheduledPublishAt = null;
            }
            default -> {
                // status change only
            }
        }
        article.status = ArticleWorkflow.target(article, action);
        if (action == Action.UNPUBLISH && from != ArticleStatus.PUBLISHED) {
            article.status = from; // the working copy keeps its place in the workflow
        }
        article.updatedAt = now;
        // every workflow step starts a new editing session; request_changes hands the draft back until the next step
        article.openRevision = null;
        article.changesRequested = action == Action.REQUEST_CHANGES
                || action == Action.UNPUBLISH && article.changesRequested && article.status == ArticleStatus.DRAFT;
        record(article, action.wire(), from, article.status, actor.username(), comment);
        article.flush();
        return article;
    }

    /** Scheduled publish of one due article; called by the scheduler under a row lock. */
    void publishScheduled(Article article, Instant now) {
        ArticleStatus from = article.status;
        makeLive(article, now);
        article.status = ArticleStatus.PUBLISHED;
        article.updatedAt = now;
        article.openRevision = null;
        article.changesRequested = false;
        record(article, "scheduled_publish", from, ArticleStatus.PUBLISHED, "scheduler", "published at the scheduled time");
    }

    void unpublishScheduled(Article article, Instant now) {
        ArticleStatus from = article.status;
        takeDown(article);
        if (article.status == ArticleStatus.PUBLISHED) {
            article.status = ArticleStatus.UNPUBLISHED;
        }
        article.updatedAt = now;
        article.openRevision = null;
        record(article, "scheduled_unpublish", from, article.status, "scheduler", "unpublished at the scheduled time");
    }

    private void makeLive(Article article, Instant now) {
        article.liveRevision = article.workingRevision;
        article.lastPublishedAt = now;
        if (article.firstPublishedAt == null) {
            article.firstPublishedAt = now;
        }
        article.scheduledPublishAt = null;
        publishedViews.put(article, article.content, article.workingRevision);
    }

    private void takeDown(Article article) {
        article.liveRevision = null;
        article.scheduledUnpublishAt = null;
        publishedViews.remove(article.id);
    }

    public ReviewComment comment(UUID id, String body, Actor actor) {
        get(id);
        ReviewComment comment = new ReviewComment();
        comment.id = UUID.randomUUID();
        comment.articleId = id;
        comment.author = actor.username();
        comment.body = body.trim();
        comment.createdAt = now();
        comment.persist();
        return comment;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReviewComment> comments(UUID id) {
        get(id);
        return ReviewComment.list("articleId = ?1 order by createdAt, id", id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WorkflowEvent> events(UUID id) {
        get(id);
        return WorkflowEvent.list("articleId = ?1 order by at, id", id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArticleRevision> revisions(UUID id) {
        get(id);
        return ArticleRevision.list("key.articleId = ?1 order by key.number desc", id);
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
        }
        c.tags = request.tags() == null ? new ArrayList<>()
                : new ArrayList<>(new LinkedHashSet<>(request.tags().stream().map(t -> t.trim().toLowerCase()).toList()));
        c.byline = request.byline() == null ? new ArrayList<>() : new ArrayList<>(request.byline());
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

    /** A new schedule starts without the failures of the old one. */
    private static void clearRetries(Article article) {
        article.scheduleFailures = 0;
        article.scheduleRetryAt = null;
    }

    static void record(Article article, String action, ArticleStatus from, ArticleStatus to, String actor, String comment) {
        WorkflowEvent event = new WorkflowEvent();
        event.id = UUID.randomUUID();
        event.articleId = article.id;
        event.action = action;
        event.fromStatus = from;
        event.toStatus = to;
        event.actor = actor;
        event.at = now();
        event.comment = blankToNull(comment);
        event.revision = article.workingRevision;
        event.persist();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
