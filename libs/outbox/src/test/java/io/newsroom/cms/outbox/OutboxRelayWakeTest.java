package io.newsroom.cms.outbox;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay's loop on its own (a store that only counts its rounds, no Kafka): it looks every {@code poll-every} when
 * nothing wakes it, at once when woken, once more right after a round that a wake-up arrived during, and never as two
 * loops at a time however many wake-ups come.
 */
class OutboxRelayWakeTest {
    /** The rounds' start times (System.nanoTime()); the first round after {@link #block} waits for {@link #release}. */
    private final List<Long> rounds = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch block;
    private final CountDownLatch blocked = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private Relay relay;

    private final class Relay extends OutboxRelay {
        private final Duration poll;

        Relay(Duration poll) {
            this.poll = poll;
            kafka = Map.of();
        }

        @Override
        protected MutinyEmitter<Record<String, String>> emitter() {
            throw new AssertionError("nothing is sent");
        }

        @Override
        protected OutboxStore store() {
            return new OutboxStore() {
                @Override
                public int relay(RelaySettings settings, Consumer<List<PendingEvent>> send) {
                    rounds.add(System.nanoTime());
                    CountDownLatch hold = block;
                    if (hold != null) {
                        block = null;
                        blocked.countDown();
                        await(release);
                    }
                    return 0;
                }

                @Override
                public long waiting() {
                    return 0;
                }
            };
        }

        @Override
        protected RelaySettings settings() {
            return new RelaySettings() {
                @Override
                public boolean enabled() {
                    return true;
                }

                @Override
                public Duration pollEvery() {
                    return poll;
                }

                @Override
                public int batchSize() {
                    return 200;
                }

                @Override
                public Duration sendTimeout() {
                    return Duration.ofSeconds(1);
                }

                @Override
                public boolean createTopics() {
                    return false;
                }
            };
        }

        @Override
        protected String topicOf(String stream) {
            return stream;
        }

        @Override
        protected List<NewTopic> topics() {
            return List.of();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "waited 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Relay started(Duration poll) {
        relay = new Relay(poll);
        relay.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (rounds.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(!rounds.isEmpty(), "the first round runs at start");
        return relay;
    }

    /** Waits until the relay has looked {@code count} times in all, up to 2 s; the time it took, in ms. */
    private long untilRounds(int count) throws InterruptedException {
        long from = System.nanoTime();
        while (rounds.size() < count && System.nanoTime() - from < TimeUnit.SECONDS.toNanos(2)) {
            Thread.sleep(5);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - from);
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (relay != null) {
            relay.stop();
        }
    }

    @Test
    void withNothingToWakeItItLooksEveryPollInterval() throws InterruptedException {
        started(Duration.ofMillis(200));
        Thread.sleep(1_100);
        int looked = rounds.size();
        // 1 at start + about 5; a second loop would double it
        assertTrue(looked >= 3 && looked <= 8, "rounds in 1.1 s at one every 200 ms: " + looked);
    }

    @Test
    void aWakeUpLooksAtOnceNotAtTheNextPoll() throws InterruptedException {
        started(Duration.ofSeconds(30));
        for (int i = 2; i <= 4; i++) {
            Thread.sleep(50);
            relay.wake();
            long took = untilRounds(i);
            assertTrue(rounds.size() >= i && took < 1_000, "round " + i + " came " + took + " ms after the wake-up");
        }
    }

    @Test
    void aWakeUpDuringARoundBringsAnotherRightAfterIt() throws InterruptedException {
        started(Duration.ofSeconds(30));
        block = new CountDownLatch(1);
        relay.wake();
        await(blocked); // a round is running now
        relay.wake(); // events committed meanwhile: this round may have read before they were there
        release.countDown();
        long took = untilRounds(3);
        assertTrue(rounds.size() >= 3 && took < 1_000, "the round after the running one came " + took + " ms later");
    }

    @Test
    void manyWakeUpsNeverMakeTwoLoops() throws InterruptedException {
        started(Duration.ofMillis(300));
        for (int i = 0; i < 200; i++) {
            relay.wake();
        }
        Thread.sleep(200); // the burst's rounds are over
        int before = rounds.size();
        Thread.sleep(1_000);
        int looked = rounds.size() - before;
        // one loop looks 3–4 times a second here; two or more would look 6 or more
        assertTrue(looked >= 2 && looked <= 5, "rounds in the second after the burst: " + looked);
    }
}
