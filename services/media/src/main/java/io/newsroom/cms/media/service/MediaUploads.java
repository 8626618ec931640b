package io.newsroom.cms.media.service;

import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.media.api.MediaRecords.MediaDescription;
import io.newsroom.cms.media.api.MediaRecords.Uploaded;
import io.newsroom.cms.media.config.MediaConfig;
import io.newsroom.cms.media.domain.MediaItem;
import io.newsroom.cms.media.domain.RenditionSpec;
import io.newsroom.cms.media.domain.UploadName;
import io.newsroom.cms.media.domain.imaging.DecodedImage;
import io.newsroom.cms.media.domain.imaging.ImageDecoder;
import io.newsroom.cms.media.domain.imaging.ImageSource;
import io.newsroom.cms.media.domain.imaging.ImageType;
import io.newsroom.cms.media.domain.imaging.Orientation;
import io.newsroom.cms.media.domain.imaging.ProbedImage;
import io.newsroom.cms.media.repository.ObjectStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.PersistenceException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Takes an uploaded file into the library: checks it is the picture it claims to be (type from its bytes, size, pixel
 * count from its header before anything is decoded, then every row of it decoded: kept for its renditions where there
 * is room in the heap, {@link DecodeBudget}, else only checked), finds the same bytes if they are already in
 * the library, stores the original and records the item, then has its renditions made. Nothing is stored for a file
 * that is refused; an original whose row could not be written is removed again.
 */
@ApplicationScoped
public class MediaUploads {
    private static final Logger LOG = Logger.getLogger(MediaUploads.class);
    /** Enough for the digest's loop to be compiled before the first upload (a camera JPEG is about 5 MB). */
    private static final int WARM_UP_HASHED_BYTES = 4 << 20;
    /** The made-up item the warm-up writes and rolls back: no picture has this hash, no user this name. */
    static final String WARM_UP_HASH = "f".repeat(64);
    static final String WARM_UP_USER = "warm-up";
    /**
     * The made-up object the warm-up stores and deletes again (outside {@code originals/} and {@code renditions/}, so no
     * listing of those ever sees it).
     */
    public static final String WARM_UP_KEY = "warm-up/" + WARM_UP_HASH;

    @Inject
    MediaConfig config;

    /** Done when the start's {@link #warmUp} is, failed if it failed. */
    private final CompletableFuture<Void> warmedUp = new CompletableFuture<>();

    @Inject
    ObjectStore store;

    @Inject
    MediaMapper mapper;

    @Inject
    RenditionMaker renditions;

    @Inject
    ImageDecoder decoder;

    /** An uploaded file as the HTTP layer received it (on disk, never whole in the heap). */
    public record Upload(Path file, String filename, long size, MediaDescription description, String user) {
    }

