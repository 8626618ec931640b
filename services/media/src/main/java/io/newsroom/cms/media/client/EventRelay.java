package io.newsroom.cms.media.client;

import io.newsroom.cms.media.config.EventsConfig;
import io.newsroom.cms.outbox.CompactedTableRelay;
import io.newsroom.cms.outbox.RelaySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Relays the picture events (written by {@code published.PublicPictures}) to their compacted topic. How: {@link CompactedTableRelay}. */
@ApplicationScoped
public class EventRelay extends CompactedTableRelay {
    @Inject
    EventsConfig config;

    @Override
    protected RelaySettings settings() {
        return config;
    }

    @Override
    protected String topic() {
        return config.picturesTopic();
    }

    @Override
    protected int partitions() {
        return config.partitions();
    }
}
