package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.api.ArticleRecords.HistoryEntry;
import io.newsroom.cms.articles.domain.ArticleCorrection;
import io.newsroom.cms.articles.domain.ArticleRevision;
import io.newsroom.cms.articles.domain.ReviewComment;
import io.newsroom.cms.articles.domain.WorkflowEvent;
import io.newsroom.cms.articles.repository.ArticleQueries;
import io.newsroom.cms.articles.service.ArticleWorkflow.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * An article's history: its workflow events and review comments (and adding a comment), its list of revisions; each
 * for a caller who may open the article (an embargo may hide it: then a 404).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ArticleHistory {
    @Inject
    ArticleQueries queries;

    @Inject
    Notifications notifications;


    public ReviewComment comment(UUID id, String body, Actor actor) {
        io.newsroom.cms.articles.domain.Article article = Articles.get(id, actor);
        ReviewComment comment = new ReviewComment();
        comment.id = UUID.randomUUID();
        comment.articleId = id;
        comment.author = actor.username();
        comment.body = body.trim();
        comment.createdAt = Articles.now();
        comment.persist();
        notifications.comment(article, comment.body, actor.username());
        return comment;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReviewComment> comments(UUID id, Actor actor) {
        Articles.get(id, actor);
        return ReviewComment.list("articleId = ?1 order by createdAt, id", id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WorkflowEvent> events(UUID id, Actor actor) {
        Articles.get(id, actor);
        return WorkflowEvent.list("articleId = ?1 order by at, id", id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArticleRevision> revisions(UUID id, Actor actor) {
        Articles.get(id, actor);
        return ArticleRevision.list("key.articleId = ?1 order by key.number desc", id);
    }

    /** The correction and update notes readers were given, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArticleCorrection> corrections(UUID id) {
        return ArticleCorrection.of(id);
    }

    /** The ones of {@code related} (an article's related articles) not deleted since they were picked, in order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> related(List<UUID> related) {
        return queries.existing(related);
    }

    /** Workflow events and review comments, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryEntry> history(UUID id, Actor actor) {
        List<HistoryEntry> entries = new ArrayList<>();
        events(id, actor).forEach(e -> entries.add(new HistoryEntry("transition", e.at, e.actor, e.action, e.fromStatus,
                e.toStatus, e.comment, e.revision)));
        comments(id, actor).forEach(c -> entries.add(new HistoryEntry("comment", c.createdAt, c.author, null, null, null,
                c.body, null)));
        entries.sort(Comparator.comparing(HistoryEntry::at));
        return entries;
    }
}
