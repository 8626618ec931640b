package io.newsroom.cms.curation.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** The curation service's own settings ({@code cms.curation.*} in application.properties). */
@ConfigMapping(prefix = "cms.curation")
public interface CurationConfig {
    /** The MongoDB database of the lists; application.properties sets it to {@code quarkus.mongodb.database}. */
    String database();

    /** How long resolved lists may be answered from the last good view of the articles while that service is down. */
    Duration articlesStaleFor();

    Scheduler scheduler();

    interface Scheduler {
        /**
         * How often every replica looks for lists due to be published ({@code off} in tests, which run it themselves);
         * read as the schedule expression of {@code service.ScheduledListPublisher}.
         */
        String every();
    }
}
