package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.Action;
import io.newsroom.cms.articles.domain.ArticleStatus;

import java.util.EnumSet;
import java.util.Set;

import static io.newsroom.cms.articles.domain.ArticleStatus.*;

/**
 * The editorial state machine (ARCHITECTURE.md "Editorial workflow"), without persistence: which actions exist
 * from a state, which of them a caller may take, and where each leads.
 */
public final class ArticleWorkflow {

    /** The caller: {@code editor} is true for editors and admins. */
    public record Actor(String username, boolean writer, boolean editor) {
        boolean owns(Article article) {
            return username.equals(article.owner);
        }
    }

    private ArticleWorkflow() {
    }

    /** Actions that exist from the article's current state, whoever asks. */
    public static Set<Action> possible(Article article) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        ArticleStatus s = article.status;
        switch (s) {
            case DRAFT -> actions.add(Action.SUBMIT);
            case IN_REVIEW -> actions.addAll(EnumSet.of(Action.APPROVE, Action.REQUEST_CHANGES));
            case APPROVED -> actions.addAll(EnumSet.of(Action.PUBLISH, Action.SCHEDULE, Action.REQUEST_CHANGES));
            case SCHEDULED -> actions.add(Action.UNSCHEDULE);
            case PUBLISHED -> actions.add(Action.REQUEST_CHANGES);
            case UNPUBLISHED -> actions.add(Action.PUBLISH);
            case ARCHIVED -> {
                return actions;
            }
        }
        // An edited live article may be published again at once by an editor.
        if (article.isLive() && (s == DRAFT || s == IN_REVIEW)) {
            actions.add(Action.PUBLISH);
        }
        if (article.isLive()) {
            actions.add(Action.UNPUBLISH);
        }
        actions.add(Action.ARCHIVE);
        return actions;
    }

    /** The subset of {@link #possible} this actor may take. */
    public static Set<Action> allowed(Article article, Actor actor) {
        Set<Action> allowed = EnumSet.noneOf(Action.class);
        for (Action action : possible(article)) {
            if (actor.editor() || action == Action.SUBMIT && actor.writer() && actor.owns(article)) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    /** Where an action leads from the article's state. */
    public static ArticleStatus target(Article article, Action action) {
        return switch (action) {
            case SUBMIT -> IN_REVIEW;
            case REQUEST_CHANGES -> DRAFT;
            case APPROVE, UNSCHEDULE -> APPROVED;
            case PUBLISH -> PUBLISHED;
            case SCHEDULE -> SCHEDULED;
            case UNPUBLISH -> article.status == PUBLISHED ? UNPUBLISHED : article.status;
            case ARCHIVE -> ARCHIVED;
        };
    }

    /** Whether this actor may change the article's content now. */
    public static boolean mayEdit(Article article, Actor actor) {
        if (article.status == ARCHIVED) {
            return false;
        }
        return actor.editor() || actor.writer() && actor.owns(article) && article.status == DRAFT;
    }

    /** The status after an edit: editing a published article puts its working copy back into the workflow. */
    public static ArticleStatus afterEdit(Article article) {
        return article.status == PUBLISHED ? DRAFT : article.status;
    }
}
