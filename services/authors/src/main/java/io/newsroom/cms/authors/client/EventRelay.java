package io.newsroom.cms.authors.client;

import io.newsroom.cms.authors.config.EventsConfig;
import io.newsroom.cms.outbox.OutboxRelay;
import io.newsroom.cms.outbox.RelaySettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.List;
import java.util.Map;

/** Relays the public profile events (written by {@code published.PublicProfiles}) to their compacted topic. How: {@link OutboxRelay}. */
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

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    void onStart(@Observes StartupEvent start) {
        start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        stop();
    }

    @Override
    protected EntityManager em() {
        return em;
    }

    @Override
    protected MutinyEmitter<Record<String, String>> emitter() {
        return emitter;
    }

    @Override
    protected Map<String, Object> kafka() {
        return kafka;
    }

    @Override
    protected RelaySettings settings() {
        return config;
    }

    @Override
    protected String topicOf(String stream) {
        return config.profilesTopic();
    }

    @Override
    protected List<NewTopic> topics() {
        return List.of(new NewTopic(config.profilesTopic(), config.partitions(), (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    }
}
