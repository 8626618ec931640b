package io.newsroom.cms.curation.service;

import io.newsroom.cms.curation.domain.FeaturedList;
import io.newsroom.cms.curation.repository.FeaturedListRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;

/** Publishes lists whose scheduled time has come; every replica polls, each list goes live exactly once. */
@ApplicationScoped
public class ScheduledListPublisher {
    private static final Logger LOG = Logger.getLogger(ScheduledListPublisher.class);

    @Inject
    FeaturedListRepository repository;

    @Inject
    FeaturedListService lists;

    @Scheduled(every = "${cms.curation.scheduler.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        runDue();
    }

    /** Returns how many lists this call published (0 when another replica got there first). */
    public int runDue() {
        Instant now = FeaturedListService.now();
        int published = 0;
        for (FeaturedList list : repository.dueForPublish(now)) {
            if (lists.publishScheduled(list, now)) {
                LOG.infof("Published list %s as scheduled", list.slug());
                published++;
            }
        }
        return published;
    }
}
