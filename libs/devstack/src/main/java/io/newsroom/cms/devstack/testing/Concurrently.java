package io.newsroom.cms.devstack.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Races and parallel work for tests: threads released at the same moment, or a pool working through indexed tasks. */
public final class Concurrently {
    private Concurrently() {
    }

    /** The results of {@code n} simultaneous calls (threads released at once), in the order the threads were made. */
    public static <T> List<T> race(int n, Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        return run(n, n, i -> {
            start.await();
            return call.call();
        }, start::countDown);
    }

    /** {@code task(0..n-1)} on {@code threads} threads; the results in index order. */
    public static <T> List<T> all(int n, int threads, Task<T> task) throws Exception {
        return run(n, threads, task, () -> { });
    }

    /** One indexed piece of work. */
    public interface Task<T> {
        T run(int index) throws Exception;
    }

    private static <T> List<T> run(int n, int threads, Task<T> task, Runnable afterSubmit) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            afterSubmit.run();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
