package io.newsroom.cms.webhooks.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsroom.cms.common.problem.Failures;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.webhooks.client.WebhookSender;
import io.newsroom.cms.webhooks.config.WebhooksConfig;
import io.newsroom.cms.webhooks.domain.AttemptResult;
import io.newsroom.cms.webhooks.domain.DisabledEndpoint;
import io.newsroom.cms.webhooks.domain.DueDelivery;
import io.newsroom.cms.webhooks.domain.RetrySchedule;
import io.newsroom.cms.webhooks.repository.Deliveries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Sends the deliveries, on one thread of its own per replica. Each round it records the attempts that finished (one
 * transaction), takes what is due (one statement: {@code for update skip locked}, leased, so replicas share the work and
 * a dead replica's deliveries come back) and hands it to the non-blocking {@link WebhookSender}; no row lock is held
 * while a request is out. In flight at most {@code concurrency} requests, {@code per-endpoint-concurrency} of them to one
 * endpoint: a receiver that hangs or answers slowly holds its own share and nothing else. The consumer wakes it for each
 * event it stored ({@link #wake()}), so a new delivery leaves within milliseconds; otherwise it sleeps until the next
 * retry falls due, {@code poll-every} at most.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /** Margin of a lease beyond the attempt's own deadline. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    /** The longest a due retry waits while requests are out (each finished one wakes the worker anyway). */
    private static final Duration SHORT_WAIT = Duration.ofMillis(50);

    @Inject
    WebhooksConfig config;

    @Inject
    Deliveries deliveries;

    @Inject
    WebhookSender sender;

    @Inject
    MeterRegistry metrics;

    private final ConcurrentLinkedQueue<AttemptResult> finished = new ConcurrentLinkedQueue<>();
    private final Object signal = new Object();
    private boolean signalled;
    private volatile boolean running;
    private Thread thread;

    // touched by the worker thread only
    private final Map<UUID, Integer> busy = new HashMap<>();
    private final List<AttemptResult> unrecorded = new ArrayList<>();
    private volatile int inFlight;
    private RetrySchedule schedule;
    private Instant quietUntil = Instant.EPOCH;
    private Counter delivered;
    private Counter failedAttempts;
    private Timer attemptTime;

    void start(@Observes StartupEvent start) {
        schedule = new RetrySchedule(config.retrySchedule());
        delivered = metrics.counter("cms_webhooks_attempts", "outcome", "delivered");
        failedAttempts = metrics.counter("cms_webhooks_attempts", "outcome", "failed");
        attemptTime = metrics.timer("cms_webhooks_attempt_duration");
        metrics.gauge("cms_webhooks_in_flight", this, w -> w.inFlight);
        running = true;
        thread = new Thread(this::run, "webhooks-worker");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        running = false;
        wake();
        if (thread != null) {
            thread.join(5_000);
        }
    }

    /** Look for due deliveries now (new ones were stored, or a request finished). */
    public void wake() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    /** Deliveries a transaction made due (ping, redelivery, re-enabled endpoint): look once it has committed. */
    void added(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesAdded event) {
        wake();
    }

    /** Requests out right now (this replica). */
    public int inFlight() {
        return inFlight;
    }

    private void run() {
        while (running) {
            try {
                Duration wait = round();
                if (!wait.isZero()) {
                    await(wait);
                }
            } catch (RuntimeException e) {
                ProblemException known = Failures.classify(e);
                if (known != null && known.type() == ProblemType.VALIDATION && !unrecorded.isEmpty()) {
                    // the database refuses what these results hold: they are dropped, their deliveries come back once
                    // their lease ends and are tried again; the worker must not stop over them
                    LOG.errorf(e, "%d attempt results could not be recorded and were dropped", unrecorded.size());
                    unrecorded.clear();
                    continue;
                }
                if (Instant.now().isAfter(quietUntil)) {
                    LOG.warnf("Webhook deliveries wait: %s (the database is not answering?); trying again every second",
                            rootMessage(e));
                    quietUntil = Instant.now().plusSeconds(60);
                }
                await(Duration.ofSeconds(1));
            }
        }
        // what finished meanwhile is recorded on the way out if the database answers; the rest is leased and comes back
        try {
            drain();
            if (!unrecorded.isEmpty()) {
                deliveries.record(unrecorded, schedule, config.disableAfter(), Instant.now());
            }
        } catch (RuntimeException e) {
            LOG.debugf("Attempts not recorded at shutdown (their deliveries come back after the lease): %s", e.getMessage());
        }
    }

    /** One round; how long to wait before the next (zero: at once). */
    private Duration round() {
        drain();
        int free = Math.min(config.concurrency() - inFlight, config.batchSize());
        if (unrecorded.isEmpty() && free <= 0) {
            return Duration.ofSeconds(1); // a finished request wakes us
        }
        // what finished, and what is due now, in one transaction (one commit per round)
        Duration lease = config.timeout().plus(LEASE_MARGIN);
        Map<UUID, Integer> busyNow = Map.copyOf(busy);
        Round round = QuarkusTransaction.requiringNew().call(() -> new Round(
                deliveries.record(unrecorded, schedule, config.disableAfter(), Instant.now()),
                free > 0 ? deliveries.claim(busyNow, config.perEndpointConcurrency(), free, lease) : List.of()));
        unrecorded.clear();
        for (DisabledEndpoint endpoint : round.disabled()) {
            LOG.warnf("Disabled webhook endpoint %s (%s): %s", endpoint.id(), endpoint.url(), endpoint.reason());
        }
        for (DueDelivery delivery : round.due()) {
            if (LOG.isDebugEnabled()) {
                LOG.debugf("Sending %s (attempt %d) to %s", delivery.messageId(), delivery.attempts() + 1, delivery.url());
            }
            inFlight++;
            busy.merge(delivery.endpointId(), 1, Integer::sum);
            sender.send(delivery).whenComplete((result, failure) -> {
                finished.add(result != null ? result
                        : new AttemptResult(delivery, false, null, 0, "Internal error: " + failure, Instant.now()));
                wake();
            });
        }
        if (free <= 0) {
            return Duration.ofSeconds(1);
        }
        if (round.due().size() == free) {
            return Duration.ZERO; // there may be more
        }
        if (!round.due().isEmpty()) {
            // requests are out: each one that finishes wakes us; retries falling due meanwhile wait a moment at most
            return SHORT_WAIT.compareTo(config.pollEvery()) < 0 ? SHORT_WAIT : config.pollEvery();
        }
        List<UUID> full = busy.entrySet().stream().filter(e -> e.getValue() >= config.perEndpointConcurrency())
                .map(Map.Entry::getKey).toList();
        Optional<Instant> next = deliveries.nextDue(full);
        Duration poll = config.pollEvery();
        if (next.isEmpty()) {
            return poll;
        }
        Duration until = Duration.between(Instant.now(), next.get());
        if (until.compareTo(Duration.ofMillis(5)) < 0) {
            // due now but not taken: another replica has it locked, or its endpoint is at its share; look again shortly
            return Duration.ofMillis(20);
        }
        return until.compareTo(poll) < 0 ? until : poll;
    }

    /** What a round's transaction did. */
    private record Round(List<DisabledEndpoint> disabled, List<DueDelivery> due) {
    }

    private void drain() {
        for (AttemptResult result; (result = finished.poll()) != null; ) {
            inFlight--;
            busy.computeIfPresent(result.delivery().endpointId(), (id, n) -> n > 1 ? n - 1 : null);
            (result.success() ? delivered : failedAttempts).increment();
            attemptTime.record(result.durationMs(), TimeUnit.MILLISECONDS);
            unrecorded.add(result);
        }
    }

    private void await(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        synchronized (signal) {
            while (!signalled && running) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(signal, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            signalled = false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
