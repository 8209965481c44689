package dev.residency.sim.network;

import java.util.Arrays;

/**
 * Max-min fair rates for the flows that share arcs, transitively, with a set of changed arcs.
 *
 * <p>Max-min fair sharing by progressive filling, as in SimGrid's linear max-min (LMM) model: every
 * unfixed flow grows at the same pace; the arc whose remaining capacity per unfixed flow is the
 * smallest saturates first, fixing its flows at that share; their use is taken off the other arcs
 * of their routes; repeat until every flow is fixed. Arcs whose share is within a relative 10^-9 of
 * the smallest saturate in the same round, which bounds rounding error without extra rounds. An arc
 * of capacity zero fixes its flows at rate zero in the first round.
 *
 * <p>Max-min allocations decompose over the connected components of the flow–arc graph, so only
 * the component reachable from the changed arcs is recomputed; rates elsewhere stay as they are.
 * Cost per call: O(component flows × route length + component arcs × rounds). Not thread-safe;
 * scratch space is reused across calls.
 */
final class MaxMinSolver {

    /** Arcs whose share is within this relative distance of the smallest saturate together. */
    private static final double SAME_SHARE = 1e-9;

    private final int[] arcMark;
    private final int[] componentArcs;
    private final double[] remaining;
    private final int[] unfixed;

    private int[] flowMark = new int[16];
    private int[] componentFlows = new int[16];
    private double[] rateOf = new double[16];
    private int epoch;
    private int flowCount;

    MaxMinSolver(int arcCount) {
        arcMark = new int[arcCount];
        componentArcs = new int[arcCount];
        remaining = new double[arcCount];
        unfixed = new int[arcCount];
    }

    /** Returns the {@code i}-th flow of the last solved component. */
    int flow(int i) {
        return componentFlows[i];
    }

    /** Returns the rate of {@code flow} computed by the last call, if it was in the component. */
    double rate(int flow) {
        return rateOf[flow];
    }

    /**
     * Computes max-min rates for the component of {@code seeds[0 … seedCount-1]}.
     *
     * @param capacity effective capacity of each arc, bytes per second
     * @return the number of flows in the component
     */
    int solve(int[] seeds, int seedCount, ArcFlowIndex onArc, int[][] routes, double[] capacity) {
        nextEpoch();
        int arcCount = collectComponent(seeds, seedCount, onArc, routes);
        for (int i = 0; i < arcCount; i++) {
            int arc = componentArcs[i];
            remaining[arc] = capacity[arc];
            unfixed[arc] = onArc.count(arc);
        }
        // A flow is fixed when its mark is -epoch.
        int left = flowCount;
        while (left > 0) {
            double share = Double.POSITIVE_INFINITY;
            int bottleneck = -1;
            for (int i = 0; i < arcCount; i++) {
                int arc = componentArcs[i];
                if (unfixed[arc] > 0) {
                    double arcShare = Math.max(0, remaining[arc]) / unfixed[arc];
                    if (arcShare < share) {
                        share = arcShare;
                        bottleneck = arc;
                    }
                }
            }
            // The bottleneck goes first, so every round fixes at least one flow whatever the rounding.
            left -= fix(bottleneck, share, onArc, routes);
            double threshold = share * (1 + SAME_SHARE);
            for (int i = 0; i < arcCount; i++) {
                int arc = componentArcs[i];
                if (unfixed[arc] > 0 && Math.max(0, remaining[arc]) / unfixed[arc] <= threshold) {
                    left -= fix(arc, share, onArc, routes);
                }
            }
        }
        return flowCount;
    }

    /** Fixes the unfixed flows on {@code arc} at {@code share}; returns how many. */
    private int fix(int arc, double share, ArcFlowIndex onArc, int[][] routes) {
        int fixed = 0;
        for (int k = 0; k < onArc.count(arc); k++) {
            int flow = onArc.flow(arc, k);
            if (flowMark[flow] == -epoch) {
                continue;
            }
            flowMark[flow] = -epoch;
            rateOf[flow] = share;
            fixed++;
            for (int hop : routes[flow]) {
                remaining[hop] -= share;
                unfixed[hop]--;
            }
        }
        return fixed;
    }

    /** Breadth-first search over arcs and flows from the seeds; returns the number of arcs. */
    private int collectComponent(int[] seeds, int seedCount, ArcFlowIndex onArc, int[][] routes) {
        int arcCount = 0;
        for (int i = 0; i < seedCount; i++) {
            if (arcMark[seeds[i]] != epoch) {
                arcMark[seeds[i]] = epoch;
                componentArcs[arcCount++] = seeds[i];
            }
        }
        flowCount = 0;
        for (int head = 0; head < arcCount; head++) {
            int arc = componentArcs[head];
            for (int k = 0; k < onArc.count(arc); k++) {
                int flow = onArc.flow(arc, k);
                if (flow >= flowMark.length) {
                    growFlows(flow + 1);
                }
                if (flowMark[flow] == epoch) {
                    continue;
                }
                flowMark[flow] = epoch;
                if (flowCount == componentFlows.length) {
                    componentFlows = Arrays.copyOf(componentFlows, 2 * flowCount);
                }
                componentFlows[flowCount++] = flow;
                for (int next : routes[flow]) {
                    if (arcMark[next] != epoch) {
                        arcMark[next] = epoch;
                        componentArcs[arcCount++] = next;
                    }
                }
            }
        }
        return arcCount;
    }

    private void growFlows(int atLeast) {
        int size = Math.max(atLeast, 2 * flowMark.length);
        flowMark = Arrays.copyOf(flowMark, size);
        rateOf = Arrays.copyOf(rateOf, size);
    }

    private void nextEpoch() {
        if (epoch == Integer.MAX_VALUE) {
            Arrays.fill(arcMark, 0);
            Arrays.fill(flowMark, 0);
            epoch = 0;
        }
        epoch++;
    }
}
