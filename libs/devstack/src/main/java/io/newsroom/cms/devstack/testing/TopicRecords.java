package io.newsroom.cms.devstack.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A topic of the test broker seen from outside, for tests: one key's records read back, or a record sent by hand. */
public final class TopicRecords {
    private TopicRecords() {
    }

    /**
     * The records with {@code key} on {@code topic}, from the beginning, once {@code enough} holds or {@code within} has
     * passed (then whatever was found: the caller asserts). A consumer group of its own each time.
     */
    public static List<ConsumerRecord<String, String>> read(String bootstrap, String topic, String key,
                                                            Predicate<List<ConsumerRecord<String, String>>> enough, Duration within) {
        return read(bootstrap, topic, key::equals, enough, within);
    }

    /** Like {@link #read(String, String, String, Predicate, Duration)}, for the records whose key {@code keys} accepts. */
    public static List<ConsumerRecord<String, String>> read(String bootstrap, String topic, Predicate<String> keys,
                                                            Predicate<List<ConsumerRecord<String, String>>> enough, Duration within) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            consumer.subscribe(List.of(topic));
            long until = System.nanoTime() + within.toNanos();
            while (!enough.test(found) && System.nanoTime() < until) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && keys.test(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** A header's value as text; empty when the record has none. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Sends one record with {@code headers} (to an existing topic) and waits for the broker's acknowledgement. */
    public static void send(String bootstrap, String topic, String key, String value, Map<String, String> headers) throws Exception {
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(10, TimeUnit.SECONDS);
        }
    }
}
