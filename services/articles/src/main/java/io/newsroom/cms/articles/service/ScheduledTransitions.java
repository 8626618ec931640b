package io.newsroom.cms.articles.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsroom.cms.articles.config.BackgroundJobsConfig;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleStatus;
import io.newsroom.cms.articles.repository.ArticleQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs due scheduled publishes and unpublishes. Exactly once across replicas: every replica polls, and
 * {@code FOR UPDATE SKIP LOCKED} hands each due article to one transaction only; once committed it is no longer due.
 * Due articles go {@link #BATCH} to a transaction, and a replica runs up to {@code cms.articles.scheduler.workers} such
 * batches at once (a scheduled publish mostly waits for PostgreSQL, so a catch-up after downtime, or a morning's stories
 * all due at 6:00, goes faster side by side; 200 articles are 8 commits, not 200).
 * When one article of a batch fails, the batch rolls back and its articles run again one to a transaction, so the
 * failure is recorded against that article only (history event, metric, log) and retried with backoff
 * ({@link #backoff}), and never holds back the others. A replica that was down catches up on its next poll: everything
 * due in the past is due now.
 */
@ApplicationScoped
public class ScheduledTransitions {
    private static final Logger LOG = Logger.getLogger(ScheduledTransitions.class);
    /** Articles per transaction: few commits for a catch-up, and row locks held for a short while only. */
    private static final int BATCH = 25;
    /** Due articles looked at per round, in batches of {@link #BATCH} run side by side. */
    private static final int CANDIDATES = 200;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(15);
    /**
     * An embargo is checked again at run time, under the row lock: a publish scheduled before the embargo was moved
     * later waits for the lift, and runs then.
     */
    private static final String DUE_PUBLISH = "status = 'SCHEDULED' and scheduled_publish_at <= :now"
            + " and (embargo_until is null or embargo_until <= :now)";
    private static final String DUE_UNPUBLISH = "live_revision is not null and scheduled_unpublish_at <= :now";
    private static final String NOT_BACKING_OFF = " and (schedule_retry_at is null or schedule_retry_at <= :now)";

    enum Kind {
        PUBLISH("scheduled_publish", DUE_PUBLISH, "scheduled_publish_at"),
        UNPUBLISH("scheduled_unpublish", DUE_UNPUBLISH, "scheduled_unpublish_at");

        final String action;
        final String due;
        final String at;

        Kind(String action, String due, String at) {
            this.action = action;
            this.due = due;
            this.at = at;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    ArticleTransitions articles;

    @Inject
    MeterRegistry metrics;

    @Inject
    BackgroundJobsConfig config;

    private ExecutorService workers;

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(Math.max(1, config.scheduler().workers()), task -> {
            Thread thread = new Thread(task, "scheduled-transitions-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    @Scheduled(every = "${cms.articles.scheduler.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        long start = System.nanoTime();
        int done = runDue();
        if (done > 0) {
            LOG.infof("Ran %d scheduled transition(s) in %d ms", done, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Publishes and unpublishes what is due now; returns how many articles this replica changed. */
    public int runDue() {
        Instant now = Articles.now();
        int done = 0;
        for (Kind kind : Kind.values()) {
            List<UUID> due;
            int before;
            do {
                before = done;
                due = candidates(kind, now);
                List<List<UUID>> batches = new ArrayList<>();
                for (int i = 0; i < due.size(); i += BATCH) {
                    batches.add(due.subList(i, Math.min(i + BATCH, due.size())));
                }
                List<Future<Integer>> running = new ArrayList<>();
                for (List<UUID> batch : batches) {
                    running.add(workers.submit(() -> runBatch(kind, batch, now)));
                }
                for (Future<Integer> batch : running) {
                    done += join(batch);
                }
            } while (due.size() == CANDIDATES && done > before); // a full page: more may be due (unless none went through)
        }
        return done;
    }

    /** Due articles, oldest first, without locks (each batch locks its own, skipping what another replica holds). */
    private List<UUID> candidates(Kind kind, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> ArticleQueries.uuids(em.createNativeQuery(
                        "select id from article where " + kind.due + NOT_BACKING_OFF + " order by " + kind.at + " limit " + CANDIDATES)
                .setParameter("now", now)));
    }

    /**
     * One batch in one transaction: those of {@code ids} still due and not held by another replica, locked and run. When
     * one of them fails the batch rolls back, and they run again one to a transaction, the failure recorded against its
     * own article. Returns how many were published or unpublished.
     */
    private int runBatch(Kind kind, List<UUID> ids, Instant now) {
        List<UUID> locked = new ArrayList<>();
        try {
            return lockAndRun(kind, ids, now, locked);
        } catch (RuntimeException e) {
            LOG.debugf("A batch of %d scheduled transition(s) failed, running them one by one: %s", locked.size(), e);
            int ran = 0;
            for (UUID id : locked) {
                if (runOne(kind, id, now)) {
                    ran++;
                }
            }
            return ran;
        }
    }

    /** One article in its own transaction; false when another replica has it or it is no longer due. */
    private boolean runOne(Kind kind, UUID id, Instant now) {
        try {
            return lockAndRun(kind, List.of(id), now, new ArrayList<>()) == 1;
        } catch (RuntimeException e) {
            recordFailure(kind, id, now, e);
            return false;
        }
    }

    /**
     * In one transaction: those of {@code ids} still due and not held by another replica, locked (added to
     * {@code locked}, so a caller knows them after a rollback) and run; how many.
     */
    private int lockAndRun(Kind kind, List<UUID> ids, Instant now, List<UUID> locked) {
        return QuarkusTransaction.requiringNew().call(() -> {
            locked.addAll(ArticleQueries.uuids(em.createNativeQuery("select id from article where id in (:ids) and " + kind.due
                            + NOT_BACKING_OFF + " order by " + kind.at + " for update skip locked")
                    .setParameter("ids", ids).setParameter("now", now)));
            for (UUID id : locked) {
                run(kind, em.find(Article.class, id), now);
            }
            em.flush();
            return locked.size();
        });
    }

    private static int join(Future<Integer> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException e) {
            LOG.warnf("A batch of scheduled transitions failed: %s", e.getCause());
            return 0;
        }
    }

    private void run(Kind kind, Article article, Instant now) {
        if (kind == Kind.PUBLISH) {
            articles.publishScheduled(article, now);
        } else {
            articles.unpublishScheduled(article, now);
        }
        article.scheduleFailures = 0;
        article.scheduleRetryAt = null;
    }

    private void recordFailure(Kind kind, UUID id, Instant now, RuntimeException failure) {
        metrics.counter("cms.articles.scheduled.failures", "action", kind.action).increment();
        String reason = reason(failure);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Article article = em.find(Article.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                if (article == null) {
                    return;
                }
                article.scheduleFailures++;
                Duration wait = backoff(article.scheduleFailures);
                article.scheduleRetryAt = now.plus(wait);
                ArticleStatus status = article.status;
                Articles.record(article, kind.action + "_failed", status, status, "scheduler",
                        "attempt " + article.scheduleFailures + " failed (" + reason + "); next try in " + wait.toSeconds() + " s");
                LOG.warnf("Scheduled %s of article %s failed (attempt %d), retrying at %s: %s", kind == Kind.PUBLISH ? "publish"
                        : "unpublish", id, article.scheduleFailures, article.scheduleRetryAt, reason);
            });
        } catch (RuntimeException e) {
            // the database itself is away: nothing can be recorded, the next poll tries the article again
            LOG.warnf("Scheduled %s of article %s failed and could not be recorded: %s / %s", kind.action, id, reason, e.toString());
        }
    }

    /** 10 s, 20 s, 40 s, ... at most 15 minutes. */
    static Duration backoff(int failures) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 16));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        message = message.lines().findFirst().orElse(message);
        return message.length() > 140 ? message.substring(0, 140) + "…" : message;
    }
}
