package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.Action;
import io.newsroom.cms.articles.domain.ArticleStatus;
import io.newsroom.cms.common.Roles;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static io.newsroom.cms.articles.domain.ArticleStatus.*;

/**
 * The editorial state machine (ARCHITECTURE.md "Editorial workflow"), without persistence: which actions exist
 * from a state, which of them a caller may take, and where each leads.
 */
public final class ArticleWorkflow {

    /** The caller: {@code editor} is true for editors and admins; {@code roles} every realm role they hold. */
    public record Actor(String username, boolean writer, boolean editor, Set<String> roles) {
        /** A caller with the roles these flags stand for (an editor as an editor). */
        public Actor(String username, boolean writer, boolean editor) {
            this(username, writer, editor, writer && editor ? Set.of(Roles.WRITER, Roles.EDITOR)
                    : writer ? Set.of(Roles.WRITER) : editor ? Set.of(Roles.EDITOR) : Set.of());
        }

        boolean owns(Article article) {
            return username.equals(article.owner);
        }

        public boolean admin() {
            return roles.contains(Roles.ADMIN);
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
            // a new time for a scheduled publish (the planning calendar's move): one step, one If-Match
            case SCHEDULED -> actions.addAll(EnumSet.of(Action.SCHEDULE, Action.UNSCHEDULE));
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
        if (article.isLive() && article.scheduledUnpublishAt != null) {
            actions.add(Action.UNSCHEDULE_UNPUBLISH);
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
            case UNSCHEDULE_UNPUBLISH -> article.status;
            case ARCHIVE -> ARCHIVED;
        };
    }

    /**
     * Whether this actor may open the article at all (read, list, comment, change) at {@code now}: anyone signed in,
     * except while an embargo holds it, when only its owner, admins and the people and roles the embargo names may.
     * Everyone else is answered as if it did not exist.
     */
    public static boolean mayOpen(Article article, Actor actor, Instant now) {
        return !article.embargoed(now) || actor.admin() || actor.owns(article)
                || article.embargo.names(actor.username(), actor.roles());
    }

    /** Whether this actor may set, change or lift the article's embargo (editors and admins, if they may open it). */
    public static boolean mayEmbargo(Actor actor) {
        return actor.editor();
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
