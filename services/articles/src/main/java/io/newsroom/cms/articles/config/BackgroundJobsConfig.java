package io.newsroom.cms.articles.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

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

    interface Scheduler {
        String every();
    }

    interface ReadModel {
        @WithName("reconcile-every")
        String reconcileEvery();
    }

    interface BylineAuthors {
        @WithName("sync-every")
        String syncEvery();
    }
}
