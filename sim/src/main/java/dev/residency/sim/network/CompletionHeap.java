package dev.residency.sim.network;

import java.util.Arrays;

/**
 * An indexed binary min-heap of flows by completion time, ties broken by the flow's serial number.
 *
 * <p>Each flow is in the heap at most once and its position is indexed, so a changed completion
 * time moves only that flow: only flows whose rate changed are rescheduled. Not thread-safe.
 */
final class CompletionHeap {

    private double[] times = new double[16];
    private long[] serials = new long[16];
    private int[] flows = new int[16];
    /** Position of each flow in the heap, or -1. */
    private int[] positionOf = new int[16];

    private int size;

    CompletionHeap() {
        Arrays.fill(positionOf, -1);
    }

    /** Returns the earliest completion time, or +infinity if empty. */
    double topTime() {
        return size == 0 ? Double.POSITIVE_INFINITY : times[0];
    }

    boolean contains(int flow) {
        return flow < positionOf.length && positionOf[flow] >= 0;
    }

    /** Inserts {@code flow} or moves it to its new completion time. */
    void set(int flow, double time, long serial) {
        if (flow >= positionOf.length) {
            int old = positionOf.length;
            positionOf = Arrays.copyOf(positionOf, Math.max(flow + 1, 2 * old));
            Arrays.fill(positionOf, old, positionOf.length, -1);
        }
        int position = positionOf[flow];
        if (position < 0) {
            if (size == times.length) {
                times = Arrays.copyOf(times, 2 * size);
                serials = Arrays.copyOf(serials, 2 * size);
                flows = Arrays.copyOf(flows, 2 * size);
            }
            place(size++, time, serial, flow);
            siftUp(size - 1);
        } else {
            double old = times[position];
            times[position] = time;
            if (time < old) {
                siftUp(position);
            } else {
                siftDown(position);
            }
        }
    }

    /** Removes {@code flow} if present. */
    void remove(int flow) {
        if (!contains(flow)) {
            return;
        }
        int position = positionOf[flow];
        positionOf[flow] = -1;
        int last = --size;
        if (position != last) {
            int moved = flows[last];
            place(position, times[last], serials[last], moved);
            siftDown(position);
            siftUp(positionOf[moved]);
        }
    }

    /** Removes and returns the flow with the earliest completion. */
    int poll() {
        int flow = flows[0];
        remove(flow);
        return flow;
    }

    private boolean less(int a, int b) {
        return times[a] < times[b] || (times[a] == times[b] && serials[a] < serials[b]);
    }

    private void place(int position, double time, long serial, int flow) {
        times[position] = time;
        serials[position] = serial;
        flows[position] = flow;
        positionOf[flow] = position;
    }

    private void swap(int a, int b) {
        double t = times[a];
        long s = serials[a];
        int f = flows[a];
        place(a, times[b], serials[b], flows[b]);
        place(b, t, s, f);
    }

    private void siftUp(int position) {
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (!less(position, parent)) {
                return;
            }
            swap(position, parent);
            position = parent;
        }
    }

    private void siftDown(int position) {
        while (true) {
            int child = 2 * position + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && less(child + 1, child)) {
                child++;
            }
            if (!less(child, position)) {
                return;
            }
            swap(position, child);
            position = child;
        }
    }
}
