package io.newsroom.cms.gateway.service;

import io.newsroom.cms.outbox.EventHeaders;
import io.newsroom.cms.outbox.Outbox;
import io.newsroom.cms.outbox.BrokerLink;
import io.newsroom.cms.outbox.TopicReplay;
import io.newsroom.cms.gateway.domain.CachedAnswer;
import io.newsroom.cms.gateway.repository.ResponseCache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies the articles service's published-article events (Kafka, compacted topic, key: article id) to this replica's
 * response cache at once: a published document replaces the cached answer, a tombstone drops it; answers that list
 * articles are dropped either way. Each replica reads every event (a consumer group of its own) from the beginning of
 * the compacted topic, which holds every live article: a new replica fills its cache from it before readers ask (the
 * replay; what was in the topic when its partitions were assigned), then follows the changes. Events are applied once per version (the event id, increasing per article), so a
 * redelivery after a relay retry changes nothing.
 *
 * <p>While the events flow (partitions assigned and the broker answering, {@link BrokerLink}), cached answers stay fresh
 * for {@code event-fresh-for}; when they stop, the cache goes back to its time-based freshness.
 */
@ApplicationScoped
@Identifier("content-events")
public class ContentEvents implements KafkaConsumerRebalanceListener {
    private static final Logger LOG = Logger.getLogger(ContentEvents.class);

    @Inject
    ResponseCache cache;

    @Inject
    BrokerLink link;

    /** The last event id applied per article (bounded by the number of live articles). */
    private final Map<String, Long> applied = new ConcurrentHashMap<>();
    private volatile boolean assigned;
    private final TopicReplay replay = new TopicReplay();

    @Incoming("published-articles")
    public void apply(ConsumerRecord<String, String> event) {
        boolean replay = this.replay.replaying(event);
        if (this.replay.endedBy(event)) {
            cache.replayed();
            LOG.info("Content events: the cache holds every live article from the topic; following changes");
        }
        Long id = EventHeaders.eventId(event);
        Long last = applied.get(event.key());
        if (id != null && last != null && last >= id) {
            return; // already applied (an at-least-once redelivery)
        }
        List<String> slugs = Arrays.asList(EventHeaders.text(event, "cms-slugs").split(","));
        if (event.value() == null) {
            cache.articleGone(slugs);
        } else {
            byte[] body = event.value().getBytes(StandardCharsets.UTF_8);
            boolean degraded = Boolean.parseBoolean(EventHeaders.text(event, "cms-authors-degraded"));
            String etag = EventHeaders.text(event, "cms-etag");
            String keys = EventHeaders.text(event, "cms-surrogate-keys");
            cache.articleChanged(slugs.get(0), CachedAnswer.json(body, degraded, etag.isEmpty() ? null : etag)
                    .withKeys(keys.isEmpty() ? null : keys).withVersion(id == null ? 0 : id), slugs.subList(1, slugs.size()), replay);
        }
        if (id != null) {
            applied.put(event.key(), id);
        }
        LOG.debugf("Applied %s of %s (%s)", EventHeaders.text(event, Outbox.EVENT_TYPE), event.key(), slugs);
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        // the starting positions are resolved now: every event after this point is read, so answers made from now on can trust them
        replay.assigned(consumer, partitions);
        assigned = !partitions.isEmpty() || assigned;
        check();
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned = false;
        cache.eventsLost();
    }

    /** Every 2 s: are the events still flowing? (the consumer has its partitions and the broker answers) */
    @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        if (assigned && link.brokerAnswers()) { // no partitions, no question to the broker
            cache.eventsLive();
        } else {
            cache.eventsLost();
        }
    }
}
