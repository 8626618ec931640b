package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.api.ArticleRecords.EmbargoAccess;
import io.newsroom.cms.articles.api.ArticleRecords.EmbargoRequest;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleStatus;
import io.newsroom.cms.articles.domain.Embargo;
import io.newsroom.cms.articles.service.ArticleWorkflow.Actor;
import io.newsroom.cms.common.Roles;
import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.common.problem.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Setting, changing and lifting an article's embargo (editors and admins who may open the article). An embargo is a
 * setting of the article, not of its content: it makes no revision. It is refused on an article readers can already see
 * (there is nothing left to hold back) and on an archived one. Each change is recorded in the article's history;
 * the workflow stream gets the step without the slug while the embargo holds ({@link Articles#record}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ArticleEmbargoes {
    /** Further ahead than this an embargo is a mistake (a year typed wrong), not a plan. */
    static final Duration LONGEST = Duration.ofDays(366);
    /** Who may open an embargoed article when the request names nobody: the editors (besides owner and admins). */
    static final List<String> DEFAULT_ROLES = List.of(Roles.EDITOR);
    private static final Set<String> ROLES = Set.of(Roles.WRITER, Roles.EDITOR, Roles.CURATOR, Roles.ADMIN);

    public Article set(UUID id, long expectedVersion, @NotNull @Valid EmbargoRequest request, Actor actor) {
        Article article = Articles.lock(id, actor);
        requireMayEmbargo(actor);
        Versions.requireCurrent(expectedVersion, article.version);
        Instant now = Articles.now();
        if (article.isLive()) {
            throw ProblemException.conflict("Readers can already see this article: there is nothing to hold back."
                    + " Unpublish it first to embargo it.");
        }
        if (article.status == ArticleStatus.ARCHIVED) {
            throw ProblemException.conflict("An archived article cannot be embargoed");
        }
        Instant until = request.until().truncatedTo(ChronoUnit.MICROS);
        if (!until.isAfter(now)) {
            throw ProblemException.invalid("until", "must be a time in the future: the embargo lifts then");
        }
        if (until.isAfter(now.plus(LONGEST))) {
            throw ProblemException.invalid("until", "must be within a year from now");
        }
        EmbargoAccess access = request.access();
        List<String> roles = access == null ? DEFAULT_ROLES : roles(access.roles());
        LinkedHashSet<String> users = new LinkedHashSet<>();
        if (access != null && access.users() != null) {
            access.users().forEach(u -> users.add(u.trim().toLowerCase(Locale.ROOT)));
        }
        // the person who sets it keeps it open to themselves, whatever roles it names (the owner always may)
        if (!actor.username().equals(article.owner)) {
            users.add(actor.username());
        }
        boolean changed = article.embargoed(now);
        Embargo embargo = new Embargo();
        embargo.until = until;
        embargo.users = new ArrayList<>(users);
        embargo.roles = new ArrayList<>(roles);
        embargo.setBy = actor.username();
        embargo.setAt = now;
        article.embargo = embargo;
        article.updatedAt = now;
        Articles.record(article, changed ? "change_embargo" : "embargo", article.status, article.status, actor.username(),
                describe(embargo, request.comment()));
        article.flush();
        return article;
    }

    public Article lift(UUID id, long expectedVersion, Actor actor) {
        Article article = Articles.lock(id, actor);
        requireMayEmbargo(actor);
        Versions.requireCurrent(expectedVersion, article.version);
        Instant now = Articles.now();
        if (!article.embargoed(now)) {
            throw ProblemException.conflict("This article is not under embargo");
        }
        article.embargo = null;
        article.updatedAt = now;
        Articles.record(article, "lift_embargo", article.status, article.status, actor.username(), null);
        article.flush();
        return article;
    }

    private static void requireMayEmbargo(Actor actor) {
        if (!ArticleWorkflow.mayEmbargo(actor)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only editors and admins embargo articles");
        }
    }

    /** The roles as sent, each once; one that is not a newsroom role is a 400 at {@code access.roles[i]}. */
    private static List<String> roles(List<String> sent) {
        if (sent == null) {
            return List.of();
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        LinkedHashSet<String> roles = new LinkedHashSet<>();
        for (int i = 0; i < sent.size(); i++) {
            String role = sent.get(i).trim().toLowerCase(Locale.ROOT);
            if (ROLES.contains(role)) {
                roles.add(role);
            } else {
                errors.add(new Problem.FieldError("access.roles[" + i + "]", "is not a newsroom role: use writer, editor, curator or admin"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The embargo names a role that does not exist", errors, Map.of());
        }
        return new ArrayList<>(roles);
    }

    /** The history's words for an embargo: until when and who may open it (history is read only by those who may). */
    private static String describe(Embargo embargo, String comment) {
        String who = "users " + (embargo.users.isEmpty() ? "none" : String.join(", ", embargo.users))
                + "; roles " + (embargo.roles.isEmpty() ? "none" : String.join(", ", embargo.roles));
        String words = "until " + embargo.until + "; open to the owner, admins, " + who;
        return comment == null || comment.isBlank() ? words : words + ". " + comment.trim();
    }
}
