package dev.residency.sim.network;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Per-arc capacities, failures, latencies, concurrent-flow slots and the set of arcs changed since
 * the last rate recomputation. Not thread-safe.
 */
final class ArcState {

    /** Capacity set at construction or by {@code setArcCapacity}, bytes per second. */
    final double[] nominal;
    /** Capacity in force: zero while failed, else nominal. */
    final double[] effective;
    /** Number of outstanding failures of each arc. */
    final int[] downCount;

    private final double[] latency;
    private final int[] maxConcurrent;
    private final int[] admitted;
    private final boolean[] isChanged;
    private final int[] changed;
    private int changedCount;

    ArcState(double[] capacity, double[] latency, int[] maxConcurrent) {
        this.nominal = capacity.clone();
        this.effective = capacity.clone();
        this.downCount = new int[capacity.length];
        this.latency = latency.clone();
        this.maxConcurrent = maxConcurrent.clone();
        this.admitted = new int[capacity.length];
        this.isChanged = new boolean[capacity.length];
        this.changed = new int[capacity.length];
    }

    static void checkCapacity(int arc, double bytesPerSecond) {
        checkArgument(
                bytesPerSecond >= 0 && bytesPerSecond < Double.POSITIVE_INFINITY,
                "capacity of arc %s must be finite and >= 0 bytes per second, got %s",
                (Object) arc,
                (Object) bytesPerSecond);
    }

    int count() {
        return nominal.length;
    }

    /** Returns the sum of the latencies of the arcs of {@code route}. */
    double latencyOf(int[] route) {
        double sum = 0;
        for (int arc : route) {
            sum += latency[arc];
        }
        return sum;
    }

    boolean allUp(int[] route) {
        for (int arc : route) {
            if (effective[arc] == 0) {
                return false;
            }
        }
        return true;
    }

    /** Takes a concurrent-flow slot on every arc of {@code route} if each has one free. */
    boolean tryAcquire(int[] route) {
        for (int arc : route) {
            if (admitted[arc] >= maxConcurrent[arc]) {
                return false;
            }
        }
        for (int arc : route) {
            admitted[arc]++;
        }
        return true;
    }

    void release(int[] route) {
        for (int arc : route) {
            admitted[arc]--;
        }
    }

    void markChanged(int arc) {
        if (!isChanged[arc]) {
            isChanged[arc] = true;
            changed[changedCount++] = arc;
        }
    }

    int[] changed() {
        return changed;
    }

    int changedCount() {
        return changedCount;
    }

    void clearChanged() {
        for (int i = 0; i < changedCount; i++) {
            isChanged[changed[i]] = false;
        }
        changedCount = 0;
    }
}
