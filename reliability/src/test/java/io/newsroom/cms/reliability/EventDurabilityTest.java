package io.newsroom.cms.reliability;

import io.newsroom.cms.devstack.Stack;
import io.newsroom.cms.devstack.testing.TopicRecords;
import io.newsroom.cms.reliability.support.Figures;
import io.newsroom.cms.reliability.support.Load;
import io.newsroom.cms.reliability.support.TrustStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of the articles service while its relay is sending the outbox to Kafka loses no event: 3,000 events are put
 * in the outbox at once, the service is killed as soon as the relay has had the first batch acknowledged (mid-drain,
 * batches in flight), and restarted; then every one of them is on the topic, read back from the beginning (at least
 * once: a batch sent but not yet deleted when the kill came is sent again, which the figures count).
 */
@Order(12)
class EventDurabilityTest {
    private static final int EVENTS = 3_000;

    @Test
    void aRelayKilledMidBatchLosesNoEvent() throws Exception {
        Stack stack = TrustStack.get();
        String marker = "kill-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection db = DriverManager.getConnection(stack.postgres().jdbcUrl(stack.database("articles")),
                stack.postgres().user(), stack.postgres().password()); Statement sql = db.createStatement()) {
            sql.execute("insert into outbox_event (topic, event_key, type, payload, headers) select 'workflow', '" + marker
                    + "-' || i, 'trust.event', repeat('x', 200), '{}' from generate_series(1, " + EVENTS + ") i");
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long waiting;
            while ((waiting = count(sql, marker)) == EVENTS) {
                assertTrue(System.nanoTime() < until, "the relay never started on the outbox");
                Thread.sleep(2);
            }
            stack.kill("articles");
            long leftAtKill = count(sql, marker);
            System.out.printf("[trust] events: kill -9 of articles while relaying, %d of %d events still in the outbox%n", leftAtKill, EVENTS);
            Figures.add("events: left in the outbox at the kill", leftAtKill);
            assertTrue(waiting > 0 && leftAtKill > 0, "killed mid-drain (" + leftAtKill + " left)");
            stack.restart("articles");
            until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (count(sql, marker) > 0) {
                assertTrue(System.nanoTime() < until, "the outbox drains after the restart");
                Load.sleep(100);
            }
        }
        Map<String, Integer> seen = read("cms.articles.workflow", stack.kafkaBootstrap(), marker);
        long duplicates = seen.values().stream().mapToInt(n -> n - 1).sum();
        System.out.printf("[trust] events: %d of %d events on Kafka after the kill and restart, %d sent twice%n", seen.size(), EVENTS, duplicates);
        Figures.add("events: lost around a kill -9 of the relay", EVENTS - seen.size());
        Figures.add("events: sent again after the kill (at least once)", duplicates);
        assertEquals(EVENTS, seen.size(), "every event reached Kafka");
    }

    private static long count(Statement sql, String marker) throws Exception {
        try (ResultSet rows = sql.executeQuery("select count(*) from outbox_event where event_key like '" + marker + "-%'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** How often each key with {@code marker} is on the topic, read from the beginning until all are there (30 s). */
    private static Map<String, Integer> read(String topic, String bootstrap, String marker) {
        Map<String, Integer> seen = new HashMap<>();
        TopicRecords.read(bootstrap, topic, key -> key.startsWith(marker + "-"),
                        found -> found.stream().map(ConsumerRecord::key).distinct().count() >= EVENTS, Duration.ofSeconds(30))
                .forEach(record -> seen.merge(record.key(), 1, Integer::sum));
        return seen;
    }
}
