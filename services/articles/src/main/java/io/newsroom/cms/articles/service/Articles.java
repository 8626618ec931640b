package io.newsroom.cms.articles.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.articles.api.EventRecords.WorkflowChange;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleStatus;
import io.newsroom.cms.articles.domain.OutboxEvent;
import io.newsroom.cms.articles.domain.WorkflowEvent;
import io.newsroom.cms.common.problem.ProblemException;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/** What the article use cases share: finding an article (plain or row-locked), recording a workflow event, the clock. */
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
        // the review comment stays inside the newsroom: the stream says who moved the article where, and when
        WorkflowChange change = new WorkflowChange(event.id, article.id, article.content.slug, action,
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
}
