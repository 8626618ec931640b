package io.newsroom.cms.reliability.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The suite's figures (requests sent, 5xx, unexpected allows, faults survived, writes lost, ...), counted as the tests
 * run, printed to the build log at the end and written to {@code reliability/target/trust-figures.md}.
 */
public final class Figures {
    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
    private static final Map<String, String> NOTES = new ConcurrentHashMap<>();

    private Figures() {
    }

    public static void add(String name, long amount) {
        COUNTS.computeIfAbsent(name, n -> new AtomicLong()).addAndGet(amount);
    }

    public static void note(String name, String value) {
        NOTES.put(name, value);
    }

    public static long get(String name) {
        AtomicLong value = COUNTS.get(name);
        return value == null ? 0 : value.get();
    }

    static synchronized void print() {
        StringBuilder out = new StringBuilder("\n# Trust suite figures\n\n| figure | value |\n|---|---|\n");
        new TreeMap<>(COUNTS).forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v.get()).append(" |\n"));
        new TreeMap<>(NOTES).forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        System.out.println(out);
        try {
            Path file = Path.of("target", "trust-figures.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, out.toString());
        } catch (IOException e) {
            // the build log has them
        }
    }
}
