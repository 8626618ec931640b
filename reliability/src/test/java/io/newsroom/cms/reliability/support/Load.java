package io.newsroom.cms.reliability.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Background traffic while something breaks: threads that repeat a step until stopped, counting what they got. */
public final class Load implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private volatile String phase = "start";

    /** Starts {@code count} threads that run {@code step} again and again (with {@code pauseMillis} between runs). */
    public Load run(String name, int count, long pauseMillis, Consumer<Load> step) {
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        step.accept(this);
                    } catch (RuntimeException e) {
                        violation(name + " step failed: " + e);
                    }
                    sleep(pauseMillis);
                }
            }, name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    public void phase(String phase) {
        this.phase = phase;
    }

    public String phase() {
        return phase;
    }

    public void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    /** How many times {@code what} was counted. */
    public long total(String what) {
        AtomicLong value = counts.get(what);
        return value == null ? 0 : value.get();
    }

    public void violation(String what) {
        if (violations.size() < 200) {
            violations.add("[" + phase + "] " + what);
        }
        count("violations");
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
