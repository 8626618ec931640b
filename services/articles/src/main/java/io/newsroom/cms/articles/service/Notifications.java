package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.api.NotificationRecords.NotificationPage;
import io.newsroom.cms.articles.api.NotificationRecords.NotificationView;
import io.newsroom.cms.articles.domain.Action;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleAssignment;
import io.newsroom.cms.articles.domain.KnownUser;
import io.newsroom.cms.articles.domain.Notification;
import io.newsroom.cms.articles.domain.NotificationType;
import io.newsroom.cms.common.Roles;
import io.newsroom.cms.common.problem.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * In-app notifications: written in the transaction of the change that causes them (MANDATORY: never on their own),
 * never to the person who acted, each recipient once per change; read by their recipient only. A notification carries
 * the article's headline, its id, the type and the actor: nothing its recipient could not read in the article.
 * While an embargo holds, only those who may open the article hear of it (see {@code mayOpen}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Notifications {
    /** Who hears of a submit when nobody is assigned: the editors seen most recently, at most this many. */
    static final int UNASSIGNED_REVIEWERS = 20;
    private static final int TEXT = 200;

    @Inject
    UserDirectory directory;

    /** The notifications a workflow step of {@code actor} causes. */
    void transition(Article article, Action action, String actor) {
        switch (action) {
            case SUBMIT -> {
                ArticleAssignment assignment = ArticleAssignment.findById(article.id);
                Set<String> to = new LinkedHashSet<>();
                if (assignment != null && assignment.assignee != null) {
                    to.add(assignment.assignee);
                } else {
                    directory.recentEditors(UNASSIGNED_REVIEWERS).forEach(u -> to.add(u.username));
                }
                to.forEach(r -> notify(r, NotificationType.REVIEW_REQUESTED, article, actor));
            }
            case REQUEST_CHANGES -> notify(article.owner, NotificationType.CHANGES_REQUESTED, article, actor);
            case APPROVE -> notify(article.owner, NotificationType.APPROVED, article, actor);
            case PUBLISH -> notify(article.owner, NotificationType.PUBLISHED, article, actor);
            default -> {
                // the other steps tell nobody
            }
        }
    }

    /** A comment's @mentions: known people only, each once, not the commenter. */
    void comment(Article article, String body, String actor) {
        Set<String> named = Mentions.in(body);
        for (KnownUser user : directory.among(named)) {
            notify(user.username, NotificationType.MENTIONED, article, actor);
        }
    }

    /**
     * Tells {@code recipient} that {@code actor} did {@code type} to the article; nothing when they are the same person.
     * Also used for {@link NotificationType#LOCK_TAKEN_OVER} ({@link LockTakeOverNotices}).
     */
    public void notify(String recipient, NotificationType type, Article article, String actor) {
        if (recipient == null || recipient.equals(actor) || !mayOpen(recipient, article)) {
            return;
        }
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.recipient = recipient;
        n.type = type;
        n.articleId = article.id;
        n.actor = actor;
        String headline = article.content.headline == null || article.content.headline.isBlank() ? "(untitled)" : article.content.headline.strip();
        n.text = headline.length() > TEXT ? headline.substring(0, TEXT - 1) + "…" : headline;
        n.createdAt = Articles.now();
        n.persist();
    }

    /** While an embargo holds, only the people it names (and the owner, admins) hear of the article, not even its headline. */
    private boolean mayOpen(String recipient, Article article) {
        if (!article.embargoed(Articles.now())) {
            return true;
        }
        KnownUser user = directory.find(recipient);
        return user != null && ArticleWorkflow.mayOpen(article, actorOf(user), Articles.now());
    }

    /** A known user as the workflow sees a caller (their roles as last seen on a token). */
    static ArticleWorkflow.Actor actorOf(KnownUser user) {
        java.util.Set<String> roles = new java.util.HashSet<>();
        if (user.writer) {
            roles.add(Roles.WRITER);
        }
        if (user.editor) {
            roles.add(Roles.EDITOR);
        }
        if (user.curator) {
            roles.add(Roles.CURATOR);
        }
        if (user.admin) {
            roles.add(Roles.ADMIN);
        }
        return new ArticleWorkflow.Actor(user.username, user.writer, user.editor || user.admin, java.util.Set.copyOf(roles));
    }

    /** The recipient's notifications, newest first; {@code cursor} from the previous page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NotificationPage list(String recipient, boolean unreadOnly, String cursor, int limit) {
        StringBuilder q = new StringBuilder("recipient = :r");
        Parameters p = Parameters.with("r", recipient);
        if (unreadOnly) {
            q.append(" and readAt is null");
        }
        if (cursor != null) {
            Position after = Position.parse(cursor);
            q.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            p.and("at", after.at()).and("id", after.id());
        }
        q.append(" order by createdAt desc, id desc");
        List<Notification> rows = Notification.<Notification>find(q.toString(), p).page(0, limit + 1).list();
        List<Notification> page = rows.subList(0, Math.min(limit, rows.size()));
        Map<String, String> names = directory.names(page.stream().map(n -> n.actor).collect(Collectors.toSet()));
        List<NotificationView> items = new ArrayList<>();
        for (Notification n : page) {
            items.add(view(n, names));
        }
        String next = rows.size() > limit ? new Position(rows.get(limit - 1).createdAt, rows.get(limit - 1).id).text() : null;
        return new NotificationPage(items, next);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long unread(String recipient) {
        return Notification.count("recipient = ?1 and readAt is null", recipient);
    }

    /** Marks one of the recipient's notifications read; someone else's is a 404, as if it did not exist. */
    @Transactional(Transactional.TxType.REQUIRED)
    public NotificationView read(String recipient, UUID id) {
        Notification n = Notification.findById(id);
        if (n == null || !n.recipient.equals(recipient)) {
            throw ProblemException.notFound("Notification " + id);
        }
        if (n.readAt == null) {
            n.readAt = Articles.now();
        }
        return view(n, directory.names(Set.of(n.actor)));
    }

    /** Marks every unread notification of the recipient read; how many were. */
    @Transactional(Transactional.TxType.REQUIRED)
    public long readAll(String recipient) {
        return Notification.update("readAt = ?1 where recipient = ?2 and readAt is null", Articles.now(), recipient);
    }

    /** {@code names}: the names the actors go by ({@link UserDirectory#names}); the scheduler and the unknown have none. */
    private static NotificationView view(Notification n, Map<String, String> names) {
        return new NotificationView(n.id, n.type, n.articleId, n.actor, names.get(n.actor), n.text, n.createdAt, n.readAt);
    }

    /** Where a page ended: the last item's time and id, as an opaque URL-safe text. */
    private record Position(Instant at, UUID id) {
        String text() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((at.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Position parse(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
                if (parts.length != 2) {
                    throw new IllegalArgumentException("two parts");
                }
                return new Position(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", "is not a cursor this list gave: start again without it");
            }
        }
    }
}
