package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.api.ArticleRecords.AssignmentView;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleAssignment;
import io.newsroom.cms.articles.domain.ArticleStatus;
import io.newsroom.cms.articles.domain.KnownUser;
import io.newsroom.cms.articles.domain.NotificationType;
import io.newsroom.cms.articles.service.ArticleWorkflow.Actor;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.common.problem.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Who reviews an article next. Editors and admins assign any article that is not archived; a writer may ask for review
 * of their own article while it is a draft or in review (assign it, or take the request back). The assignee must be an
 * editor or an admin this service knows. The assignment has its own version (If-Match), changes under the article's row
 * lock without touching the article's version, tells the new assignee, and ends when the article is published or archived.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class Assignments {
    @Inject
    UserDirectory directory;

    @Inject
    Notifications notifications;

    public static boolean mayAssign(Article article, Actor actor) {
        if (article.status == ArticleStatus.ARCHIVED) {
            return false;
        }
        return actor.editor() || actor.writer() && actor.owns(article)
                && (article.status == ArticleStatus.DRAFT || article.status == ArticleStatus.IN_REVIEW);
    }

    public AssignmentView assign(UUID id, String assignee, String note, long expectedVersion, Actor actor) {
        Article article = Articles.lock(id, actor);
        requireMay(article, actor);
        ArticleAssignment assignment = current(id);
        Versions.requireCurrent(expectedVersion, assignment.version);
        String username = assignee.strip().toLowerCase(Locale.ROOT);
        KnownUser user = directory.find(username);
        if (user == null) {
            throw ProblemException.invalid("assignee", "names nobody in this newsroom (someone who has never signed in cannot be assigned yet)");
        }
        if (!user.reviews()) {
            throw ProblemException.invalid("assignee", "must be an editor or an admin: only they review and approve");
        }
        if (!ArticleWorkflow.mayOpen(article, Notifications.actorOf(user), Articles.now())) {
            throw ProblemException.invalid("assignee", "may not open this article while its embargo holds: name them in the embargo first");
        }
        boolean changed = !username.equals(assignment.assignee);
        assignment.assignee = username;
        assignment.note = note == null || note.isBlank() ? null : note.strip();
        assignment.assignedBy = actor.username();
        assignment.assignedAt = Articles.now();
        assignment.version++;
        if (assignment.version == 1) {
            assignment.persist();
        }
        if (changed) {
            notifications.notify(username, NotificationType.ASSIGNED, article, actor.username());
        }
        return view(assignment);
    }

    public AssignmentView unassign(UUID id, long expectedVersion, Actor actor) {
        Article article = Articles.lock(id, actor);
        requireMay(article, actor);
        ArticleAssignment assignment = current(id);
        Versions.requireCurrent(expectedVersion, assignment.version);
        clear(assignment);
        if (assignment.version == 1) {
            assignment.persist();
        }
        return view(assignment);
    }

    /** Publishing or archiving ends the review: the assignment is cleared (in that step's transaction). */
    void finish(UUID articleId) {
        ArticleAssignment assignment = ArticleAssignment.findById(articleId);
        if (assignment != null && assignment.assignee != null) {
            clear(assignment);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AssignmentView of(UUID articleId) {
        ArticleAssignment assignment = ArticleAssignment.findById(articleId);
        return assignment == null ? new AssignmentView(null, null, null, null, 0) : view(assignment);
    }

    /** The assignees of these articles (those that have one). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, String> assignees(List<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> result = new java.util.HashMap<>();
        ArticleAssignment.<ArticleAssignment>list("articleId in ?1 and assignee is not null", articleIds)
                .forEach(a -> result.put(a.articleId, a.assignee));
        return result;
    }

    private static void clear(ArticleAssignment assignment) {
        assignment.assignee = null;
        assignment.note = null;
        assignment.assignedBy = null;
        assignment.assignedAt = null;
        assignment.version++;
    }

    private static ArticleAssignment current(UUID id) {
        ArticleAssignment assignment = ArticleAssignment.findById(id);
        if (assignment == null) {
            assignment = new ArticleAssignment();
            assignment.articleId = id;
        }
        return assignment;
    }

    private static void requireMay(Article article, Actor actor) {
        if (!mayAssign(article, actor)) {
            String detail = article.status == ArticleStatus.ARCHIVED ? "An archived article cannot be assigned"
                    : actor.writer() && actor.owns(article) ? "You may ask for review of your own article while it is a draft or in review"
                    : "Your role may not assign this article";
            ProblemType type = article.status == ArticleStatus.ARCHIVED ? ProblemType.CONFLICT : ProblemType.FORBIDDEN;
            throw new ProblemException(type, detail, List.of(), Map.of());
        }
    }

    private static AssignmentView view(ArticleAssignment a) {
        return new AssignmentView(a.assignee, a.note, a.assignedBy, a.assignedAt, a.version);
    }
}
