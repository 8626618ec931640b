package io.newsroom.cms.media.service;

import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.media.config.MediaConfig;
import io.newsroom.cms.media.domain.MediaItem;
import io.newsroom.cms.media.domain.RenditionSpec;
import io.newsroom.cms.media.domain.imaging.AspectRatio;
import io.newsroom.cms.media.domain.imaging.EncodedRendition;
import io.newsroom.cms.media.domain.imaging.ImageDecoder;
import io.newsroom.cms.media.domain.imaging.ImageSource;
import io.newsroom.cms.media.domain.imaging.OutputFormat;
import io.newsroom.cms.media.domain.imaging.RenditionTarget;
import io.newsroom.cms.media.domain.imaging.Renditions;
import io.newsroom.cms.media.repository.ObjectStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
 * every width, WebP and JPEG), or, when one is asked for that is not stored (an item from before, a new focal point),
 * every width and format of its shape from one decode. Kept in object storage under their content-addressed names
 * and served from there. One request makes a missing shape; others asking meanwhile wait for that one.
 */
@ApplicationScoped
public class RenditionMaker {
    private static final Logger LOG = Logger.getLogger(RenditionMaker.class);
    private static final EnumSet<OutputFormat> FORMATS = EnumSet.allOf(OutputFormat.class);

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

    /** Runs the uploads' rendition jobs one picture at a time (the upload's answer does not wait for them). */
    private final ExecutorService uploads = Executors.newSingleThreadExecutor(r -> new Thread(r, "renditions"));
    /** Writes the files of a job (most of its work), one thread per core; never the thread that waits for them. */
    private final ExecutorService encoders = Executors.newFixedThreadPool(2, r -> new Thread(r, "rendition-encoder"));
    /** Stores the files of a job: waiting on object storage, not the CPU, so a few at once. */
    private final ExecutorService writers = Executors.newFixedThreadPool(4, r -> new Thread(r, "rendition-writer"));
    private final Map<String, CompletableFuture<Map<String, EncodedRendition>>> making = new ConcurrentHashMap<>();
    @Inject
    ImageDecoder decoder;

    @PreDestroy
    void stop() {
        uploads.shutdownNow();
        encoders.shutdownNow();
        writers.shutdownNow();
    }

    /** Has every rendition of {@code item} made from its decoded picture, in the background; then gives {@code room} back. */
    public CompletableFuture<Void> makeAll(MediaItem item, BufferedImage upright, DecodeBudget.Lease room) {
        List<RenditionSpec> specs = Arrays.stream(AspectRatio.values()).flatMap(shape -> specsOf(item, shape).stream()).toList();
        return CompletableFuture.runAsync(() -> store(item.contentHash, upright, specs), uploads).exceptionally(failure -> {
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
        Path original = null;
        try {
            original = Files.createTempDirectory("original-").resolve("original");
            if (!store.download(item.originalKey(), original)) {
                throw ProblemException.notFound("The original of " + hash);
            }
            try (DecodeBudget.Lease room = budget.take(item.width, item.height)) {
                return store(hash, decoder.decode(ImageSource.of(original)).image(), specsOf(item, spec.shape()));
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

    /** Makes and stores the renditions of {@code specs} (each in every format), the files stored side by side; they by key. */
    private Map<String, EncodedRendition> store(String hash, BufferedImage upright, List<RenditionSpec> specs) {
        long started = System.nanoTime();
        Map<RenditionTarget, RenditionSpec> byTarget = new LinkedHashMap<>();
        specs.forEach(spec -> byTarget.put(spec.target(), spec));
        List<EncodedRendition> made = Renditions.renderAll(upright, byTarget.keySet(), FORMATS, encoders);
        long rendered = System.nanoTime();
        Map<String, EncodedRendition> files = new LinkedHashMap<>();
        for (EncodedRendition rendition : made) {
            RenditionSpec spec = byTarget.get(rendition.target());
            files.put(new RenditionSpec(spec.shape(), spec.width(), spec.focalX(), spec.focalY(), rendition.format()).key(hash), rendition);
        }
        CompletableFuture.allOf(files.entrySet().stream().map(file -> CompletableFuture.runAsync(() -> store.put(file.getKey(),
                file.getValue().bytes(), file.getValue().format().mimeType()), writers)).toArray(CompletableFuture[]::new)).join();
        LOG.infof("Made %d renditions of %s in %d ms (%d ms to store them)", made.size(), hash,
                (System.nanoTime() - started) / 1_000_000, (System.nanoTime() - rendered) / 1_000_000);
        return files;
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
