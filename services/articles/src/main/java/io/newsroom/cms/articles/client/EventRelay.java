package io.newsroom.cms.articles.client;

import io.newsroom.cms.articles.config.EventsConfig;
import io.newsroom.cms.articles.domain.OutboxEvent;
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
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.List;
import java.util.Map;

/**
 * Relays this service's outbox ({@link OutboxEvent}) to its two topics: the published articles (compacted) and the
 * editorial workflow (kept for days). How: {@link OutboxRelay}.
 */
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
        return OutboxEvent.WORKFLOW.equals(stream) ? config.topics().workflow() : config.topics().publishedArticles();
    }

    @Override
    protected List<NewTopic> topics() {
        EventsConfig.Topics topics = config.topics();
        return List.of(compacted(topics.publishedArticles(), topics.partitions()),
                new NewTopic(topics.workflow(), topics.partitions(), (short) 1)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topics.workflowRetention().toMillis()))));
    }
}
