package io.newsroom.cms.authors.config;

import io.newsroom.cms.outbox.RelaySettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The public profile events this service sends through Kafka from its transactional outbox ({@code client.EventRelay}). */
@ConfigMapping(prefix = "cms.authors.events")
public interface EventsConfig extends RelaySettings {
    /** The public profile of every author by author id, compacted; a tombstone when an author is deleted. */
    @WithName("profiles-topic")
    @WithDefault("cms.authors.profiles")
    String profilesTopic();

    /** Partitions of the topic when created here. */
    @WithDefault("3")
    int partitions();
}
