package dev.residency.sim.migration;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Runs independent replications on a fixed pool of threads and returns their results in replication
 * order. Each replication must depend only on its index (its random streams are selected by it), so
 * the results are the same whatever the number of threads.
 */
public final class Replications {

    private Replications() {}

    /** Returns the number of threads to use by default: one per available processor. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs replications {@code 0 … n-1} of {@code replication} on {@code threads} threads.
     *
     * @param progress called with the number of finished replications after each one finishes (from
     *     worker threads; it must be thread-safe)
     * @throws IllegalArgumentException if {@code n} or {@code threads} is not positive
     * @throws IllegalStateException wrapping the first failure of a replication, with its index
     */
    public static <R> List<R> run(int n, int threads, IntFunction<R> replication, IntConsumer progress) {
        checkArgument(n > 0, "replications must be positive: %s", n);
        checkArgument(threads > 0, "threads must be positive: %s", threads);
        checkNotNull(replication, "replication");
        checkNotNull(progress, "progress");
        if (threads == 1 || n == 1) {
            List<R> results = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                results.add(replication.apply(i));
                progress.accept(i + 1);
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), runnable -> {
            Thread thread = new Thread(runnable, "residency-replication");
            thread.setDaemon(true);
            return thread;
        });
        try {
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            List<Future<R>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    R result = replication.apply(index);
                    progress.accept(done.incrementAndGet());
                    return result;
                }));
            }
            List<R> results = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("replication " + i + " failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for replication " + i, e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
