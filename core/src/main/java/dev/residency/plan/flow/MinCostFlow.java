package dev.residency.plan.flow;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Minimum-cost flow by cost scaling with push-relabel refinement: A. V. Goldberg and R. E. Tarjan,
 * "Finding minimum-cost circulations by successive approximation", Math. of OR 15(3), 1990, in the
 * form of A. V. Goldberg, "An efficient implementation of a scaling minimum-cost flow algorithm", J.
 * Algorithms 22, 1997 (the algorithm behind OR-Tools' {@code SimpleMinCostFlow}).
 *
 * <p>Costs are multiplied by {@code n + 1}; each phase divides ε by {@value #ALPHA}, saturates every
 * residual arc of negative reduced cost and then discharges active nodes in FIFO order (push on
 * admissible arcs, relabel to the largest price that makes one admissible). A flow that is
 * 1-optimal for the scaled costs is optimal, since integer costs make any ε below 1/n exact. The
 * running time is O(n² m log(nC)) and does not depend on the capacities. The heuristics of Goldberg's
 * paper (global price updates, arc fixing) are not implemented.
 *
 * <p>Stateless and thread-safe; the network is not.
 */
public final class MinCostFlow {

    /** The factor by which ε shrinks per phase. */
    public static final int ALPHA = 16;

    private MinCostFlow() {}

    /**
     * Replaces the network's flow by a minimum-cost flow meeting every node's supply and returns its
     * cost.
     *
     * @throws IllegalArgumentException if the supplies do not sum to zero, or a cost is so large that
     *     scaled prices could overflow
     * @throws IllegalStateException if no flow meets the supplies within the capacities (callers check
     *     feasibility first with {@link MaxFlow}; this is a safety net)
     */
    public static double solve(FlowNetwork network) {
        checkNotNull(network, "network");
        network.freeze();
        network.clearFlow();
        int n = network.nodeCount();
        int m = network.arcCount();
        long[] supply = network.supplies();
        long balance = 0;
        for (int v = 0; v < n; v++) {
            balance += supply[v];
        }
        checkArgument(balance == 0, "supplies must sum to zero, sum was %s", balance);
        long[] cost = network.costs();
        long maxCost = 0;
        for (int a = 0; a < m; a++) {
            maxCost = Math.max(maxCost, Math.abs(cost[a]));
        }
        long scale = n + 1L;
        checkArgument(
                maxCost < Long.MAX_VALUE / 64 / scale / scale,
                "arc cost %s is too large for %s nodes (scaled prices would overflow)",
                maxCost,
                n);
        long[] scaled = new long[m];
        for (int a = 0; a < m; a++) {
            scaled[a] = cost[a] * scale;
        }
        State state = new State(network, scaled);
        System.arraycopy(supply, 0, state.excess, 0, n);
        long epsilon = Math.max(1, maxCost * scale);
        do {
            epsilon = Math.max(1, epsilon / ALPHA);
            state.refine(epsilon);
        } while (epsilon > 1);
        return network.totalCost();
    }

    private static final class State {
        final int n;
        final int[] head;
        final long[] residual;
        final long[] cost;
        final int[] outStart;
        final int[] outArcs;
        final long[] price;
        final long[] excess;
        final int[] current;
        final int[] queue;
        final boolean[] queued;
        int queueHead;
        int queueSize;

        State(FlowNetwork network, long[] scaledCost) {
            n = network.nodeCount();
            head = network.heads();
            residual = network.residuals();
            cost = scaledCost;
            outStart = network.outStart();
            outArcs = network.outArcs();
            price = new long[n];
            excess = new long[n];
            current = new int[n];
            queue = new int[n];
            queued = new boolean[n];
        }

        void refine(long epsilon) {
            for (int v = 0; v < n; v++) {
                for (int k = outStart[v]; k < outStart[v + 1]; k++) {
                    int a = outArcs[k];
                    long r = residual[a];
                    if (r > 0 && cost[a] + price[v] - price[head[a]] < 0) {
                        residual[a] = 0;
                        residual[a ^ 1] += r;
                        excess[v] -= r;
                        excess[head[a]] += r;
                    }
                }
            }
            System.arraycopy(outStart, 0, current, 0, n);
            for (int v = 0; v < n; v++) {
                if (excess[v] > 0) {
                    enqueue(v);
                }
            }
            while (queueSize > 0) {
                int v = queue[queueHead];
                queueHead = queueHead + 1 == n ? 0 : queueHead + 1;
                queueSize--;
                queued[v] = false;
                discharge(v, epsilon);
            }
        }

        private void discharge(int v, long epsilon) {
            int end = outStart[v + 1];
            while (excess[v] > 0) {
                if (current[v] == end) {
                    relabel(v, epsilon);
                    current[v] = outStart[v];
                }
                int a = outArcs[current[v]];
                int w = head[a];
                if (residual[a] > 0 && cost[a] + price[v] - price[w] < 0) {
                    long delta = Math.min(excess[v], residual[a]);
                    residual[a] -= delta;
                    residual[a ^ 1] += delta;
                    excess[v] -= delta;
                    excess[w] += delta;
                    if (excess[w] > 0 && !queued[w]) {
                        enqueue(w);
                    }
                    if (residual[a] == 0) {
                        current[v]++;
                    }
                } else {
                    current[v]++;
                }
            }
        }

        private void relabel(int v, long epsilon) {
            long best = Long.MIN_VALUE;
            for (int k = outStart[v]; k < outStart[v + 1]; k++) {
                int a = outArcs[k];
                if (residual[a] > 0) {
                    best = Math.max(best, price[head[a]] - cost[a]);
                }
            }
            if (best == Long.MIN_VALUE || best < Long.MIN_VALUE / 4) {
                throw new IllegalStateException("no flow meets the supplies: node " + v + " has excess " + excess[v]
                        + " and nowhere to send it");
            }
            price[v] = best - epsilon;
        }

        private void enqueue(int v) {
            int tail = queueHead + queueSize;
            queue[tail >= n ? tail - n : tail] = v;
            queueSize++;
            queued[v] = true;
        }
    }
}
