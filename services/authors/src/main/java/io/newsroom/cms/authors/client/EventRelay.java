package io.newsroom.cms.authors.client;

import io.newsroom.cms.authors.config.EventsConfig;
import io.newsroom.cms.outbox.CompactedTableRelay;
import io.newsroom.cms.outbox.RelaySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Relays the public profile events (written by {@code published.PublicProfiles}) to their compacted topic. How: {@link CompactedTableRelay}. */
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
        return config.profilesTopic();
    }

    @Override
    protected int partitions() {
        return config.partitions();
    }
}
