package dev.residency.sim.network;

import java.util.Arrays;

/**
 * For each arc, the flows transferring over it, with O(1) insertion and removal.
 *
 * <p>Each arc keeps an unordered array of (flow, hop) pairs; each flow keeps, per hop of its route,
 * its position in that arc's array, so removal swaps the last entry into the hole. Not thread-safe.
 */
final class ArcFlowIndex {

    private final int[][] flowsOn;
    private final int[][] hopsOn;
    private final int[] counts;
    /** positions[flow][hop] is the flow's index in the array of its hop-th arc. */
    private int[][] positions = new int[16][];

    ArcFlowIndex(int arcCount) {
        flowsOn = new int[arcCount][];
        hopsOn = new int[arcCount][];
        counts = new int[arcCount];
        for (int arc = 0; arc < arcCount; arc++) {
            flowsOn[arc] = new int[4];
            hopsOn[arc] = new int[4];
        }
    }

    /** Returns the number of flows on {@code arc}. */
    int count(int arc) {
        return counts[arc];
    }

    /** Returns the {@code k}-th flow on {@code arc}, {@code 0 <= k < count(arc)}, in no particular order. */
    int flow(int arc, int k) {
        return flowsOn[arc][k];
    }

    void add(int flow, int[] route) {
        if (flow >= positions.length) {
            positions = Arrays.copyOf(positions, Math.max(flow + 1, 2 * positions.length));
        }
        int[] position = positions[flow];
        if (position == null || position.length < route.length) {
            position = new int[route.length];
            positions[flow] = position;
        }
        for (int hop = 0; hop < route.length; hop++) {
            int arc = route[hop];
            int k = counts[arc]++;
            if (k == flowsOn[arc].length) {
                flowsOn[arc] = Arrays.copyOf(flowsOn[arc], 2 * k);
                hopsOn[arc] = Arrays.copyOf(hopsOn[arc], 2 * k);
            }
            flowsOn[arc][k] = flow;
            hopsOn[arc][k] = hop;
            position[hop] = k;
        }
    }

    void remove(int flow, int[] route) {
        int[] position = positions[flow];
        for (int hop = 0; hop < route.length; hop++) {
            int arc = route[hop];
            int k = position[hop];
            int last = --counts[arc];
            if (k != last) {
                int movedFlow = flowsOn[arc][last];
                int movedHop = hopsOn[arc][last];
                flowsOn[arc][k] = movedFlow;
                hopsOn[arc][k] = movedHop;
                positions[movedFlow][movedHop] = k;
            }
        }
    }
}
