package dev.residency.sim.network;

import java.util.Arrays;

/**
 * The state of every live flow, in primitive arrays indexed by flow id. Ids of ended flows are
 * reused last-in first-out, which keeps runs deterministic. Not thread-safe.
 *
 * <p>Progress is kept lazily: {@code remainingAt[id]} bytes were left at time {@code
 * updatedAt[id]}, and the flow has moved at {@code rate[id]} since; {@link #settle} folds the
 * elapsed time in, and is needed only when the rate changes.
 */
final class FlowTable {

    int[][] route = new int[16][];
    FlowPhase[] phase = new FlowPhase[16];
    double[] size = new double[16];
    double[] remainingAt = new double[16];
    double[] updatedAt = new double[16];
    double[] rate = new double[16];
    long[] serial = new long[16];
    long[] arriveHandle = new long[16];
    FailurePolicy[] policy = new FailurePolicy[16];
    FlowListener[] listener = new FlowListener[16];

    private int[] freeIds = new int[16];
    private int freeCount;
    private int used;
    private int live;
    private long nextSerial;

    /** Records a new flow in phase WAITING and returns its id. */
    int add(int[] flowRoute, long bytes, FailurePolicy failurePolicy, FlowListener flowListener) {
        int id;
        if (freeCount > 0) {
            id = freeIds[--freeCount];
        } else {
            if (used == phase.length) {
                grow();
            }
            id = used++;
        }
        route[id] = flowRoute;
        phase[id] = FlowPhase.WAITING;
        size[id] = bytes;
        remainingAt[id] = bytes;
        updatedAt[id] = 0;
        rate[id] = 0;
        serial[id] = nextSerial++;
        arriveHandle[id] = -1;
        policy[id] = failurePolicy;
        listener[id] = flowListener;
        live++;
        return id;
    }

    boolean isLive(int id) {
        return id >= 0 && id < used && phase[id] != null;
    }

    int live() {
        return live;
    }

    void free(int id) {
        phase[id] = null;
        route[id] = null;
        listener[id] = null;
        rate[id] = 0;
        freeIds[freeCount++] = id;
        live--;
    }

    /** Folds the progress made at the current rate since the last update into {@code remainingAt}. */
    void settle(int id, double now) {
        remainingAt[id] = remainingAt(id, now);
        updatedAt[id] = now;
    }

    /** Returns the bytes flow {@code id} has left at time {@code now}. */
    double remainingAt(int id, double now) {
        if (phase[id] != FlowPhase.TRANSFERRING || rate[id] == 0) {
            return remainingAt[id];
        }
        return Math.max(0, remainingAt[id] - rate[id] * (now - updatedAt[id]));
    }

    private void grow() {
        int n = 2 * phase.length;
        route = Arrays.copyOf(route, n);
        phase = Arrays.copyOf(phase, n);
        size = Arrays.copyOf(size, n);
        remainingAt = Arrays.copyOf(remainingAt, n);
        updatedAt = Arrays.copyOf(updatedAt, n);
        rate = Arrays.copyOf(rate, n);
        serial = Arrays.copyOf(serial, n);
        arriveHandle = Arrays.copyOf(arriveHandle, n);
        policy = Arrays.copyOf(policy, n);
        listener = Arrays.copyOf(listener, n);
        freeIds = Arrays.copyOf(freeIds, n);
    }
}
