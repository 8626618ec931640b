package io.newsroom.cms.webhooks.service;

import io.newsroom.cms.webhooks.config.WebhooksConfig;
import io.newsroom.cms.webhooks.repository.Deliveries;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Deletes finished deliveries: delivered ones after {@code keep-delivered} (7 days), failed ones after
 * {@code keep-failed} (30 days), a few thousand per transaction. Every replica runs it; deleting twice is harmless.
 */
@ApplicationScoped
public class Cleanup {
    private static final Logger LOG = Logger.getLogger(Cleanup.class);
    private static final int CHUNK = 5_000;

    @Inject
    WebhooksConfig config;

    @Inject
    Deliveries deliveries;

    @Scheduled(every = "${cms.webhooks.cleanup-every}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            run(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("Old deliveries not deleted this time: %s", e.getMessage());
        }
    }

    /** Deletes what is old at {@code now}; how many deliveries went. */
    public int run(Instant now) {
        int total = 0;
        int deleted;
        do {
            deleted = deliveries.deleteFinished(now.minus(config.keepDelivered()), now.minus(config.keepFailed()), CHUNK);
            total += deleted;
        } while (deleted == CHUNK);
        if (total > 0) {
            LOG.infof("Deleted %d finished deliveries", total);
        }
        return total;
    }
}
