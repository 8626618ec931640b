package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.config.BackgroundJobsConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Keeps the notification table from growing without end: a read notification goes {@code keep-read} after it was read,
 * an unread one {@code keep-unread} after it was made (nobody is still waiting to read a year-old "review requested").
 * Every replica prunes; a row two of them delete at once is deleted once. In batches, each its own short transaction,
 * so a first prune of a large table never holds locks for long.
 */
@ApplicationScoped
public class NotificationRetention {
    private static final Logger LOG = Logger.getLogger(NotificationRetention.class);
    private static final int BATCH = 5_000;

    @Inject
    EntityManager em;

    @Inject
    BackgroundJobsConfig config;

    @Scheduled(every = "${cms.articles.notifications.prune-every}", delay = 60, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            prune(Articles.now());
        } catch (RuntimeException e) {
            LOG.warnf("Pruning notifications failed (next run tries again): %s", e.toString());
        }
    }

    /** Deletes what is due for deletion at {@code now}; how many. */
    public long prune(Instant now) {
        Instant readBefore = now.minus(config.notifications().keepRead());
        Instant madeBefore = now.minus(config.notifications().keepUnread());
        long deleted = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("delete from notification where id in ("
                            + "select id from notification where read_at < :read limit :n) or id in ("
                            + "select id from notification where read_at is null and created_at < :made limit :n)")
                    .setParameter("read", readBefore).setParameter("made", madeBefore).setParameter("n", BATCH).executeUpdate());
            deleted += batch;
        } while (batch > 0);
        if (deleted > 0) {
            LOG.infof("Pruned %d notifications (read before %s, or unread and made before %s)", deleted, readBefore, madeBefore);
        }
        return deleted;
    }
}
