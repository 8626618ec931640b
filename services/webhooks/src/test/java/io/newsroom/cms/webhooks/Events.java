package io.newsroom.cms.webhooks;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the producing services do, done by hand: records on the system's topics with the headers their outbox relays
 * set ({@code cms-event-id}, {@code cms-event-type}, {@code cms-event-time}), from a plain Kafka producer. The topics
 * are created here first (the test broker, like every broker of the system, creates none by itself).
 */
final class Events {
    static final String PUBLISHED = "cms.articles.published";
    static final String WORKFLOW = "cms.articles.workflow";
    static final String AUTHORS = "cms.authors.profiles";
    static final String LISTS = "cms.curation.lists";

    /** Event ids, increasing, far from any other test's. */
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 1000);
    private static KafkaProducer<String, String> producer;

    private Events() {
    }

    static long nextId() {
        return IDS.incrementAndGet();
    }

    static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                for (String topic : List.of(PUBLISHED, WORKFLOW, AUTHORS, LISTS)) {
                    try {
                        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("Cannot create the topics", e);
            }
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 0,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        }
        return producer;
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    static void send(String topic, String key, String value, long eventId, String type) {
        try {
            sendAsync(topic, key, value, eventId, type).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not take the record", e);
        }
    }

    /** Sends one record without waiting (a burst); {@code flush()} the producer to wait for all. */
    static Future<RecordMetadata> sendAsync(String topic, String key, String value, long eventId, String type) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("cms-event-id", Long.toString(eventId).getBytes(StandardCharsets.UTF_8));
        record.headers().add("cms-event-type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("cms-event-time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        return producer().send(record);
    }
}
