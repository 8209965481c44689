package dev.residency.plan.internal.flow;

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
 * running time is O(n² m log(nC)) and does not depend on the capacities. Of the heuristics of
 * Goldberg's paper, global price updates are implemented (at the start of each phase and after every
 * {@code n} relabels); arc fixing and push look-ahead are not.
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
        /** The heap index of a node whose distance is final. */
        static final int SCANNED = -2;

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
        final long[] distance;
        final int[] heap;
        final int[] heapIndex;
        int queueHead;
        int queueSize;
        int relabels;

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
            distance = new long[n];
            heap = new int[n];
            heapIndex = new int[n];
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
            for (int v = 0; v < n; v++) {
                if (excess[v] > 0) {
                    enqueue(v);
                }
            }
            updatePrices(epsilon);
            while (queueSize > 0) {
                if (relabels > n) {
                    updatePrices(epsilon);
                }
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
            relabels++;
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

        /**
         * Goldberg's (1997) global price update: a Dijkstra search backwards from the nodes with a
         * deficit over residual arcs of length floor(reduced cost / ε) + 1, which is at least 0 since
         * the flow is ε-optimal; lowering each price by ε times its distance keeps ε-optimality
         * (c'(v,w) = c(v,w) - ε d(v) + ε d(w) ≥ c(v,w) - ε floor(c(v,w)/ε) - ε ≥ -ε) and gives every
         * active node an admissible path to a deficit. The search stops once every active node is
         * labelled; nodes not labelled by then get the last label, which is at most their distance and
         * at least every label given, so the inequality above still holds on every residual arc.
         */
        private void updatePrices(long epsilon) {
            relabels = 0;
            // Lower prices can make arcs before a node's current arc admissible: rescan from the start.
            System.arraycopy(outStart, 0, current, 0, n);
            int active = 0;
            int heapSize = 0;
            for (int v = 0; v < n; v++) {
                heapIndex[v] = -1;
                distance[v] = Long.MAX_VALUE;
                if (excess[v] > 0) {
                    active++;
                } else if (excess[v] < 0) {
                    distance[v] = 0;
                    heapIndex[v] = heapSize;
                    heap[heapSize++] = v;
                }
            }
            if (active == 0) {
                return;
            }
            long last = 0;
            while (heapSize > 0 && active > 0) {
                int w = heap[0];
                heapSize--;
                if (heapSize > 0) {
                    heap[0] = heap[heapSize];
                    heapIndex[heap[0]] = 0;
                    siftDown(0, heapSize);
                }
                heapIndex[w] = SCANNED;
                last = distance[w];
                if (excess[w] > 0) {
                    active--;
                }
                for (int k = outStart[w]; k < outStart[w + 1]; k++) {
                    int r = outArcs[k] ^ 1;
                    int u = head[outArcs[k]];
                    if (residual[r] > 0 && heapIndex[u] != SCANNED) {
                        long reduced = cost[r] + price[u] - price[w];
                        long d = last + (reduced < 0 ? 0 : reduced / epsilon + 1);
                        if (d < distance[u]) {
                            distance[u] = d;
                            if (heapIndex[u] < 0) {
                                heapIndex[u] = heapSize;
                                heap[heapSize++] = u;
                            }
                            siftUp(heapIndex[u]);
                        }
                    }
                }
            }
            for (int v = 0; v < n; v++) {
                price[v] -= epsilon * (heapIndex[v] == SCANNED ? distance[v] : last);
            }
        }

        private void siftUp(int i) {
            int v = heap[i];
            long d = distance[v];
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                int p = heap[parent];
                if (distance[p] <= d) {
                    break;
                }
                heap[i] = p;
                heapIndex[p] = i;
                i = parent;
            }
            heap[i] = v;
            heapIndex[v] = i;
        }

        private void siftDown(int i, int size) {
            int v = heap[i];
            long d = distance[v];
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && distance[heap[child + 1]] < distance[heap[child]]) {
                    child++;
                }
                int c = heap[child];
                if (distance[c] >= d) {
                    break;
                }
                heap[i] = c;
                heapIndex[c] = i;
                i = child;
            }
            heap[i] = v;
            heapIndex[v] = i;
        }

        private void enqueue(int v) {
            int tail = queueHead + queueSize;
            queue[tail >= n ? tail - n : tail] = v;
            queueSize++;
            queued[v] = true;
        }
    }
}
