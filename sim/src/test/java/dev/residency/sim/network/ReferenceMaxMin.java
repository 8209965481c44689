package dev.residency.sim.network;

import java.util.Arrays;

/**
 * A slow, obviously correct max-min fair allocation, for comparison with {@link MaxMinSolver}.
 *
 * <p>Water filling on all flows at once, no components, no incremental state: raise the rate of
 * every unfrozen flow by the same amount until some arc is full; freeze the flows on full arcs;
 * repeat. {@link #isMaxMinFair} separately checks the textbook characterisation.
 */
final class ReferenceMaxMin {

    private ReferenceMaxMin() {}

    /** Returns the max-min fair rates of flows with the given routes over arcs with the given capacities. */
    static double[] rates(double[] capacity, int[][] routes) {
        int n = routes.length;
        double[] rate = new double[n];
        boolean[] frozen = new boolean[n];
        int left = n;
        while (left > 0) {
            // The largest common raise every unfrozen flow can take: min over arcs with unfrozen flows
            // of (capacity - current load) / (unfrozen flows on the arc).
            double raise = Double.POSITIVE_INFINITY;
            for (int arc = 0; arc < capacity.length; arc++) {
                double load = 0;
                int unfrozen = 0;
                for (int f = 0; f < n; f++) {
                    if (uses(routes[f], arc)) {
                        load += rate[f];
                        unfrozen += frozen[f] ? 0 : 1;
                    }
                }
                if (unfrozen > 0) {
                    raise = Math.min(raise, Math.max(0, capacity[arc] - load) / unfrozen);
                }
            }
            for (int f = 0; f < n; f++) {
                if (!frozen[f]) {
                    rate[f] += raise;
                }
            }
            // Freeze every unfrozen flow that crosses a full arc.
            for (int arc = 0; arc < capacity.length; arc++) {
                double load = 0;
                for (int f = 0; f < n; f++) {
                    if (uses(routes[f], arc)) {
                        load += rate[f];
                    }
                }
                if (load >= capacity[arc] * (1 - 1e-12)) {
                    for (int f = 0; f < n; f++) {
                        if (!frozen[f] && uses(routes[f], arc)) {
                            frozen[f] = true;
                            left--;
                        }
                    }
                }
            }
        }
        return rate;
    }

    /**
     * Returns a description of the first violation of max-min fairness, or null: rates must be
     * feasible, and every flow must cross a full arc on which no flow has a higher rate (its
     * bottleneck).
     */
    static String isMaxMinFair(double[] capacity, int[][] routes, double[] rate, double relativeTolerance) {
        double[] load = new double[capacity.length];
        double[] maxRate = new double[capacity.length];
        for (int f = 0; f < routes.length; f++) {
            for (int arc : routes[f]) {
                load[arc] += rate[f];
                maxRate[arc] = Math.max(maxRate[arc], rate[f]);
            }
        }
        for (int arc = 0; arc < capacity.length; arc++) {
            if (load[arc] > capacity[arc] * (1 + relativeTolerance) + 1e-9) {
                return "arc " + arc + " carries " + load[arc] + " > capacity " + capacity[arc];
            }
        }
        for (int f = 0; f < routes.length; f++) {
            boolean bottlenecked = false;
            for (int arc : routes[f]) {
                boolean full = load[arc] >= capacity[arc] * (1 - relativeTolerance) - 1e-9;
                if (full && rate[f] >= maxRate[arc] * (1 - relativeTolerance) - 1e-9) {
                    bottlenecked = true;
                }
            }
            if (!bottlenecked) {
                return "flow " + f + " over " + Arrays.toString(routes[f]) + " at " + rate[f] + " has no bottleneck";
            }
        }
        return null;
    }

    private static boolean uses(int[] route, int arc) {
        for (int a : route) {
            if (a == arc) {
                return true;
            }
        }
        return false;
    }
}
