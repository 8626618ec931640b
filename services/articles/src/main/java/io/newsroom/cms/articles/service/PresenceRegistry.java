package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.api.PresenceRecords.Person;
import io.newsroom.cms.articles.api.PresenceRecords.PresenceMode;
import io.newsroom.cms.articles.api.PresenceRecords.PresenceView;
import io.newsroom.cms.articles.config.PresenceConfig;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleStatus;
import io.newsroom.cms.articles.repository.NameLocks;
import io.newsroom.cms.articles.repository.PresenceTable;
import io.newsroom.cms.articles.repository.PresenceTable.Row;
import io.newsroom.cms.articles.service.ArticleWorkflow.Actor;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Presence and soft locks of articles: tabs join (and keep beating), leave, and take over the edit lock. All of it is
 * rows of {@code article_presence}, changed under the article's advisory lock, so two replicas (or two tabs racing)
 * never both hand out the lock. The lock is soft: saves still need If-Match and are not refused for lack of it.
 *
 * <p>Who may see an article's presence: whoever may read the whole newsroom's articles (editors, admins, curators) and
 * a writer for their own articles; anyone else gets a 403 that names nobody. Editing and taking over need the right to
 * edit the article now ({@link ArticleWorkflow#mayEdit}).
 */
@ApplicationScoped
@Transactional
public class PresenceRegistry {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** The caller: {@code readsAll} is true for editors, admins and curators (they read every article). */
    public record Watcher(Actor actor, boolean readsAll, String displayName) {
    }

    @Inject
    PresenceTable table;

    @Inject
    NameLocks locks;

    @Inject
    PresenceConfig config;

    @Inject
    Event<LockTakenOver> takeOvers;

    /** Refuses (404 for no such article, 403) unless the caller may see who has the article open. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Article requireMayWatch(UUID articleId, Watcher watcher) {
        Article article = Articles.get(articleId, watcher.actor()); // an embargo that keeps it from them: a 404, as for none
        if (!watcher.readsAll() && !watcher.actor().owns(article)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Writers see who has an article open only on their own articles");
        }
        return article;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PresenceView view(UUID articleId, UUID session, Watcher watcher) {
        requireMayWatch(articleId, watcher);
        return PresenceViews.of(articleId, table.live(List.of(articleId), config.expiry()), session, watcher.actor().username());
    }

    /**
     * Records the tab as there (a join or a heartbeat). Editing when someone else holds the lock, or after one's lock was
     * taken over, is a 409 naming the editor: the editor app then offers read-only or take over.
     */
    public PresenceView join(UUID articleId, UUID session, PresenceMode mode, Watcher watcher) {
        Article article = requireMayWatch(articleId, watcher);
        if (mode == PresenceMode.EDITING) {
            requireMayEdit(article, watcher.actor());
        }
        locks.lock("article-presence", articleId.toString());
        table.expire(articleId, config.expiry());
        Optional<Row> mine = ownSession(articleId, session, watcher);
        if (mode == PresenceMode.EDITING) {
            Optional<Row> holder = table.holder(articleId);
            if (holder.isPresent() && !holder.get().sessionId().equals(session)) {
                Row editor = holder.get();
                throw ProblemException.conflict(editor.displayName() + " is editing this article since "
                                + CLOCK.format(editor.editingSince()) + " UTC; open it read-only or take over")
                        .with("editor", person(editor, session, watcher));
            }
            if (mine.isPresent() && !mine.get().editing() && mine.get().takenOverAt() != null) {
                throw ProblemException.conflict(mine.get().takenOverByName() + " took over editing at "
                        + CLOCK.format(mine.get().takenOverAt()) + " UTC; take over to edit again")
                        .with("takenOverByName", mine.get().takenOverByName()).with("takenOverAt", mine.get().takenOverAt());
            }
        }
        table.upsert(session, articleId, watcher.actor().username(), watcher.displayName(), mode.name(), false);
        return PresenceViews.of(articleId, table.live(List.of(articleId), config.expiry()), session, watcher.actor().username());
    }

    /** The tab takes the edit lock; the holder's tab (if another) is told who took it and switches to read-only. */
    public PresenceView takeOver(UUID articleId, UUID session, Watcher watcher) {
        Article article = requireMayWatch(articleId, watcher);
        requireMayEdit(article, watcher.actor());
        locks.lock("article-presence", articleId.toString());
        table.expire(articleId, config.expiry());
        ownSession(articleId, session, watcher);
        Optional<Row> holder = table.holder(articleId).filter(row -> !row.sessionId().equals(session));
        holder.ifPresent(row -> table.demote(row.sessionId(), watcher.actor().username(), watcher.displayName()));
        table.upsert(session, articleId, watcher.actor().username(), watcher.displayName(), PresenceMode.EDITING.name(), true);
        holder.ifPresent(row -> takeOvers.fire(new LockTakenOver(articleId, row.username(), watcher.actor().username(),
                watcher.displayName(), Instant.now())));
        return PresenceViews.of(articleId, table.live(List.of(articleId), config.expiry()), session, watcher.actor().username());
    }

    /** The tab closed (or left the article): its row goes at once rather than at expiry. */
    public void leave(UUID articleId, UUID session, Watcher watcher) {
        requireMayWatch(articleId, watcher);
        table.delete(session, articleId, watcher.actor().username());
    }

    /** Rows left by tabs long gone (articles nobody opened since). */
    public int purge() {
        return table.purge(config.expiry().multipliedBy(90));
    }

    /** A session id is the tab's: another person's, or one used on another article, is refused. */
    private Optional<Row> ownSession(UUID articleId, UUID session, Watcher watcher) {
        Optional<Row> mine = table.find(session);
        if (mine.isPresent() && (!mine.get().username().equals(watcher.actor().username()) || !mine.get().articleId().equals(articleId))) {
            throw ProblemException.conflict("This session id is in use elsewhere; a tab makes a new one for each article it opens");
        }
        return mine;
    }

    private static void requireMayEdit(Article article, Actor actor) {
        if (ArticleWorkflow.mayEdit(article, actor)) {
            return;
        }
        throw new ProblemException(ProblemType.FORBIDDEN, article.status == ArticleStatus.ARCHIVED
                ? "An archived article cannot be edited; open it read-only"
                : "You may not edit this article in its state (" + article.status + "); open it read-only");
    }

    private static Person person(Row row, UUID session, Watcher watcher) {
        return new Person(row.username(), row.displayName(), PresenceMode.valueOf(row.mode()), row.editingSince(),
                row.sessionId().equals(session) && row.username().equals(watcher.actor().username()));
    }
}
