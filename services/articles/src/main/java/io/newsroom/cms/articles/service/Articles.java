package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleStatus;
import io.newsroom.cms.articles.domain.WorkflowEvent;
import io.newsroom.cms.common.problem.ProblemException;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** What the article use cases share: finding an article (plain or row-locked), recording a workflow event, the clock. */
final class Articles {
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
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
