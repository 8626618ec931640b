package io.newsroom.cms.devstack.testing;

import io.newsroom.cms.devstack.Env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * Lets a test that times something wait until another module's tests no longer load the machine. In {@code ./cms test}
 * the whole-system tests (a stack and a browser) and the trust suite (a stack of its own) run side by side on two
 * cores; the scheduler's catch-up bound is a number about the scheduler, not about the browser stories beside it. The
 * busy module holds a lock file for as long as its JVM lives (the operating system lets go of it however the JVM
 * ends); the timing test waits for it, at most {@code most}. Run alone, nothing is held and nothing waits.
 */
public final class BusyMarker {
    private static FileLock held;

    private BusyMarker() {
    }

    /** Marks this JVM busy under {@code name} until it exits (idempotent). */
    public static synchronized void holdUntilExit(String name) {
        if (held != null) {
            return;
        }
        try {
            FileChannel channel = FileChannel.open(file(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            held = channel.tryLock();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits while another JVM holds {@code name}, at most {@code most}; how long it waited. */
    public static Duration awaitFree(String name, Duration most) {
        Instant start = Instant.now();
        Instant end = start.plus(most);
        try (FileChannel channel = FileChannel.open(file(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            while (Instant.now().isBefore(end)) {
                try (FileLock free = channel.tryLock()) {
                    if (free != null) {
                        break;
                    }
                }
                Thread.sleep(1_000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Duration.between(start, Instant.now());
    }

    private static Path file(String name) throws IOException {
        Path dir = Env.repoRoot().resolve("target");
        Files.createDirectories(dir);
        return dir.resolve(name + ".busy");
    }
}
