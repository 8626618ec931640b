package io.newsroom.cms.curation.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsroom.cms.curation.domain.FeaturedList.AuditEntry;
import io.newsroom.cms.curation.repository.FeaturedListRepository;
import io.newsroom.cms.curation.repository.FeaturedListRepository.Due;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Publishes lists whose scheduled time has come; every replica polls, each list goes live exactly once (a
 * compare-and-set on the document). Each list on its own: a failure (an unreadable document, a store error) is
 * recorded (audit entry, metric, log) and retried with backoff, and never holds back the others.
 */
@ApplicationScoped
public class ScheduledListPublisher {
    private static final Logger LOG = Logger.getLogger(ScheduledListPublisher.class);
    private static final int BATCH = 100;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(15);

    @Inject
    FeaturedListRepository repository;

    @Inject
    FeaturedListPublisher publisher;

    @Inject
    MeterRegistry metrics;

    @Scheduled(every = "${cms.curation.scheduler.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        runDue();
    }

    /** Returns how many lists this call published (0 when another replica got there first). */
    public int runDue() {
        Instant now = ListWrites.now();
        int published = 0;
        List<Due> due;
        int rounds = 0;
        do {
            due = repository.dueForPublish(now, BATCH);
            for (Due list : due) {
                if (publish(list, now)) {
                    published++;
                }
            }
        } while (due.size() == BATCH && ++rounds < 50); // a full batch: more may be due (failures back off, so this ends)
        return published;
    }

    private boolean publish(Due due, Instant now) {
        try {
            if (due.unreadable() != null) {
                throw due.unreadable();
            }
            if (publisher.publishScheduled(due.list(), now)) {
                LOG.infof("Published list %s as scheduled", due.slug());
                return true;
            }
            return false;
        } catch (RuntimeException e) {
            recordFailure(due, now, e);
            return false;
        }
    }

    private void recordFailure(Due due, Instant now, RuntimeException failure) {
        metrics.counter("cms.curation.scheduled.failures").increment();
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage().lines().findFirst().orElse("");
        try {
            int failures = repository.scheduleFailures(due.id()) + 1;
            Duration wait = backoff(failures);
            repository.recordScheduleFailure(due.id(), now.plus(wait), new AuditEntry(now, "scheduler", "scheduled_publish_failed",
                    null, "attempt " + failures + " failed (" + reason + "); next try in " + wait.toSeconds() + " s"));
            LOG.warnf("Scheduled publish of list %s failed (attempt %d), retrying in %d s: %s", due.slug(), failures,
                    wait.toSeconds(), reason);
        } catch (RuntimeException e) {
            LOG.warnf("Scheduled publish of list %s failed and could not be recorded: %s / %s", due.slug(), reason, e.toString());
        }
    }

    /** 10 s, 20 s, 40 s, ... at most 15 minutes. */
    static Duration backoff(int failures) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 16));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }
}
