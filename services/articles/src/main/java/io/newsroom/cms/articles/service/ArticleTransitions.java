package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.domain.Action;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleCorrection;
import io.newsroom.cms.articles.domain.ArticleStatus;
import io.newsroom.cms.articles.published.PublishedViews;
import io.newsroom.cms.articles.service.ArticleWorkflow.Actor;
import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.common.problem.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The editorial workflow on one article: the commands (submit, approve, publish, schedule, unpublish, archive...) and
 * the scheduled publishes and unpublishes {@link ScheduledTransitions} runs; publishing writes what readers get
 * ({@link PublishedViews}) in the same transaction. Each runs under the article's row lock; no remote call.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ArticleTransitions {
    @Inject
    PublishedViews publishedViews;

    @Inject
    Notifications notifications;

    @Inject
    Assignments assignments;

    /** Runs one workflow command, checked against state, role and ownership, and records it. */
    public Article transition(UUID id, Action action, String comment, Instant at, long expectedVersion, Actor actor) {
        Article article = Articles.lock(id, actor);
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
        Instant now = Articles.now();
        requireEmbargoAllows(article, action, at, now);
        if (action == Action.REQUEST_CHANGES && (comment == null || comment.isBlank())) {
            throw ProblemException.invalid("comment", "is required to request changes: say what should change");
        }
        if (action == Action.SUBMIT && article.content.byline.isEmpty()) {
            throw ProblemException.invalid("byline", "needs at least one author before the article is submitted");
        }
        if ((action == Action.SUBMIT || action == Action.PUBLISH || action == Action.SCHEDULE)
                && article.content.primarySectionId == null) {
            throw ProblemException.invalid("primarySectionId", "choose the article's section before it is "
                    + (action == Action.SUBMIT ? "submitted" : action == Action.PUBLISH ? "published" : "scheduled"));
        }
        if (action == Action.PUBLISH || action == Action.SCHEDULE) {
            publishedViews.requireDescribedHero(article.content);
        }
        if (action == Action.SCHEDULE && (at == null || !at.isAfter(now))) {
            throw ProblemException.invalid("at", "must be a time in the future to schedule publishing");
        }
        if (at != null && action != Action.SCHEDULE && action != Action.UNPUBLISH) {
            throw ProblemException.invalid("at", "only schedule and unpublish take a time");
        }
        // a time that has passed would take the article down at once: leave the time out for that
        if (action == Action.UNPUBLISH && at != null && !at.isAfter(now)) {
            throw ProblemException.invalid("at", "must be a time in the future to schedule the unpublish (leave it out to unpublish now)");
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
            case UNSCHEDULE_UNPUBLISH -> {
                // the live article stays, and so does the working copy's place in the workflow
                article.scheduledUnpublishAt = null;
                clearRetries(article);
                article.openRevision = null;
                Articles.record(article, "unschedule_unpublish", from, from, actor.username(), comment);
                article.flush();
                return article;
            }
            case UNPUBLISH -> {
                if (at != null) {
                    article.scheduledUnpublishAt = at.truncatedTo(ChronoUnit.MICROS);
                    clearRetries(article);
                    article.openRevision = null;
                    Articles.record(article, "schedule_unpublish", from, from, actor.username(), comment);
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
        Articles.record(article, action.wire(), from, article.status, actor.username(), comment);
        notifications.transition(article, action, actor.username());
        if (action == Action.PUBLISH || action == Action.ARCHIVE) {
            assignments.finish(article.id);
        }
        article.flush();
        return article;
    }

    /**
     * An embargo allows no publish before its time, and a schedule only at or after it. A schedule made before the
     * embargo was moved later is not refused here: the scheduler holds it until the embargo lifts.
     */
    private static void requireEmbargoAllows(Article article, Action action, Instant at, Instant now) {
        if (!article.embargoed(now)) {
            return;
        }
        Instant until = article.embargo.until;
        if (action == Action.PUBLISH) {
            throw new ProblemException(ProblemType.CONFLICT, "This article is under embargo until " + until
                    + ": it cannot be published before then. Schedule it to publish at " + until + " or later.",
                    List.of(), Map.of("embargoedUntil", until.toString()));
        }
        if (action == Action.SCHEDULE && at != null && at.isBefore(until)) {
            throw new ProblemException(ProblemType.VALIDATION, "The article is under embargo until " + until,
                    List.of(new Problem.FieldError("at", "must be at or after the embargo lifts, " + until)),
                    Map.of("embargoedUntil", until.toString()));
        }
    }

    /**
     * Scheduled publish of one due article; called by {@link ScheduledTransitions} under a row lock, which selects
     * only articles no embargo holds at {@code now} (checked again here: never published early).
     */
    void publishScheduled(Article article, Instant now) {
        if (article.embargoed(now)) {
            throw new IllegalStateException("article " + article.id + " is under embargo until " + article.embargo.until);
        }
        ArticleStatus from = article.status;
        makeLive(article, now);
        article.status = ArticleStatus.PUBLISHED;
        article.updatedAt = now;
        article.openRevision = null;
        article.changesRequested = false;
        Articles.record(article, "scheduled_publish", from, ArticleStatus.PUBLISHED, "scheduler", "published at the scheduled time");
        notifications.transition(article, Action.PUBLISH, "scheduler");
        assignments.finish(article.id);
    }

    void unpublishScheduled(Article article, Instant now) {
        ArticleStatus from = article.status;
        takeDown(article);
        if (article.status == ArticleStatus.PUBLISHED) {
            article.status = ArticleStatus.UNPUBLISHED;
        }
        article.updatedAt = now;
        article.openRevision = null;
        Articles.record(article, "scheduled_unpublish", from, article.status, "scheduler", "unpublished at the scheduled time");
    }

    private void makeLive(Article article, Instant now) {
        article.liveRevision = article.workingRevision;
        article.lastPublishedAt = now;
        if (article.firstPublishedAt == null) {
            article.firstPublishedAt = now;
        }
        article.scheduledPublishAt = null;
        giveNoteToReaders(article, now);
        publishedViews.put(article, article.content, article.workingRevision);
    }

    /**
     * The working copy's correction or update note becomes one of the article's corrections, at the time of this
     * publish; the working copy lets go of it (its revision keeps it), so a later publish does not repeat it.
     */
    private static void giveNoteToReaders(Article article, Instant now) {
        if (article.content.correctionNote == null) {
            return;
        }
        ArticleCorrection.Key key = new ArticleCorrection.Key(article.id, article.workingRevision);
        if (ArticleCorrection.findById(key) == null) {
            ArticleCorrection correction = new ArticleCorrection();
            correction.key = key;
            correction.kind = article.content.correctionKind;
            correction.note = article.content.correctionNote;
            correction.at = now;
            correction.persist();
        }
        article.content.correctionKind = null;
        article.content.correctionNote = null;
    }

    private void takeDown(Article article) {
        article.liveRevision = null;
        article.scheduledUnpublishAt = null;
        publishedViews.remove(article.id);
    }

    /** A new schedule starts without the failures of the old one. */
    private static void clearRetries(Article article) {
        article.scheduleFailures = 0;
        article.scheduleRetryAt = null;
    }

}
