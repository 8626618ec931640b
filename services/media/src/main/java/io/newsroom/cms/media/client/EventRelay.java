package io.newsroom.cms.media.client;

import io.newsroom.cms.media.config.EventsConfig;
import io.newsroom.cms.outbox.OutboxRelay;
import io.newsroom.cms.outbox.OutboxStore;
import io.newsroom.cms.outbox.RelaySettings;
import io.newsroom.cms.outbox.TableOutbox;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.List;

/** Relays the picture events (written by {@code published.PublicPictures}) to their compacted topic. How: {@link OutboxRelay}. */
@ApplicationScoped
public class EventRelay extends OutboxRelay {
    @Inject
    EntityManager em;

    @Inject
    EventsConfig config;

    @Inject
    @Channel("events")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
    MutinyEmitter<Record<String, String>> emitter;

    @Override
    protected MutinyEmitter<Record<String, String>> emitter() {
        return emitter;
    }

    @Override
    protected OutboxStore store() {
        return new TableOutbox(em);
    }

    @Override
    protected RelaySettings settings() {
        return config;
    }

    @Override
    protected String topicOf(String stream) {
        return config.picturesTopic();
    }

    @Override
    protected List<NewTopic> topics() {
        return List.of(compacted(config.picturesTopic(), config.partitions()));
    }
}
