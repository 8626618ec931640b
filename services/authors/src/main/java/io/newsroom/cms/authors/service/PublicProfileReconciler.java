package io.newsroom.cms.authors.service;

import io.newsroom.cms.authors.domain.Author;
import io.newsroom.cms.authors.published.AvatarPictures;
import io.newsroom.cms.authors.published.PublicProfiles;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.concurrent.TimeUnit;

/**
 * Keeps the stored public profiles ({@link PublicProfiles}) in step with the profiles: at start-up and then every
 * {@code cms.authors.public-profiles.reconcile-every}. Every edit writes its JSON in its own transaction, so this finds
 * work only after an upgrade (replicas of the old version still running) or a format change.
 */
@ApplicationScoped
public class PublicProfileReconciler {
    private static final Logger LOG = Logger.getLogger(PublicProfileReconciler.class);

    @Inject
    PublicProfiles publicProfiles;

    @Inject
    AvatarPictures pictures;

    void onStart(@Observes StartupEvent start) {
        catchUp();
    }

    // first run 30 s after start: the start-up has just done it
    @Scheduled(every = "${cms.authors.public-profiles.reconcile-every}", delay = 30, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reconcile() {
        catchUp();
    }

    /** Rewrites the public JSON of every profile whose stored one lags; returns how many were written. */
    @Transactional
    public int catchUp() {
        int written = 0;
        for (Author author : publicProfiles.lagging()) {
            if (publicProfiles.rewrite(author, AuthorMapper.publicView(author, pictures.copyOf(author.avatarMediaId)))) {
                written++;
            }
        }
        if (written > 0) {
            LOG.infof("Public author profiles: %d written", written);
        }
        return written;
    }
}
