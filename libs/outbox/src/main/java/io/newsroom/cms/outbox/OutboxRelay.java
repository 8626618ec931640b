package io.newsroom.cms.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Relays a part's transactional outbox to Kafka: the oldest events a batch at a time, each batch removed from the
 * outbox only once Kafka has acknowledged all of it (acks=all, idempotent producer), so an event is delivered at least
 * once and, per key, in order. One replica relays at a time (its {@link OutboxStore} decides which): two relaying
 * together could each send a different batch and reorder one aggregate's events. While Kafka is away the events wait
 * in the outbox and the writes go on; {@link #health} says how many wait.
 *
 * <p>A part subclasses it as an {@code @ApplicationScoped} bean in its {@code client} package, with its emitter, store,
 * settings and topics; the broker settings and the start and stop with the application are inherited.
 *
 * <p>A loop of its own rather than {@code @Scheduled}. A transaction that wrote events wakes it once committed
 * ({@link Outbox#wakeAfterCommit}), so an event leaves at once, well inside the one-second budget from a change to
 * every reader's cache; otherwise it looks every {@code poll-every} (1 s), for events another replica wrote while this
 * one held the relay. Before the wake-up it looked every 100 ms, which was most of an idle stack's database traffic.
 */
public abstract class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The relays running in this JVM (one per part; a test JVM may hold a part and its siblings). */
    private static final Set<OutboxRelay> RUNNING = ConcurrentHashMap.newKeySet();

    /** The Kafka client settings of the default broker (for topic creation and the broker probe). */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    private BrokerProbe broker;
    private ScheduledExecutorService loop;
    /** Its thread starts with the first batch: also when a test relays by hand with the loop off. */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-sender"));
    private volatile boolean topicsReady;
    private volatile Instant lastRelayed;
    private volatile String lastFailure;
    /** The one pending round (guarded by {@code this}): a wake-up replaces it rather than starting a second chain. */
    private ScheduledFuture<?> pending;
    private long generation;
    private boolean running;
    private boolean wokenWhileRunning;

    /**
     * The part's emitter: {@code @Inject @Channel("events") @OnOverflow(value = BUFFER, bufferSize = 2048)}, configured
     * in its application.properties. Injected by the part, not here: a channel named in this library would be declared
     * in every part that uses it (the gateway and webhooks too).
     */
    protected abstract MutinyEmitter<Record<String, String>> emitter();

    /** Where the events wait. */
    protected abstract OutboxStore store();

    /** The relay's settings: the part's typed configuration of its events. */
    protected abstract RelaySettings settings();

    /** The Kafka topic of a logical stream named in the outbox. */
    protected abstract String topicOf(String stream);

    /** The topics to create with their settings where no operator owns them. */
    protected abstract List<NewTopic> topics();

    /** A compacted topic (the latest event per key kept for good, a tombstone forgets the key), replicated once. */
    protected static NewTopic compacted(String name, int partitions) {
        return new NewTopic(name, partitions, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    void onStart(@Observes StartupEvent start) {
        start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        stop();
    }

    /** Starts the relay loop unless the settings turn it off. */
    protected void start() {
        if (!settings().enabled()) {
            return;
        }
        loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        synchronized (this) {
            schedule(0);
        }
        RUNNING.add(this);
    }

    /** Wakes every relay of this JVM: events were just committed. */
    static void wakeAll() {
        RUNNING.forEach(OutboxRelay::wake);
    }

    /** Relays now rather than at the next poll; during a round, another round follows it at once. */
    public synchronized void wake() {
        if (loop == null || loop.isShutdown()) {
            return;
        }
        if (running) {
            wokenWhileRunning = true;
        } else {
            schedule(0);
        }
    }

    /** Replaces the pending round by one after {@code delayMillis}; a round of an older generation does nothing. */
    private void schedule(long delayMillis) {
        long mine = ++generation;
        if (pending != null) {
            pending.cancel(false);
        }
        try {
            pending = loop.schedule(() -> round(mine), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping: the loop was shut down between the caller's check and this
        }
    }

    protected void stop() {
        RUNNING.remove(this);
        sender.shutdownNow();
        broker().close();
        if (loop != null) {
            loop.shutdownNow();
            try {
                store().release();
            } catch (RuntimeException e) {
                LOG.debugf("The relay could not hand over at shut-down: %s", e.getMessage());
            }
        }
    }

    /** Drains the outbox, then looks again after {@code poll-every} (or at once when woken meanwhile); after a failure, after a second. */
    private void round(long ofGeneration) {
        synchronized (this) {
            if (ofGeneration != generation || running) {
                return; // replaced by a wake-up
            }
            running = true;
            wokenWhileRunning = false;
        }
        long next = settings().pollEvery().toMillis();
        boolean failed = false;
        try {
            while (relayBatch() == settings().batchSize()) {
                // a full batch: more are waiting
            }
            lastFailure = null;
        } catch (RuntimeException e) {
            if (lastFailure == null) {
                LOG.warnf("Events wait in the outbox: %s", e.getMessage());
            }
            lastFailure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            next = 1000;
            failed = true;
        } finally {
            synchronized (this) {
                running = false;
                if (!loop.isShutdown()) {
                    schedule(wokenWhileRunning && !failed ? 0 : next);
                }
            }
        }
    }

    /** Sends the oldest waiting events and removes them once acknowledged; the number sent. */
    public int relayBatch() {
        if (!topicsReady && settings().createTopics()) {
            createTopics();
        }
        int sent = store().relay(settings(), this::send);
        if (sent > 0) {
            lastRelayed = Instant.now();
        }
        return sent;
    }

    /**
     * Sends from a thread of its own: a store's transaction must not travel with the sends (context propagation would
     * make it active on Kafka's threads too, and Narayana then refuses the commit). Not while the broker does not
     * answer: the producer would fail the first event after {@code max.block.ms} and still send later ones of the
     * batch once the broker is back, ahead of the batch sent again.
     */
    private void send(List<PendingEvent> events) {
        if (!broker().brokerAnswers()) {
            throw new IllegalStateException("Kafka does not answer; " + events.size() + " events wait");
        }
        List<Message<Record<String, String>>> messages = events.stream().map(this::message).toList();
        List<String> topics = events.stream().map(event -> topicOf(event.stream())).toList();
        long timeout = 2 * settings().sendTimeout().toMillis() + 1000;
        try {
            sender.submit(() -> sendAll(messages, topics)).get(timeout, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge " + messages.size() + " events within " + timeout + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending events", e);
        }
    }

    private synchronized BrokerProbe broker() {
        if (broker == null) {
            broker = new BrokerProbe(kafka);
        }
        return broker;
    }

    /**
     * The first event of each topic goes alone, then the rest together. A send can fail before it reaches the
     * producer's queue (no metadata for the topic yet, e.g. just after the broker came back: "not present in metadata")
     * while later ones of the batch get through; the batch is then sent again and an aggregate's first event lands after
     * its later ones (seen: create after submit, approve and publish). Once one record of a topic is acknowledged its
     * metadata is there, and the rest queue behind it in order (idempotent producer).
     */
    private Void sendAll(List<Message<Record<String, String>>> messages, List<String> topics) {
        Set<String> opened = new HashSet<>();
        List<Message<Record<String, String>>> firsts = new ArrayList<>();
        List<Message<Record<String, String>>> rest = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            (opened.add(topics.get(i)) ? firsts : rest).add(messages.get(i));
        }
        sendAndAwait(firsts);
        sendAndAwait(rest);
        return null;
    }

    /** Sends every message and waits until Kafka has acknowledged them all (or one failed, or the send timeout passed). */
    private void sendAndAwait(List<Message<Record<String, String>>> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<Uni<Void>> acks = new ArrayList<>(messages.size());
        for (Message<Record<String, String>> message : messages) {
            acks.add(emitter().sendMessage(message));
        }
        Uni.join().all(acks).andFailFast().await().atMost(settings().sendTimeout());
    }

    private Message<Record<String, String>> message(PendingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Outbox.EVENT_ID, Long.toString(event.id()).getBytes(StandardCharsets.UTF_8));
        headers.add(Outbox.EVENT_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
        headers.add(Outbox.EVENT_TIME, event.at().toString().getBytes(StandardCharsets.UTF_8));
        event.headers().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return Message.of(Record.of(event.key(), event.payload())).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topicOf(event.stream())).withHeaders(headers).build());
    }

    private void createTopics() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(settings)) {
            for (NewTopic topic : topics()) {
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
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 5 s", e);
        }
    }

    /**
     * Readiness: up even when Kafka is away (the writes go on and their events wait in the outbox, so taking the
     * part out of rotation would only make things worse), naming how many events wait and the relay's state. With a
     * {@link TableOutbox}, call it inside a transaction.
     */
    public HealthCheckResponse health() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("events").up().withData("waiting", store().waiting())
                .withData("relay", !settings().enabled() ? "off" : lastFailure == null ? "ok" : "degraded: " + lastFailure);
        if (lastRelayed != null) {
            response.withData("lastRelayed", lastRelayed.toString());
        }
        return response.build();
    }
}
