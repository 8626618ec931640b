package io.newsroom.cms.curation.config;

import io.newsroom.cms.outbox.RelaySettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The list events this service sends through Kafka from the outbox kept in the lists' documents ({@code client.EventRelay}). */
@ConfigMapping(prefix = "cms.curation.events")
public interface EventsConfig extends RelaySettings {
    /** Every live list by slug, compacted: the unresolved live version; a tombstone when a list leaves the site. */
    @WithName("lists-topic")
    @WithDefault("cms.curation.lists")
    String listsTopic();

    /** Partitions of the topic when created here. */
    @WithDefault("3")
    int partitions();
}
