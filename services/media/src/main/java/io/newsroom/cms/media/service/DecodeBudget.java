package io.newsroom.cms.media.service;

import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many pixels may be decoded and held at once, from the heap this JVM was given: a decode takes about 7 bytes a
 * pixel at its peak (the decoder's raster, 3, and the upright picture, 4; measured: a 22.5-megapixel JPEG ran a
 * 256 MB heap out), and a decoded picture is held until its renditions are made. Uploads and renditions take a {@link Lease} for their picture's pixels first and wait for
 * room, so eight large uploads at once take turns instead of running the heap out; a picture larger than the whole
 * budget is refused with a problem rather than crashing the service.
 */
@ApplicationScoped
public class DecodeBudget {
    static final int PEAK_BYTES_PER_PIXEL = 7;
    /** The share of the heap pictures may take; the rest is the service's own (Quarkus, Hibernate, the S3 client). */
    static final double SHARE = 0.55;
    private static final long WAIT_SECONDS = 60;

    private final int kilopixels;
    private final Semaphore room;

    public DecodeBudget() {
        this(Runtime.getRuntime().maxMemory());
    }

    DecodeBudget(long heapBytes) {
        kilopixels = (int) Math.min(Integer.MAX_VALUE, (long) (heapBytes * SHARE) / PEAK_BYTES_PER_PIXEL / 1024);
        room = new Semaphore(kilopixels, true);
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

    /** Waits for room for a {@code width} × {@code height} picture (a 503 problem after a minute of waiting). */
    public Lease take(int width, int height) {
        int permits = (int) Math.max(1, (long) width * height / 1024);
        if (permits > kilopixels) {
            String message = String.format(Locale.ROOT, "The picture is %.1f megapixels; this server can process at most %.1f",
                    width * (double) height / 1e6, kilopixels * 1024 / 1e6);
            throw new ProblemException(ProblemType.VALIDATION, message, List.of(new Problem.FieldError("file", message)), Map.of());
        }
        try {
            if (!room.tryAcquire(permits, WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "The library is busy with other large pictures; try again in a moment");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "The upload was interrupted; send it again");
        }
        return new Lease(permits);
    }
}
