package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.domain.Article;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.newsroom.cms.articles.repository.ArticleQueries;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Runs due scheduled publishes and unpublishes. Exactly once across replicas: every replica polls, and
 * {@code FOR UPDATE SKIP LOCKED} hands each due row to one transaction only; once committed the row is no longer
 * due. A replica that was down catches up on its next poll (everything due in the past is due now).
 */
@ApplicationScoped
public class ScheduledTransitions {
    private static final Logger LOG = Logger.getLogger(ScheduledTransitions.class);
    private static final int BATCH = 50;

    @Inject
    EntityManager em;

    @Inject
    ArticleService articles;

    @Scheduled(every = "${cms.articles.scheduler.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        int done = runDue();
        if (done > 0) {
            LOG.infof("Ran %d scheduled transition(s)", done);
        }
    }

    /** Publishes and unpublishes what is due now; returns how many articles it changed. */
    @Transactional
    public int runDue() {
        Instant now = ArticleService.now();
        int done = 0;
        for (UUID id : due("select id from article where status = 'SCHEDULED' and scheduled_publish_at <= ?1"
                + " order by scheduled_publish_at limit " + BATCH + " for update skip locked", now)) {
            articles.publishScheduled(Article.findById(id), now);
            done++;
        }
        for (UUID id : due("select id from article where live_revision is not null and scheduled_unpublish_at <= ?1"
                + " order by scheduled_unpublish_at limit " + BATCH + " for update skip locked", now)) {
            articles.unpublishScheduled(Article.findById(id), now);
            done++;
        }
        return done;
    }

    private List<UUID> due(String sql, Instant now) {
        return ArticleQueries.uuids(em.createNativeQuery(sql).setParameter(1, now));
    }
}
