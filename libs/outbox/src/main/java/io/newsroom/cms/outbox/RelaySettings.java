package io.newsroom.cms.outbox;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/**
 * The relay's settings: a service's {@code @ConfigMapping} of its events ({@code cms.<service>.events}) extends this,
 * adding its topics.
 */
public interface RelaySettings {
    /** Relay events at all; off, they wait in the outbox (a test's choice, or an operator's while Kafka is moved). */
    @WithDefault("true")
    boolean enabled();

    /**
     * How long the relay waits before looking again when the outbox was empty and nothing woke it: a commit on this
     * replica that wrote events wakes it at once ({@link Outbox#wakeAfterCommit}), so this bounds only the delay of
     * events another replica wrote while this one held the relay.
     */
    @WithName("poll-every")
    @WithDefault("1s")
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
}
