package io.newsroom.cms.articles.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** The events this service sends through Kafka from its transactional outbox ({@code client.EventRelay}). */
@ConfigMapping(prefix = "cms.articles.events")
public interface EventsConfig {
    /** Relay events at all; off, they wait in the outbox (a test's choice, or an operator's while Kafka is moved). */
    @WithDefault("true")
    boolean enabled();

    /** How long the relay waits before looking again when the outbox was empty. */
    @WithName("poll-every")
    @WithDefault("100ms")
    Duration pollEvery();

    /** Events sent per round trip to Kafka, at most. */
    @WithName("batch-size")
    @WithDefault("200")
    int batchSize();

    /** How long a batch may wait for Kafka's acknowledgements before it is left in the outbox for the next round. */
    @WithName("send-timeout")
    @WithDefault("15s")
    Duration sendTimeout();

    /**
     * Create the topics with their settings when missing (local stack, tests). Off in Kubernetes, where Strimzi's
     * KafkaTopic resources own them.
     */
    @WithName("create-topics")
    @WithDefault("true")
    boolean createTopics();

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
