package io.newsroom.cms.media.service;

import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How much heap decoded pictures and the making of their renditions may take at once, from the heap this JVM was
 * given. A picture's share is what its probe says decoding it takes (the reader's own layout, kept as it is: 3 bytes a
 * pixel for a colour JPEG, 1 for grey, 4 with alpha; more where it must be converted), held until its renditions are
 * made, plus the most the making of its renditions takes beside it (a bound that does not grow with the original:
 * renditions are at most 2400 wide). Renditions are made one picture at a time ({@link RenditionMaker}), so one such
 * job's working heap is set aside for good ({@link #RENDITIONS_RESERVE}) and a lease counts only what its job would
 * need beyond it. Uploads and renditions made on request take a {@link Lease} before decoding and wait for room, so
 * eight large uploads at once take turns instead of running the heap out; a picture larger than the whole budget is
 * refused with a problem rather than crashing the service.
 */
@ApplicationScoped
public class DecodeBudget {
    /**
     * The share of the heap pictures and renditions may take; the rest is the service's own (Quarkus, Hibernate, the S3
     * and Kafka clients, uploads in flight) and the collector's room to work.
     */
    static final double SHARE = 0.65;
    /**
     * Set aside for the one renditions job that runs at a time: what every rendition of a 4:3 photo takes at
     * widths up to 2400 (its largest, the 2400 × 2400 square). A larger job's lease counts the difference, so this
     * tunes how many pictures wait at once, not whether the heap suffices.
     */
    static final long RENDITIONS_RESERVE = 80L << 20;
    /** How long a request waits for room. */
    static final long WAIT_SECONDS = 60;

    private final long budgetBytes;
    private final long reserveBytes;
    private final Semaphore room;

    public DecodeBudget() {
        this(Runtime.getRuntime().maxMemory());
    }

    DecodeBudget(long heapBytes) {
        long share = (long) (heapBytes * SHARE) / 1024 * 1024;
        reserveBytes = Math.min(RENDITIONS_RESERVE, share / 2);
        budgetBytes = share - reserveBytes;
        room = new Semaphore(kibibytes(budgetBytes), true);
    }

    /** Room held for one picture; closing it (once) gives the room back. */
    public final class Lease implements AutoCloseable {
        private final int permits;
        private boolean open = true;

        private Lease(int permits) {
            this.permits = permits;
        }

        @Override
        public synchronized void close() {
            if (open) {
                open = false;
                room.release(permits);
            }
        }
    }

    /**
     * Waits for room for a {@code width} × {@code height} picture that takes {@code bytesPerPixel} to decode and whose
     * renditions take {@code workingBytes} besides, made one picture at a time: only what they take beyond the reserve
     * counts (a 503 problem after a minute of waiting); a 400 problem at the file if it could never fit.
     */
    public Lease take(int width, int height, int bytesPerPixel, long workingBytes) {
        return take(width, height, bytesPerPixel, workingBytes, WAIT_SECONDS);
    }

    /** {@link #take}, waiting up to {@code waitSeconds} (a background job can wait longer than a request). */
    public Lease take(int width, int height, int bytesPerPixel, long workingBytes, long waitSeconds) {
        return lease(width, height, bytesPerPixel, Math.max(0, workingBytes - reserveBytes), waitSeconds);
    }

    /** {@link #take} if there is room right now, else nothing (a 400 problem all the same if it could never fit). */
    public Optional<Lease> tryTake(int width, int height, int bytesPerPixel, long workingBytes) {
        try {
            return Optional.of(lease(width, height, bytesPerPixel, Math.max(0, workingBytes - reserveBytes), 0));
        } catch (Busy e) {
            return Optional.empty();
        }
    }

    private Lease lease(int width, int height, int bytesPerPixel, long workingBytes, long waitSeconds) {
        long bytes = (long) width * height * bytesPerPixel + workingBytes;
        if (bytes > budgetBytes) {
            double most = Math.max(0, budgetBytes - workingBytes) / (double) bytesPerPixel / 1e6;
            String message = String.format(Locale.ROOT, "The picture is %.1f megapixels; this server can process at most %.1f",
                    width * (double) height / 1e6, most);
            throw new ProblemException(ProblemType.VALIDATION, message, List.of(new Problem.FieldError("file", message)), Map.of());
        }
        int permits = Math.max(1, kibibytes(bytes));
        try {
            if (!room.tryAcquire(permits, waitSeconds, TimeUnit.SECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "The upload was interrupted; send it again");
        }
        return new Lease(permits);
    }

    /** No room came in time: a 503 problem. */
    static final class Busy extends ProblemException {
        Busy() {
            super(ProblemType.SERVICE_UNAVAILABLE, "The library is busy with other large pictures; try again in a moment");
        }
    }

    private static int kibibytes(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + 1023) / 1024);
    }
}
