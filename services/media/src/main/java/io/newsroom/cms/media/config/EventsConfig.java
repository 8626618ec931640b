package io.newsroom.cms.media.config;

import io.newsroom.cms.outbox.RelaySettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The picture events this service sends through Kafka from its transactional outbox ({@code client.EventRelay}). */
@ConfigMapping(prefix = "cms.media.events")
public interface EventsConfig extends RelaySettings {
    /** What readers see of every picture (alt text, credit, rendition URLs) by media id, compacted; a tombstone on delete. */
    @WithName("pictures-topic")
    @WithDefault("cms.media.pictures")
    String picturesTopic();

    /** Partitions of the topic when created here. */
    @WithDefault("3")
    int partitions();
}
