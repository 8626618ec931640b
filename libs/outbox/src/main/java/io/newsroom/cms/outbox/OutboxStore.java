package io.newsroom.cms.outbox;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where a part's outbox lives, the one thing {@link OutboxRelay} does not know: a PostgreSQL table
 * ({@link TableOutbox}) or the changed MongoDB documents themselves ({@link DocumentOutbox}).
 */
public interface OutboxStore {
    /**
     * If this replica is the one relaying now: hands the oldest waiting events (at most {@code batch-size}, each key's in
     * order) to {@code send}, which returns once Kafka acknowledged all of them or throws, and then removes exactly
     * those. The number sent; 0 when none wait or another replica relays.
     */
    int relay(RelaySettings settings, Consumer<List<PendingEvent>> send);

    /** How many events wait. */
    long waiting();

    /** This replica stops relaying: another may take over at once. */
    default void release() {
    }
}
