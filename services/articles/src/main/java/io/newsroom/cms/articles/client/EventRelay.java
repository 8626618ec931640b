package io.newsroom.cms.articles.client;

import io.newsroom.cms.articles.config.EventsConfig;
import io.newsroom.cms.articles.domain.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Relays the transactional outbox to Kafka: in id order, a batch at a time, each batch deleted only once Kafka has
 * acknowledged all of it (acks=all, idempotent producer), so an event is delivered at least once and, per key, in
 * order. One replica relays at a time (a transaction-scoped advisory lock): two relaying together could each send
 * a different batch and reorder one article's events. While Kafka is away the events wait in the outbox and the
 * editorial writes go on; readiness says how many wait ({@link EventRelayHealth}).
 *
 * <p>A polling loop of its own rather than {@code @Scheduled}: the scheduler's one-second tick would be most of the
 * one-second budget from publish to every reader's cache.
 */
@ApplicationScoped
public class EventRelay {
    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    /** The advisory lock the relaying replica holds (any constant the other locks of this database do not use). */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

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

    private ScheduledExecutorService loop;
    private ExecutorService sender;
    private volatile boolean topicsReady;
    private volatile Instant lastRelayed;
    private volatile String lastFailure;

    void start(@Observes StartupEvent start) {
        if (!config.enabled()) {
            return;
        }
        loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        sender = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-sender"));
        loop.schedule(this::round, 0, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stop) {
        if (loop != null) {
            loop.shutdownNow();
            sender.shutdownNow();
        }
    }

    /** Drains the outbox, then looks again after {@code poll-every}; after a failure, after a second. */
    private void round() {
        long next = config.pollEvery().toMillis();
        try {
            while (relayBatch() == config.batchSize()) {
                // a full batch: more are waiting
            }
            lastFailure = null;
        } catch (RuntimeException e) {
            if (lastFailure == null) {
                LOG.warnf("Events wait in the outbox: %s", e.getMessage());
            }
            lastFailure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            next = 1000;
        } finally {
            if (!loop.isShutdown()) {
                loop.schedule(this::round, next, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Sends the oldest waiting events and deletes them once acknowledged; the number sent. */
    public int relayBatch() {
        if (!topicsReady && config.createTopics()) {
            createTopics();
        }
        return QuarkusTransaction.requiringNew().timeout((int) config.sendTimeout().toSeconds() + 30).call(() -> {
            Boolean mine = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:lock)").setParameter("lock", RELAY_LOCK)
                    .getSingleResult();
            if (!mine) {
                return 0;
            }
            List<OutboxEvent> batch = em.createQuery("from OutboxEvent order by id", OutboxEvent.class)
                    .setMaxResults(config.batchSize()).getResultList();
            if (batch.isEmpty()) {
                return 0;
            }
            List<Message<Record<String, String>>> messages = batch.stream().map(this::message).toList();
            // sent from a thread of its own: this transaction must not travel with the sends (context propagation
            // would make it active on Kafka's threads too, and Narayana then refuses the commit)
            sender.submit(() -> send(messages)).get(config.sendTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            // exactly the rows sent: a transaction that took a smaller id may commit only now, its event not sent yet
            em.createQuery("delete from OutboxEvent where id in :ids").setParameter("ids", batch.stream().map(e -> e.id).toList())
                    .executeUpdate();
            lastRelayed = Instant.now();
            return batch.size();
        });
    }

    private Void send(List<Message<Record<String, String>>> messages) {
        List<Uni<Void>> acks = new ArrayList<>(messages.size());
        for (Message<Record<String, String>> message : messages) {
            acks.add(emitter.sendMessage(message));
        }
        Uni.join().all(acks).andFailFast().await().atMost(config.sendTimeout());
        return null;
    }

    private Message<Record<String, String>> message(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("cms-event-id", Long.toString(event.id).getBytes(StandardCharsets.UTF_8));
        headers.add("cms-event-type", event.type.getBytes(StandardCharsets.UTF_8));
        headers.add("cms-event-time", event.createdAt.toString().getBytes(StandardCharsets.UTF_8));
        if (event.headers != null) {
            event.headers.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        }
        String topic = OutboxEvent.WORKFLOW.equals(event.topic) ? config.topics().workflow() : config.topics().publishedArticles();
        return Message.of(Record.of(event.key, event.payload)).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic).withHeaders(headers).build());
    }

    private void createTopics() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        EventsConfig.Topics topics = config.topics();
        try (Admin admin = Admin.create(settings)) {
            for (NewTopic topic : List.of(
                    new NewTopic(topics.publishedArticles(), topics.partitions(), (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(topics.workflow(), topics.partitions(), (short) 1)
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topics.workflowRetention().toMillis()))))) {
                try {
                    admin.createTopics(List.of(topic)).all().get(5, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
            topicsReady = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 5 s", e);
        }
    }

    /** When events were last relayed, and the last failure (null when the last round went through). */
    public Instant lastRelayed() {
        return lastRelayed;
    }

    public String lastFailure() {
        return lastFailure;
    }
}
