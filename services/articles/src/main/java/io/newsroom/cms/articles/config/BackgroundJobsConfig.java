package io.newsroom.cms.articles.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/**
 * How often this service's background jobs run, every one an interval such as {@code 5s} or {@code off}. Read here so
 * that the keys are typed, documented and checked at start; the {@code @Scheduled} annotations name the same keys.
 */
@ConfigMapping(prefix = "cms.articles")
public interface BackgroundJobsConfig {
    /** Due scheduled publishes and unpublishes ({@code service.ScheduledTransitions}). */
    Scheduler scheduler();

    /** The read model's reconciliation with the live revisions ({@code published.PublishedViews#catchUp}). */
    @WithName("read-model")
    ReadModel readModel();

    /** The copy of the byline authors' public profiles ({@code published.BylineAuthors#sync}). */
    @WithName("byline-authors")
    BylineAuthors bylineAuthors();

    /** How long notifications are kept ({@code service.NotificationRetention}). */
    Notifications notifications();

    interface Scheduler {
        String every();

        /**
         * How many batches of due articles one replica runs at once, each in its own transaction and connection. A
         * scheduled publish mostly waits for PostgreSQL (about 10 statements; 199 articles took 1.1 s on one thread),
         * so a catch-up after downtime goes faster with a few at once.
         */
        @WithDefault("4")
        int workers();
    }

    interface ReadModel {
        @WithName("reconcile-every")
        String reconcileEvery();
    }

    interface BylineAuthors {
        @WithName("sync-every")
        String syncEvery();
    }

    interface Notifications {
        @WithName("prune-every")
        String pruneEvery();

        /** A read notification is deleted this long after it was read. */
        @WithName("keep-read")
        @WithDefault("30d")
        Duration keepRead();

        /** An unread notification is deleted this long after it was made. */
        @WithName("keep-unread")
        @WithDefault("180d")
        Duration keepUnread();
    }
}
