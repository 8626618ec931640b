package io.newsroom.cms.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Relays a service's transactional outbox (table {@code outbox_event}, see {@link Outbox}) to Kafka: in id order, a
 * batch at a time, each batch deleted only once Kafka has acknowledged all of it (acks=all, idempotent producer), so
 * an event is delivered at least once and, per key, in order. One replica relays at a time (a transaction-scoped
 * advisory lock): two relaying together could each send a different batch and reorder one aggregate's events. While
 * Kafka is away the events wait in the outbox and the writes go on; {@link #health} says how many wait.
 *
 * <p>A service subclasses it as an {@code @ApplicationScoped} bean in its {@code client} package, gives it its
 * emitter, settings and topics, and calls {@link #start()} and {@link #stop()} from its start-up and shut-down
 * observers (this class is not a bean: the library is not indexed for CDI).
 *
 * <p>A polling loop of its own rather than {@code @Scheduled}: the scheduler's one-second tick would be most of the
 * one-second budget from a change to every reader's cache.
 */
public abstract class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private ScheduledExecutorService loop;
    private ExecutorService sender;
    private volatile boolean topicsReady;
    private volatile Instant lastRelayed;
    private volatile String lastFailure;

    protected abstract EntityManager em();

    protected abstract MutinyEmitter<Record<String, String>> emitter();

    /** The Kafka client settings of the default broker (for topic creation). */
    protected abstract Map<String, Object> kafka();

    /** The relay's settings: the service's typed configuration of its events. */
    protected abstract RelaySettings settings();

    /** The Kafka topic of a logical stream named in the outbox row. */
    protected abstract String topicOf(String stream);

    /** The topics to create with their settings where no operator owns them. */
    protected abstract List<NewTopic> topics();

    /**
     * The advisory lock the relaying replica holds: a constant the service's other advisory locks do not use (the
     * services have databases of their own, so the same value in two services does not collide).
     */
    protected long lockId() {
        return 0x6f7574626f78L;
    }

    /** Starts the relay loop unless the settings turn it off. */
    protected void start() {
        if (!settings().enabled()) {
            return;
        }
        loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        sender = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-sender"));
        loop.schedule(this::round, 0, TimeUnit.MILLISECONDS);
    }

    protected void stop() {
        if (loop != null) {
            loop.shutdownNow();
            sender.shutdownNow();
        }
    }

    /** Drains the outbox, then looks again after {@code poll-every}; after a failure, after a second. */
    private void round() {
        long next = settings().pollEvery().toMillis();
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
        } finally {
            if (!loop.isShutdown()) {
                loop.schedule(this::round, next, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Sends the oldest waiting events and deletes them once acknowledged; the number sent. */
    public int relayBatch() {
        RelaySettings settings = settings();
        if (!topicsReady && settings.createTopics()) {
            createTopics();
        }
        return QuarkusTransaction.requiringNew().timeout((int) settings.sendTimeout().toSeconds() + 30).call(() -> {
            Boolean mine = (Boolean) em().createNativeQuery("select pg_try_advisory_xact_lock(:lock)").setParameter("lock", lockId())
                    .getSingleResult();
            if (!mine) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em().createNativeQuery("select id, topic, event_key, type, payload, cast(headers as text), created_at"
                    + " from outbox_event order by id").setMaxResults(settings.batchSize()).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Message<Record<String, String>>> messages = new ArrayList<>(rows.size());
            List<Long> ids = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                ids.add(((Number) row[0]).longValue());
                messages.add(message(row));
            }
            // sent from a thread of its own: this transaction must not travel with the sends (context propagation
            // would make it active on Kafka's threads too, and Narayana then refuses the commit)
            sender.submit(() -> send(messages)).get(settings.sendTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            // exactly the rows sent: a transaction that took a smaller id may commit only now, its event not sent yet
            em().createNativeQuery("delete from outbox_event where id in (:ids)").setParameter("ids", ids).executeUpdate();
            lastRelayed = Instant.now();
            return rows.size();
        });
    }

    private Void send(List<Message<Record<String, String>>> messages) {
        List<Uni<Void>> acks = new ArrayList<>(messages.size());
        for (Message<Record<String, String>> message : messages) {
            acks.add(emitter().sendMessage(message));
        }
        Uni.join().all(acks).andFailFast().await().atMost(settings().sendTimeout());
        return null;
    }

    private Message<Record<String, String>> message(Object[] row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Outbox.EVENT_ID, row[0].toString().getBytes(StandardCharsets.UTF_8));
        headers.add(Outbox.EVENT_TYPE, ((String) row[3]).getBytes(StandardCharsets.UTF_8));
        headers.add(Outbox.EVENT_TIME, instant(row[6]).toString().getBytes(StandardCharsets.UTF_8));
        if (row[5] != null) {
            try {
                JSON.readValue((String) row[5], HEADERS).forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Outbox event " + row[0] + " has unreadable headers", e);
            }
        }
        return Message.of(Record.of((String) row[2], (String) row[4])).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topicOf((String) row[1])).withHeaders(headers).build());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private void createTopics() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().get("bootstrap.servers"));
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
     * service out of rotation would only make things worse), naming how many events wait and the relay's state.
     * Call it inside a transaction.
     */
    public HealthCheckResponse health() {
        long waiting = ((Number) em().createNativeQuery("select count(*) from outbox_event").getSingleResult()).longValue();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("events").up().withData("waiting", waiting)
                .withData("relay", !settings().enabled() ? "off" : lastFailure == null ? "ok" : "degraded: " + lastFailure);
        if (lastRelayed != null) {
            response.withData("lastRelayed", lastRelayed.toString());
        }
        return response.build();
    }

    /** When events were last relayed, and the last failure (null when the last round went through). */
    public Instant lastRelayed() {
        return lastRelayed;
    }

    public String lastFailure() {
        return lastFailure;
    }
}