    public Uploaded upload(Upload upload) {
        UploadName.problem(upload.filename()).ifPresent(problem -> {
            throw ProblemException.invalid("file", "the file name " + problem);
        });
        if (upload.size() <= 0) {
            throw ProblemException.invalid("file", "is empty");
        }
        if (upload.size() > config.maxFileBytes()) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The file is " + megabytes(upload.size())
                    + "; the limit is " + megabytes(config.maxFileBytes()));
        }
        long started = System.nanoTime();
        ImageSource source = ImageSource.of(upload.file());
        ProbedImage probe = decoder.probe(source);
        long probed = System.nanoTime();
        String hash = sha256(upload.file());
        long hashed = System.nanoTime();
        MediaItem existing = QuarkusTransaction.requiringNew().call(() -> MediaItem.byContentHash(hash));
        if (existing != null) {
            return new Uploaded(mapper.view(existing, 0), true);
        }
        // With room in the heap right now, the picture is decoded and goes on to make the renditions, the room held until
        // they are made (makeAll gives it back). Without, the file is only checked (every row decoded, few pixels kept)
        // and the renditions are made from the stored original once there is room, so the answer does not wait for
        // the pictures before it; readers that cannot check so cheaply wait for room.
        boolean checksCheaply = ImageDecoder.checksWithFewPixels(probe.type());
        DecodeBudget.Lease room = renditions.roomForUpload(probe, !checksCheaply).orElse(null);
        CompletableFuture<Void> making = null;
        boolean originalStored = false;
        try {
            DecodedImage picture = null;
            if (room != null) {
                picture = decoder.decode(source, probe);
            } else {
                decoder.check(source, probe);
            }
            long decoded = System.nanoTime();
            MediaItem item = newItem(upload, probe, hash);
            if (picture != null) {
                // the renditions are made while the original is stored and the item recorded (they need neither), so the
                // last is ready that much sooner; the room is theirs from here, given back when they are made
                making = renditions.makeAll(item, picture, room);
                room = null;
            }
            store.put(MediaItem.originalKey(hash), upload.file(), probe.mimeType());
            originalStored = true;
            long stored = System.nanoTime();
            try {
                QuarkusTransaction.requiringNew().run(item::persistAndFlush);
            } catch (PersistenceException e) {
                // the same bytes uploaded at the same moment: the other upload's item is the one (its renditions have
                // the same names, so those made here are its own)
                MediaItem other = QuarkusTransaction.requiringNew().call(() -> MediaItem.byContentHash(hash));
                if (other != null) {
                    return new Uploaded(mapper.view(other, 0), true);
                }
                throw e;
            }
            if (LOG.isDebugEnabled()) {
                LOG.debugf("Upload of %s (%d bytes): probe %d ms, hash %d ms, %s %d ms, original stored %d ms, item recorded %d ms",
                        hash, upload.size(), millis(started, probed), millis(probed, hashed), picture == null ? "check" : "decode",
                        millis(hashed, decoded), millis(decoded, stored), millis(stored, System.nanoTime()));
            }
            if (picture == null) {
                renditions.makeAllLater(item);
            }
            return new Uploaded(mapper.view(item, 0), false);
        } catch (RuntimeException e) {
            closeQuietly(room);
            forget(hash, originalStored, making);
            throw e;
        }
    }

    /**
     * After an upload failed once it may have stored its original or begun its renditions: what it stored is removed
     * (the renditions once they are made), unless an item of the same bytes was recorded meanwhile by another upload,
     * whose objects they then are. Nothing of a failed upload stays; a rendition removed that someone wanted is made
     * again when asked for.
     */
    private void forget(String hash, boolean originalStored, CompletableFuture<Void> making) {
        if (originalStored && !recorded(hash)) {
            try {
                store.delete(MediaItem.originalKey(hash));
            } catch (RuntimeException e) {
                LOG.warnf("Could not remove the original of the failed upload %s: %s", hash, e.toString());
            }
        }
        if (making != null) {
            making.whenComplete((done, failure) -> {
                if (recorded(hash)) {
                    return;
                }
                try {
                    store.deletePrefix(RenditionSpec.renditionsOf(hash));
                } catch (RuntimeException e) {
                    LOG.warnf("Could not remove the renditions of the failed upload %s: %s", hash, e.toString());
                }
            });
        }
    }

    /** Is there an item of the bytes with {@code hash}? No when that cannot be told (the database away). */
    private static boolean recorded(String hash) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> MediaItem.byContentHash(hash)) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void closeQuietly(DecodeBudget.Lease room) {
        if (room != null) {
            room.close();
        }
    }

    /** The item an upload records (not persisted yet). */
    private static MediaItem newItem(Upload upload, ProbedImage probe, String hash) {
        MediaItem item = new MediaItem();
        item.id = UUID.randomUUID();
        item.contentHash = hash;
        item.mimeType = probe.mimeType();
        item.width = probe.width();
        item.height = probe.height();
        item.byteSize = upload.size();
        item.filename = upload.filename();
        MediaLibrary.apply(item, upload.description());
        item.createdBy = upload.user();
        item.createdAt = Instant.now();
        item.updatedAt = item.createdAt;
        return item;
    }

    /**
     * Runs once at start, on a thread of its own, the parts of an upload that the first one would otherwise pay for in
     * class loading, interpreted code and query compilation (measured with async-profiler on the first upload after a
     * start: Hibernate compiling the by-hash query took 224 ms of the request thread, hashing in the interpreter 59 ms):
     * the by-hash lookup, an item written and rolled back, and a file of a few MB hashed, stored and deleted (the first
     * upload's original took 644 ms to store against 205–314 ms later). Nothing is kept: the transaction is rolled back,
     * the object deleted. {@link RenditionMaker#warmUp} does the same for the picture work.
     */
    void warmUp(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent start) { // after ObjectStore's bucket check
        Thread thread = new Thread(() -> {
            long started = System.nanoTime();
            try {
                QuarkusTransaction.requiringNew().call(() -> MediaItem.byContentHash(WARM_UP_HASH));
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        MediaItem item = newItem(new Upload(Path.of("warm-up.jpg"), "warm-up.jpg", 1,
                                new MediaDescription(null, null, null, null, null, null, null), WARM_UP_USER),
                                new ProbedImage(ImageType.JPEG, 1, 1, Orientation.NORMAL, false, 3), WARM_UP_HASH);
                        item.persistAndFlush();
                        throw new WarmUpRolledBack();
                    });
                } catch (WarmUpRolledBack expected) {
                    // the row was written and flushed, and is gone with the transaction
                }
                // a file of an upload's size hashed and stored as an original is (the SDK's checksums and signing, the
                // transfer), then deleted
                Path file = Files.createTempFile("cms-media-warm-up-", ".bin");
                try {
                    Files.write(file, new byte[WARM_UP_HASHED_BYTES]);
                    sha256(file);
                    store.put(WARM_UP_KEY, file, "application/octet-stream");
                    store.delete(WARM_UP_KEY);
                } finally {
                    Files.deleteIfExists(file);
                }
                LOG.debugf("Upload path warmed up in %d ms", millis(started, System.nanoTime()));
                warmedUp.complete(null);
            } catch (RuntimeException | IOException e) {
                // the database or the object store may not be up yet: the first upload then pays for it, nothing else changes
                LOG.infof("Warming up the upload path failed (the first upload will be slower): %s", e.toString());
                warmedUp.completeExceptionally(e);
            }
        }, "upload-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    public CompletableFuture<Void> warmedUp() {
        return warmedUp;
    }

    /** Thrown to roll the warm-up's transaction back (a transaction only marked rollback-only ends in an exception too). */
    private static final class WarmUpRolledBack extends RuntimeException {
        WarmUpRolledBack() {
            super(null, null, false, false);
        }
    }

    private static String sha256(Path file) {
        try {
            return sha256(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(InputStream bytes) {
        try (DigestInputStream in = new DigestInputStream(bytes, MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
