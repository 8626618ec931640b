package io.newsroom.cms.outbox;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A consumer's start-up replay of a compacted topic read from the beginning: where it ends (each assigned partition's
 * end offset at assignment) and when it is over, so a view built from the topic is known to be complete. Kept by the
 * consumer's rebalance listener ({@link #assigned}, {@link #reset}) and asked for each record.
 */
public final class TopicReplay {
    /** Per partition, where the replay ends; gone once reached. */
    private final Map<TopicPartition, Long> until = new ConcurrentHashMap<>();

    /** Partitions were assigned: their replay ends where each ends now (resolving the starting positions first). */
    public void assigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(consumer::position);
        consumer.endOffsets(partitions).forEach((partition, end) -> {
            if (end > consumer.position(partition)) {
                until.put(partition, end);
            }
        });
    }

    /** Whether {@code record} comes before the last record its partition held at assignment. */
    public boolean replaying(ConsumerRecord<?, ?> record) {
        Long end = until.get(partition(record));
        return end != null && record.offset() < end - 1;
    }

    /** True exactly once: when {@code record} ends the replay of the last partition still replaying. */
    public boolean endedBy(ConsumerRecord<?, ?> record) {
        TopicPartition partition = partition(record);
        Long end = until.get(partition);
        return end != null && record.offset() >= end - 1 && until.remove(partition) != null && until.isEmpty();
    }

    /** No partition is replaying (also before any assignment). */
    public boolean over() {
        return until.isEmpty();
    }

    /** The partitions were revoked or lost: the next assignment starts a replay of its own. */
    public void reset() {
        until.clear();
    }

    private static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }
}
