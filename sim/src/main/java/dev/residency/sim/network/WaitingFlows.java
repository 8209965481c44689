package dev.residency.sim.network;

import java.util.Arrays;

/** Flows waiting for concurrent-flow slots, in start order. Not thread-safe. */
final class WaitingFlows {

    private int[] ids = new int[16];
    private int size;

    int size() {
        return size;
    }

    int get(int index) {
        return ids[index];
    }

    void add(int id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, 2 * size);
        }
        ids[size++] = id;
    }

    void removeAt(int index) {
        System.arraycopy(ids, index + 1, ids, index, size - index - 1);
        size--;
    }

    void remove(int id) {
        for (int i = 0; i < size; i++) {
            if (ids[i] == id) {
                removeAt(i);
                return;
            }
        }
    }
}
