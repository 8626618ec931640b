package io.newsroom.cms.authors.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** The public profile events this service sends through Kafka from its transactional outbox ({@code client.EventRelay}). */
@ConfigMapping(prefix = "cms.authors.events")
public interface EventsConfig {
    /** Relay events at all; off, they wait in the outbox (a test's choice, or an operator's while Kafka is moved). */
    @WithDefault("true")
    boolean enabled();

    /** How long the relay waits before looking again when the outbox was empty. */
    @WithName("poll-every")
    @WithDefault("100ms")
    Duration pollEvery();

    @WithName("batch-size")
    @WithDefault("200")
    int batchSize();

    /** How long a batch may wait for Kafka's acknowledgements before it is left in the outbox for the next round. */
    @WithName("send-timeout")
    @WithDefault("15s")
    Duration sendTimeout();

    /** Create the topic when missing (local stack, tests); off in Kubernetes, where a Strimzi KafkaTopic owns it. */
    @WithName("create-topics")
    @WithDefault("true")
    boolean createTopics();

    /** The public profile of every author by author id, compacted; a tombstone when an author is deleted. */
    @WithName("profiles-topic")
    @WithDefault("cms.authors.profiles")
    String profilesTopic();

    /** Partitions of the topic when created here. */
    @WithDefault("3")
    int partitions();
}
