package io.newsroom.cms.media.service;

import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.media.config.MediaConfig;
import io.newsroom.cms.media.domain.MediaItem;
import io.newsroom.cms.media.domain.RenditionSpec;
import io.newsroom.cms.media.domain.imaging.AspectRatio;
import io.newsroom.cms.media.domain.imaging.DecodedImage;
import io.newsroom.cms.media.domain.imaging.EncodedRendition;
import io.newsroom.cms.media.domain.imaging.FocalPoint;
import io.newsroom.cms.media.domain.imaging.ImageDecoder;
import io.newsroom.cms.media.domain.imaging.ImageEncoder;
import io.newsroom.cms.media.domain.imaging.ImageSource;
import io.newsroom.cms.media.domain.imaging.OutputFormat;
import io.newsroom.cms.media.domain.imaging.ProbedImage;
import io.newsroom.cms.media.domain.imaging.RenditionTarget;
import io.newsroom.cms.media.domain.imaging.Renditions;
import io.newsroom.cms.media.repository.ObjectStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Renditions: made from the decoded original right after an upload (every shape for the current focal point, at
 * every width, WebP and JPEG; a shape whose crop is the whole picture is the original's files, made once), or, when one is asked for that is not stored (an item from before, a new focal point),
 * every width and format of its shape from one decode. Kept in object storage under their content-addressed names
 * and served from there. One request makes a missing shape; others asking meanwhile wait for that one.
 */
@ApplicationScoped
public class RenditionMaker {
    private static final Logger LOG = Logger.getLogger(RenditionMaker.class);
    private static final EnumSet<OutputFormat> FORMATS = EnumSet.allOf(OutputFormat.class);
    /** Files written at once: one a core (the machine the issue names has 2). */
    private static final int ENCODERS = 2;
    /** The warm-up's picture width where the heap cannot take {@code cms.media.warm-up-width}'s. */
    private static final int SMALL_WARM_UP_WIDTH = 1600;
    /** How long the renditions of an upload that found no room wait for it (behind every upload before them). */
    private static final long LATER_WAIT_SECONDS = 600;
    /** How long after an upload that found no room began or was answered renditions from stored originals hold back. */
    private static final Duration QUIET = Duration.ofSeconds(3);
    /** The most they hold back for uploads still coming in. */
    private static final Duration MOST_DEFERRED = Duration.ofSeconds(20);

    @Inject
    ObjectStore store;

    @Inject
    MediaConfig config;

    @Inject
    MediaMapper mapper;

    @Inject
    DecodeBudget budget;

    /** A rendition's bytes and type. */
    public record Rendition(byte[] bytes, String mimeType) {
    }

    /**
     * Makes renditions one picture at a time, an upload's (whose answer does not wait for them) or a shape asked for
     * (its request waits): the {@link DecodeBudget} sets aside the heap of one such job. Never waits for a lease itself
     * (its callers take them), so pictures waiting for it cannot block it.
     */
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "renditions"));
    /**
     * Decodes, one after the other, the originals of uploads that found no room (it waits for room, never the
     * renditions thread), then has their renditions made on it.
     */
    private final ExecutorService later = Executors.newSingleThreadExecutor(r -> new Thread(r, "renditions-later"));
    /** Writes the files of a job (most of its work), one thread per core; never the thread that waits for them. */
    private final ExecutorService encoders = Executors.newFixedThreadPool(ENCODERS, r -> new Thread(r, "rendition-encoder"));
    /** Stores the files of a job as each is written: waiting on object storage, not the CPU, so a few at once. */
    private final ExecutorService writers = Executors.newFixedThreadPool(4, r -> new Thread(r, "rendition-writer"));
    private final Map<String, CompletableFuture<Map<String, EncodedRendition>>> making = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> warmedUp = new CompletableFuture<>();
    /** When an upload that found no room last began or was answered (System.nanoTime; long ago at start). */
    private volatile long lastUploadWithoutRoom = System.nanoTime() - Duration.ofDays(1).toNanos();
    @Inject
    ImageDecoder decoder;

    /**
     * Makes renditions of a made-up picture once at start, on the renditions thread, storing nothing: the WebP writer's
     * native library is unpacked and loaded, the scaler's and the codecs' loops are compiled and the heap grows to what
     * a camera's picture takes ({@code cms.media.warm-up-width}; 1600 wide where the heap could never take that), before the
     * first upload rather than during it. Skipped when an upload already holds the room (it warms everything up itself).
     */
    void warmUp(@Observes StartupEvent start) {
        if (config.warmUpWidth() <= 0) {
            warmedUp.complete(null);
            return;
        }
        runner.execute(() -> {
            long started = System.nanoTime();
            try {
                int width = config.warmUpWidth();
                Optional<DecodeBudget.Lease> room;
                try {
                    room = warmUpRoom(width);
                } catch (ProblemException neverFits) {
                    // a heap too small for a camera's picture (the local stack's 160 MB): the size warmed up before
                    width = Math.min(width, SMALL_WARM_UP_WIDTH);
                    room = warmUpRoom(width);
                }
                if (room.isEmpty()) {
                    LOG.debug("Renditions not warmed up: an upload is being decoded");
                    return;
                }
                int height = width * 3 / 4;
                try (DecodeBudget.Lease held = room.get()) {
                    byte[] jpeg = ImageEncoder.encode(gradient(width, height), OutputFormat.JPEG);
                    DecodedImage picture = decoder.decode(ImageSource.of(jpeg));
                    Renditions.renderAll(picture, everyTarget(List.of(AspectRatio.values())), FORMATS, encoders);
                    LOG.debugf("Renditions warmed up on %d × %d in %d ms", width, height, (System.nanoTime() - started) / 1_000_000);
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.warnf("Warming up the renditions failed (the first upload will tell more): %s", e.toString());
            } finally {
                warmedUp.complete(null);
            }
        });
    }

    /** Room for the warm-up's {@code width}-wide 4:3 picture, if there is some now; a problem if this heap never has it. */
    private Optional<DecodeBudget.Lease> warmUpRoom(int width) {
        return budget.tryTake(width, width * 3 / 4, 3, workingBytes(width, width * 3 / 4, false, List.of(AspectRatio.values())));
    }

    /** Done when the start's {@link #warmUp} is (made, skipped or failed). */
    public CompletableFuture<Void> warmedUp() {
        return warmedUp;
    }

    /** A picture with detail in both directions (a flat one would encode unlike a photo), written straight into its raster. */
    private static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int i = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                bgr[i++] = (byte) (x ^ y);
                bgr[i++] = (byte) (y * 255 / height);
                bgr[i++] = (byte) (x * 255 / width);
            }
        }
        return image;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
        later.shutdownNow();
        encoders.shutdownNow();
        writers.shutdownNow();
    }

    /**
     * The heap that making every rendition of a {@code width} × {@code height} picture ({@code shapes}, every width)
     * takes besides its decoded pixels, for the {@link DecodeBudget}.
     */
    public long workingBytes(int width, int height, boolean alpha, List<AspectRatio> shapes) {
        return Renditions.workingBytes(width, height, alpha, everyTarget(shapes), ENCODERS);
    }

    /**
     * Every width of {@code shapes} around the centre (the crop caps them, as the mapper does: the same sizes; the focal
     * point moves a crop, not its size).
     */
    private List<RenditionTarget> everyTarget(List<AspectRatio> shapes) {
        List<RenditionTarget> targets = new ArrayList<>();
        for (AspectRatio shape : shapes) {
            for (int width : config.widths()) {
                targets.add(new RenditionTarget(width, shape, FocalPoint.CENTRE));
            }
        }
        return targets;
    }

    /**
     * Room in the {@link DecodeBudget} for decoding an upload ({@code probe}) and making every rendition of it with
     * {@link #makeAll}: right away, or after waiting for it if {@code wait}, else nothing (then the upload is only
     * checked, and {@link #makeAllLater} makes them).
     */
    public Optional<DecodeBudget.Lease> roomForUpload(ProbedImage probe, boolean wait) {
        long working = workingBytes(probe.width(), probe.height(), probe.alpha(), List.of(AspectRatio.values()));
        Optional<DecodeBudget.Lease> room = wait ? Optional.of(budget.take(probe.width(), probe.height(), probe.decodingBytesPerPixel(), working))
                : budget.tryTake(probe.width(), probe.height(), probe.decodingBytesPerPixel(), working);
        if (room.isEmpty()) {
            lastUploadWithoutRoom = System.nanoTime();
        }
        return room;
    }

    /**
     * Has every rendition of {@code item} made from its stored original, in the background, once there is room to
     * decode it: for an upload that found no room (others were being decoded or made), so its answer did not wait.
     */
    public void makeAllLater(MediaItem item) {
        lastUploadWithoutRoom = System.nanoTime(); // its answer is on its way: others that started with it may still be
        later.execute(() -> {
            try {
                letUploadsBeAnswered();
                fromStoredOriginal(item, mapper.shapesMade(item), LATER_WAIT_SECONDS);
            } catch (RuntimeException e) {
                LOG.warnf("Renditions of %s not made now (they will be on first request): %s", item.contentHash, e.toString());
            }
        });
    }

    /**
     * Waits while uploads that found no room are still being answered (one began or ended in the last {@link #QUIET}),
     * at most {@link #MOST_DEFERRED}: their answers, which people wait for, get the cores before renditions made from
     * stored originals, which nobody waits for yet.
     */
    private void letUploadsBeAnswered() {
        long deadline = System.nanoTime() + MOST_DEFERRED.toNanos();
        while (System.nanoTime() - lastUploadWithoutRoom < QUIET.toNanos() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Has every rendition of {@code item} made from its decoded picture, in the background; then gives {@code room} back. */
    public CompletableFuture<Void> makeAll(MediaItem item, DecodedImage picture, DecodeBudget.Lease room) {
        List<RenditionSpec> specs = mapper.shapesMade(item).stream().flatMap(shape -> specsOf(item, shape).stream()).toList();
        return CompletableFuture.runAsync(() -> store(item.contentHash, picture, specs), runner).exceptionally(failure -> {
            LOG.warnf("Renditions of %s not made now (they will be on first request): %s", item.contentHash, failure.toString());
            return null;
        }).whenComplete((done, failure) -> room.close());
    }

    /**
     * The rendition {@code name} of the original with {@code hash}: from storage, or made now when it is one of the
     * item's current renditions. A name that is not a rendition, or one for another focal point, is a 404.
     */
    public Rendition get(String hash, String name) {
        RenditionSpec spec = RenditionSpec.parse(name, config.widths())
                .orElseThrow(() -> ProblemException.notFound("Rendition " + name));
        Optional<byte[]> stored = store.get(spec.key(hash));
        if (stored.isPresent()) {
            return new Rendition(stored.get(), spec.format().mimeType());
        }
        String job = hash + "/" + spec.shape().token() + "-" + spec.focalX() + "-" + spec.focalY();
        Map<String, EncodedRendition> made;
        try {
            made = making.computeIfAbsent(job, k -> CompletableFuture.supplyAsync(() -> makeShape(hash, spec)))
                    .whenComplete((done, failure) -> making.remove(job)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        EncodedRendition file = made.get(spec.key(hash));
        if (file == null) {
            throw ProblemException.notFound("Rendition " + name);
        }
        return new Rendition(file.bytes(), spec.format().mimeType());
    }

    /** Every width and format of {@code spec}'s shape, from one decode of the original: the files stored, by key. */
    private Map<String, EncodedRendition> makeShape(String hash, RenditionSpec spec) {
        MediaItem item = QuarkusTransaction.requiringNew().call(() -> MediaItem.byContentHash(hash));
        if (item == null || !spec.current(item.focalX, item.focalY)) {
            throw ProblemException.notFound("Rendition " + spec.fileName() + " of " + hash);
        }
        return fromStoredOriginal(item, List.of(spec.shape()), DecodeBudget.WAIT_SECONDS);
    }

    /**
     * Makes and stores {@code shapes} of {@code item} (every width) from its stored original: downloaded, then decoded
     * once there is room for it (waiting up to {@code waitSeconds}), then made on the renditions thread.
     */
    private Map<String, EncodedRendition> fromStoredOriginal(MediaItem item, List<AspectRatio> shapes, long waitSeconds) {
        Path original = null;
        try {
            original = Files.createTempDirectory("original-").resolve("original");
            if (!store.download(item.originalKey(), original)) {
                throw ProblemException.notFound("The original of " + item.contentHash);
            }
            ImageSource source = ImageSource.of(original);
            ProbedImage probe = decoder.probe(source);
            long working = workingBytes(probe.width(), probe.height(), probe.alpha(), shapes);
            try (DecodeBudget.Lease room = budget.take(probe.width(), probe.height(), probe.decodingBytesPerPixel(), working, waitSeconds)) {
                DecodedImage picture = decoder.decode(source, probe);
                List<RenditionSpec> specs = shapes.stream().flatMap(shape -> specsOf(item, shape).stream()).toList();
                // made on the renditions thread, one picture at a time, as the budget counts them
                return join(CompletableFuture.supplyAsync(() -> store(item.contentHash, picture, specs), runner));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(original);
        }
    }

    private List<RenditionSpec> specsOf(MediaItem item, AspectRatio shape) {
        return mapper.widthsOf(item).stream().map(width -> RenditionSpec.of(shape, width, item.focalX, item.focalY, OutputFormat.JPEG)).toList();
    }

    /**
     * Makes and stores the renditions of {@code specs} (each in every format), each file stored as soon as it is
     * written, while the others are being made; the files by key.
     */
    private Map<String, EncodedRendition> store(String hash, DecodedImage picture, List<RenditionSpec> specs) {
        long started = System.nanoTime();
        Map<RenditionTarget, RenditionSpec> byTarget = new LinkedHashMap<>();
        specs.forEach(spec -> byTarget.put(spec.target(), spec));
        List<CompletableFuture<Void>> puts = Collections.synchronizedList(new ArrayList<>());
        List<EncodedRendition> made;
        try {
            made = Renditions.renderAll(picture, byTarget.keySet(), FORMATS, encoders, file -> puts.add(CompletableFuture.runAsync(
                    () -> store.put(key(hash, byTarget.get(file.target()), file), file.bytes(), file.format().mimeType()), writers)));
        } finally {
            waitFor(puts); // none left writing behind a failure
        }
        long rendered = System.nanoTime();
        Map<String, EncodedRendition> files = new LinkedHashMap<>();
        for (EncodedRendition rendition : made) {
            files.put(key(hash, byTarget.get(rendition.target()), rendition), rendition);
        }
        join(CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)));
        LOG.infof("Made %d renditions of %s in %d ms (the last stored %d ms after the last was written)", made.size(), hash,
                (System.nanoTime() - started) / 1_000_000, (System.nanoTime() - rendered) / 1_000_000);
        return files;
    }

    private static String key(String hash, RenditionSpec spec, EncodedRendition file) {
        return new RenditionSpec(spec.shape(), spec.width(), spec.focalX(), spec.focalY(), file.format()).key(hash);
    }

    private static void waitFor(List<CompletableFuture<Void>> puts) {
        List<CompletableFuture<Void>> all;
        synchronized (puts) {
            all = List.copyOf(puts);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (IOException e) {
            LOG.debugf("Could not delete %s: %s", file, e);
        }
    }
}
