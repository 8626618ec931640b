package io.newsroom.cms.outbox;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.List;

/**
 * The relay of a part whose outbox is a PostgreSQL table ({@link TableOutbox}) and whose every event goes to one
 * compacted topic, keyed by the aggregate (the authors' public profiles, the media library's pictures), through the
 * channel {@code events}. The part names its settings, the topic and its partitions. How: {@link OutboxRelay}.
 */
public abstract class CompactedTableRelay extends OutboxRelay {
    @Inject
    EntityManager em;

    @Inject
    @Channel("events")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
    MutinyEmitter<Record<String, String>> emitter;

    /** The compacted topic every event goes to. */
    protected abstract String topic();

    /** Its partitions, when the relay creates it. */
    protected abstract int partitions();

    @Override
    protected MutinyEmitter<Record<String, String>> emitter() {
        return emitter;
    }

    @Override
    protected OutboxStore store() {
        return new TableOutbox(em);
    }

    @Override
    protected String topicOf(String stream) {
        return topic();
    }

    @Override
    protected List<NewTopic> topics() {
        return List.of(compacted(topic(), partitions()));
    }
}
