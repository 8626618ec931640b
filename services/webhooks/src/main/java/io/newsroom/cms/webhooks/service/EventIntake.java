package io.newsroom.cms.webhooks.service;

import io.newsroom.cms.outbox.EventHeaders;
import io.newsroom.cms.outbox.Outbox;
import io.newsroom.cms.common.problem.Failures;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.outbox.BrokerLink;
import io.newsroom.cms.webhooks.config.WebhooksConfig;
import io.newsroom.cms.webhooks.domain.EventType;
import io.newsroom.cms.webhooks.domain.OutgoingMessage;
import io.newsroom.cms.webhooks.repository.Deliveries;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Turns the system's events into deliveries. One consumer group, {@code webhooks}, shared by every replica, reads the
 * published articles, the workflow, the authors' profiles and the curated lists; each record becomes one delivery per
 * enabled endpoint subscribed to its type, stored in one statement per poll ({@link Deliveries#enqueue}), and only then
 * are the records acknowledged (their offsets committed): a record read again finds its deliveries by message id and
 * adds nothing.
 * The consumer never sends anything itself: it wakes the {@link DeliveryWorker}, so a slow receiver never slows it.
 *
 * <p>Message ids ({@code webhook-id}) are {@code msg_<topic>_<cms-event-id>} ({@code published}, {@code workflow},
 * {@code authors}, {@code lists}); a record without an event id gets {@code msg_<topic>_<partition>-<offset>}.
 */
@ApplicationScoped
@Identifier("webhook-events")
public class EventIntake implements KafkaConsumerRebalanceListener {
    private static final Logger LOG = Logger.getLogger(EventIntake.class);
    private static final Pattern EVENT_ID = Pattern.compile("[0-9]{1,18}");

    @Inject
    WebhooksConfig config;

    @Inject
    Deliveries deliveries;

    @Inject
    DeliveryWorker worker;

    @Inject
    BrokerLink link;

    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private volatile boolean brokerAnswers;

    /** What a topic carries, and the short name its message ids start with. */
    enum Source {
        PUBLISHED("published"), WORKFLOW("workflow"), AUTHORS("authors"), LISTS("lists");

        final String shortName;

        Source(String shortName) {
            this.shortName = shortName;
        }
    }

    /**
     * One poll's records: stored in one transaction, then acknowledged together (the offsets are committed after).
     * A batch the database refuses for what one record holds is stored record by record, so that only that record is
     * skipped; while the database is away the batch waits, unacknowledged, however long it takes.
     */
    @Incoming("events")
    @Blocking
    public void receive(ConsumerRecords<String, String> records) {
        List<OutgoingMessage> messages = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            message(record).ifPresent(messages::add);
        }
        if (messages.isEmpty()) {
            return;
        }
        if (!store(messages)) {
            for (OutgoingMessage message : messages) {
                if (!store(List.of(message))) {
                    LOG.errorf("Skipped event %s (%s): the database refuses to store it", message.messageId(), message.type());
                }
            }
        }
    }

    /** Stores the messages' deliveries; false when the database refuses them for what they hold (never while it is away). */
    private boolean store(List<OutgoingMessage> messages) {
        long backoff = 200;
        while (true) {
            try {
                int added = deliveries.enqueue(messages, Instant.now());
                if (added > 0) {
                    worker.wake();
                }
                LOG.debugf("%d events: %d deliveries", messages.size(), added);
                return true;
            } catch (RuntimeException e) {
                ProblemException known = Failures.classify(e);
                if (known != null && (known.type() == ProblemType.VALIDATION || known.type() == ProblemType.CONFLICT)) {
                    LOG.debugf("Events refused by the database: %s", e.getMessage());
                    return false;
                }
                if (stopping) {
                    throw e; // not acknowledged: read again after the restart
                }
                // the database is away (or something else passing): not acknowledged until stored, however long it takes
                LOG.warnf("%d events wait: they cannot be stored yet (%s)", messages.size(), e.getMessage());
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    /** The message a record stands for; empty for a record of no known topic or without a key. */
    Optional<OutgoingMessage> message(ConsumerRecord<String, String> record) {
        Optional<Source> source = source(record.topic());
        if (source.isEmpty() || record.key() == null || record.key().isBlank()) {
            LOG.debugf("Ignored a record of %s without a key or of no known topic", record.topic());
            return Optional.empty();
        }
        EventType type = type(source.get(), EventHeaders.text(record, Outbox.EVENT_TYPE), record.value() == null);
        String eventId = EventHeaders.text(record, Outbox.EVENT_ID);
        String messageId = "msg_" + source.get().shortName + "_"
                + (EVENT_ID.matcher(eventId).matches() ? eventId : record.partition() + "-" + record.offset());
        return Optional.of(Payloads.message(messageId, type, record.key(), record.value(), time(record)));
    }

    private Optional<Source> source(String topic) {
        WebhooksConfig.Topics topics = config.topics();
        if (topic.equals(topics.publishedArticles())) {
            return Optional.of(Source.PUBLISHED);
        } else if (topic.equals(topics.workflow())) {
            return Optional.of(Source.WORKFLOW);
        } else if (topic.equals(topics.authorProfiles())) {
            return Optional.of(Source.AUTHORS);
        } else if (topic.equals(topics.curationLists())) {
            return Optional.of(Source.LISTS);
        }
        return Optional.empty();
    }

    /**
     * The catalogue type: the {@code cms-event-type} header's when it names one that this topic carries, else what the
     * record is (a value or a tombstone). Every workflow transition is {@code article.workflow}.
     */
    static EventType type(Source source, String header, boolean tombstone) {
        Optional<EventType> named = EventType.of(header);
        return switch (source) {
            case PUBLISHED -> named.filter(t -> t == EventType.ARTICLE_PUBLISHED || t == EventType.ARTICLE_UNPUBLISHED)
                    .orElse(tombstone ? EventType.ARTICLE_UNPUBLISHED : EventType.ARTICLE_PUBLISHED);
            case WORKFLOW -> EventType.ARTICLE_WORKFLOW;
            case AUTHORS -> named.filter(t -> t == EventType.AUTHOR_UPDATED || t == EventType.AUTHOR_DELETED)
                    .orElse(tombstone ? EventType.AUTHOR_DELETED : EventType.AUTHOR_UPDATED);
            case LISTS -> named.filter(t -> t == EventType.LIST_PUBLISHED || t == EventType.LIST_UNPUBLISHED)
                    .orElse(tombstone ? EventType.LIST_UNPUBLISHED : EventType.LIST_PUBLISHED);
        };
    }

    /** When the event happened: the {@code cms-event-time} header, else the record's timestamp. */
    private static Instant time(ConsumerRecord<String, String> record) {
        String header = EventHeaders.text(record, Outbox.EVENT_TIME);
        if (!header.isEmpty()) {
            try {
                return Instant.parse(header);
            } catch (DateTimeParseException ignored) {
                // the record's own time below
            }
        }
        return record.timestamp() > 0 ? Instant.ofEpochMilli(record.timestamp()) : Instant.now();
    }

    /** Whether this replica reads events: it has partitions and the broker answers. */
    public boolean connected() {
        return brokerAnswers && !assigned.isEmpty();
    }

    /** Every few seconds: does the broker answer? (An assignment alone outlives the broker until the session times out.) */
    @Scheduled(every = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void checkBroker() {
        brokerAnswers = link.brokerAnswers();
    }

    public int partitions() {
        return assigned.size();
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        // resolve the starting positions now: a new group starts at the end of each partition as of its assignment
        partitions.forEach(consumer::position);
        assigned.addAll(partitions);
        brokerAnswers = true;
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned.removeAll(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned.removeAll(partitions);
    }

    void stopping(@Observes ShutdownEvent stop) {
        stopping = true;
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
