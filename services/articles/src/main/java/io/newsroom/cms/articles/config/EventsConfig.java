package io.newsroom.cms.articles.config;

import io.newsroom.cms.outbox.RelaySettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** The events this service sends through Kafka from its transactional outbox ({@code client.EventRelay}). */
@ConfigMapping(prefix = "cms.articles.events")
public interface EventsConfig extends RelaySettings {
    Topics topics();

    interface Topics {
        /** The public document of every live article by article id, compacted; tombstones on unpublish. */
        @WithName("published-articles")
        @WithDefault("cms.articles.published")
        String publishedArticles();

        /** Every editorial transition, by article id. */
        @WithDefault("cms.articles.workflow")
        String workflow();

        /** How long workflow events are kept. */
        @WithName("workflow-retention")
        @WithDefault("168h")
        Duration workflowRetention();

        /** Partitions of a topic created here. */
        @WithDefault("3")
        int partitions();
    }
}
