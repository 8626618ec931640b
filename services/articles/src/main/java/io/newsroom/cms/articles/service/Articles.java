package io.newsroom.cms.articles.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.articles.api.EventRecords.WorkflowChange;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleStatus;
import io.newsroom.cms.articles.domain.OutboxEvent;
import io.newsroom.cms.articles.domain.WorkflowEvent;
import io.newsroom.cms.articles.repository.ArticleQueries;
import io.newsroom.cms.common.problem.ProblemException;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * What the article use cases share: finding an article (plain or row-locked; for a caller, only one they may open:
 * an embargoed article is not found by anyone it does not name), recording a workflow event, the clock.
 */
final class Articles {
    private static final ObjectMapper EVENTS = new ObjectMapper();

    private Articles() {
    }

    static Article get(UUID id) {
        Article article = Article.findById(id);
        if (article == null) {
            throw ProblemException.notFound("Article " + id);
        }
        return article;
    }

    /** The article, if {@code actor} may open it (an embargo may hide it): otherwise the same 404 as for no article. */
    static Article get(UUID id, ArticleWorkflow.Actor actor) {
        return openTo(get(id), actor);
    }

    static Article lock(UUID id, ArticleWorkflow.Actor actor) {
        return openTo(lock(id), actor);
    }

    private static Article openTo(Article article, ArticleWorkflow.Actor actor) {
        if (!ArticleWorkflow.mayOpen(article, actor, now())) {
            throw ProblemException.notFound("Article " + article.id);
        }
        return article;
    }

    static Article lock(UUID id) {
        Article article = Article.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (article == null) {
            throw ProblemException.notFound("Article " + id);
        }
        return article;
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
        event.comment = comment == null || comment.isBlank() ? null : comment.trim();
        event.revision = article.workingRevision;
        event.persist();
        // the review comment stays inside the newsroom: the stream says who moved the article where, and when; while an
        // embargo holds, not even the slug (made from the headline) leaves it: the stream reaches outside systems
        String slug = article.embargoed(event.at) ? null : article.content.slug;
        WorkflowChange change = new WorkflowChange(event.id, article.id, slug, action,
                from == null ? null : from.name(), to.name(), actor, event.at.toString(), event.revision);
        try {
            OutboxEvent.append(OutboxEvent.WORKFLOW, article.id.toString(), "article." + action,
                    EVENTS.writeValueAsString(change), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a workflow event", e);
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Who lists, now: what an embargo hides from this caller stays out of the lists they are shown. */
    static ArticleQueries.Viewer viewer(ArticleWorkflow.Actor actor) {
        return new ArticleQueries.Viewer(actor.username(), actor.roles(), actor.admin(), now());
    }
}
