package dev.residency.plan.internal.flow;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;

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
 * running time is O(n² m log(nC)) and does not depend on the capacities.
 *
 * <p>Heuristics of Goldberg's paper implemented here:
 *
 * <ul>
 *   <li>global price updates, at the start of each phase and after every {@code n} relabels;
 *   <li>speculative arc fixing: from the second phase on, an arc pair whose reduced cost exceeds
 *       {@value #FIXING_FACTOR}·ε on its residual side (the other side being empty) leaves the graph
 *       that pushes, relabels and price updates scan. Goldberg and Tarjan (1990) show that an arc
 *       whose reduced cost exceeds 2nε in an ε-optimal flow keeps its flow in every later phase; the
 *       smaller threshold is a guess, so at the end of each phase every fixed arc that may violate
 *       ε-optimality is checked (a lower bound per node, valid because prices only fall, rules out the
 *       rest), and one that does is put back and saturated and the phase goes on. The last phase
 *       therefore ends with a flow that is 1-optimal on every arc, fixed or not, which is the
 *       optimality certificate above. If the guess cuts every path from an excess to a deficit, all
 *       arcs are put back.
 *   <li>a relabel that stops at the first arc that a decrease of ε makes admissible, as OR-Tools
 *       does; the full scan finds the largest decrease otherwise.
 * </ul>
 *
 * <p>Push look-ahead is not implemented (it was slower here). The solver works on its own copy of the
 * arcs in compressed-sparse-row order (each node's arcs contiguous, with the reverse arc's residual
 * capacity stored beside each arc), which it writes back to the network at the end. That copy and
 * the scratch arrays of arc fixing take about 106 bytes per arc added to the network, for the
 * duration of a solve.
 *
 * <p>Stateless and thread-safe; the network is not.
 */
public final class MinCostFlow {

    /** The factor by which ε shrinks per phase. */
    public static final int ALPHA = 16;

    /** Speculative arc fixing: the multiple of ε above which an arc's reduced cost fixes it. */
    static final long FIXING_FACTOR = 64;

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
    public static double solve(ResidualNetwork network) {
        return solve(network, FIXING_FACTOR);
    }

    /**
     * Solves as {@link #solve(ResidualNetwork)} does, fixing arcs above {@code fixingFactor}·ε, or never
     * if it is 0; tests use small factors to exercise the repair of wrong guesses.
     */
    static double solve(ResidualNetwork network, long fixingFactor) {
        checkNotNull(network, "network");
        checkArgument(fixingFactor >= 0, "fixingFactor must not be negative, was %s", fixingFactor);
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
        State state = new State(network, scale);
        System.arraycopy(supply, 0, state.excess, 0, n);
        long epsilon = Math.max(1, maxCost * scale);
        boolean firstPhase = true;
        do {
            epsilon = Math.max(1, epsilon / ALPHA);
            // The first phase starts from the zero flow, which is not feasible: nothing to fix yet.
            if (!firstPhase && fixingFactor > 0) {
                state.fixArcs(fixingFactor * epsilon);
            }
            firstPhase = false;
            state.refine(epsilon);
        } while (epsilon > 1);
        state.copyResidualsTo(network.residuals());
        return network.totalCost();
    }

    private static final class State {
        /** The heap index of a node whose distance is final. */
        static final int SCANNED = -2;

        final int n;
        // Arcs in compressed-sparse-row order: node v owns positions first[v] .. first[v+1]-1, of which
        // first[v] .. liveEnd[v]-1 are live and the rest fixed.
        final int[] first;
        final int[] liveEnd;
        int[] head;
        long[] cost;
        long[] residual;
        /** The residual capacity of the position's reverse, {@code residual[mate[k]]}, kept in step. */
        long[] reverseResidual;

        int[] mate;
        int[] arcId;
        /**
         * A lower bound on {@code cost[k] - price[head[k]]} over the fixed positions {@code k} of each node
         * with residual capacity, or {@code Long.MAX_VALUE} if none: prices only fall, so no fixed arc
         * of {@code v} can violate ε-optimality while {@code fixedBound[v] + price[v] >= -ε}.
         */
        final long[] fixedBound;
        // Scratch for fixArcs, allocated on first use.
        boolean[] marked;
        int[] newPosition;
        int[] spareInts;
        long[] spareLongs;
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
        int fixedPairs;

        State(ResidualNetwork network, long scale) {
            n = network.nodeCount();
            int[] outStart = network.outStart();
            int[] outArcs = network.outArcs();
            int[] heads = network.heads();
            long[] residuals = network.residuals();
            long[] costs = network.costs();
            int m = outArcs.length;
            first = outStart.clone();
            liveEnd = new int[n];
            System.arraycopy(first, 1, liveEnd, 0, n);
            head = new int[m];
            cost = new long[m];
            residual = new long[m];
            reverseResidual = new long[m];
            mate = new int[m];
            arcId = outArcs.clone();
            // mate first holds each arc's position, then each position's mate.
            for (int k = 0; k < m; k++) {
                mate[arcId[k]] = k;
            }
            int[] position = mate.clone();
            for (int k = 0; k < m; k++) {
                int a = arcId[k];
                head[k] = heads[a];
                cost[k] = costs[a] * scale;
                residual[k] = residuals[a];
                reverseResidual[k] = residuals[a ^ 1];
                mate[k] = position[a ^ 1];
            }
            fixedBound = new long[n];
            Arrays.fill(fixedBound, Long.MAX_VALUE);
            price = new long[n];
            excess = new long[n];
            current = new int[n];
            queue = new int[n];
            queued = new boolean[n];
            distance = new long[n];
            heap = new int[n];
            heapIndex = new int[n];
        }

        void copyResidualsTo(long[] residuals) {
            for (int k = 0; k < arcId.length; k++) {
                residuals[arcId[k]] = residual[k];
            }
        }

        void refine(long epsilon) {
            for (int v = 0; v < n; v++) {
                long pv = price[v];
                for (int k = first[v]; k < liveEnd[v]; k++) {
                    long r = residual[k];
                    if (r > 0 && cost[k] + pv - price[head[k]] < 0) {
                        push(v, k, r);
                    }
                }
            }
            for (int v = 0; v < n; v++) {
                if (excess[v] > 0 && !queued[v]) {
                    enqueue(v);
                }
            }
            do {
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
            } while (restoreViolatedArcs(epsilon));
        }

        private void push(int v, int k, long delta) {
            residual[k] -= delta;
            reverseResidual[k] += delta;
            int back = mate[k];
            residual[back] += delta;
            reverseResidual[back] -= delta;
            excess[v] -= delta;
            excess[head[k]] += delta;
        }

        private void discharge(int v, long epsilon) {
            while (excess[v] > 0) {
                int k = current[v];
                if (k == liveEnd[v]) {
                    relabel(v, epsilon);
                    continue;
                }
                int w = head[k];
                if (residual[k] > 0 && cost[k] + price[v] - price[w] < 0) {
                    push(v, k, Math.min(excess[v], residual[k]));
                    if (excess[w] > 0 && !queued[w]) {
                        enqueue(w);
                    }
                    if (residual[k] == 0) {
                        current[v]++;
                    }
                } else {
                    current[v]++;
                }
            }
        }

        /**
         * Lowers the price of {@code v}, which has no admissible arc, and points its current arc at the
         * first arc that may be admissible. As in OR-Tools, the scan stops at the first residual arc that
         * the smallest decrease (ε) makes admissible; arcs before it stay inadmissible at the new price.
         * Otherwise the price drops to the largest value that keeps ε-optimality, and the current arc is
         * the first arc reaching it unless an earlier arc came within ε of it.
         */
        private void relabel(int v, long epsilon) {
            relabels++;
            long guaranteed = price[v] - epsilon;
            long best = Long.MIN_VALUE;
            long previous = Long.MIN_VALUE;
            int bestK = -1;
            int start = first[v];
            int end = liveEnd[v];
            for (int k = start; k < end; k++) {
                // A self-loop's reduced cost does not depend on prices: relabelling cannot make it admissible.
                if (residual[k] > 0 && head[k] != v) {
                    long p = price[head[k]] - cost[k];
                    if (p > guaranteed) {
                        price[v] = guaranteed;
                        current[v] = k;
                        return;
                    }
                    if (p > best) {
                        previous = best;
                        best = p;
                        bestK = k;
                    }
                }
            }
            if (best == Long.MIN_VALUE) {
                if (fixedPairs > 0) {
                    restoreAll(epsilon);
                    return;
                }
                throw new IllegalStateException("no flow meets the supplies: node " + v + " has excess " + excess[v]
                        + " and nowhere to send it");
            }
            price[v] = best - epsilon;
            current[v] = previous <= price[v] ? bestK : start;
        }

        /**
         * Speculative arc fixing (Goldberg and Tarjan 1990, section 6; Goldberg 1997): a pair whose
         * reduced cost exceeds {@code threshold} on its residual side and which is saturated the other
         * way leaves the live graph. Few newly fixed pairs are swapped to the end of their nodes' live
         * ranges; many (the first time, typically most of the arcs) are moved by one stable
         * permutation of the arc arrays, which is far cheaper than as many swaps.
         */
        void fixArcs(long threshold) {
            int pairs = 0;
            int live = 0;
            for (int v = 0; v < n; v++) {
                live += liveEnd[v] - first[v];
                for (int k = first[v]; k < liveEnd[v]; k++) {
                    if (fixable(v, k, threshold)) {
                        fixedBound[v] = Math.min(fixedBound[v], cost[k] - price[head[k]]);
                        pairs++;
                    }
                }
            }
            if (pairs == 0) {
                return;
            }
            fixedPairs += pairs;
            if (16L * pairs < live) {
                for (int v = 0; v < n; v++) {
                    int k = first[v];
                    while (k < liveEnd[v]) {
                        if (fixable(v, k, threshold)) {
                            int w = head[k];
                            liveEnd[w]--;
                            swap(mate[k], liveEnd[w]);
                            liveEnd[v]--;
                            swap(k, liveEnd[v]);
                        } else {
                            k++;
                        }
                    }
                }
                return;
            }
            int m = head.length;
            if (marked == null) {
                marked = new boolean[m];
            }
            for (int v = 0; v < n; v++) {
                for (int k = first[v]; k < liveEnd[v]; k++) {
                    if (fixable(v, k, threshold)) {
                        marked[k] = true;
                        marked[mate[k]] = true;
                    }
                }
            }
            permute(m);
        }

        /**
         * Returns whether the live arc at position {@code k} of {@code v} is fixed at this threshold:
         * not a self-loop, its reverse empty and its reduced cost above the threshold. Prices do not
         * change while arcs are fixed, so the answer is the same on every call of one {@link #fixArcs}.
         */
        private boolean fixable(int v, int k, long threshold) {
            int w = head[k];
            return w != v && reverseResidual[k] == 0 && cost[k] + price[v] - price[w] > threshold;
        }

        /** Moves the marked live positions of every node behind its unmarked ones, keeping their order. */
        private void permute(int m) {
            if (newPosition == null) {
                newPosition = new int[m];
                spareInts = new int[m];
                spareLongs = new long[m];
            }
            int[] to = newPosition;
            for (int v = 0; v < n; v++) {
                int p = first[v];
                for (int k = first[v]; k < liveEnd[v]; k++) {
                    if (!marked[k]) {
                        to[k] = p++;
                    }
                }
                int newLiveEnd = p;
                for (int k = first[v]; k < liveEnd[v]; k++) {
                    if (marked[k]) {
                        marked[k] = false;
                        to[k] = p++;
                    }
                }
                for (int k = liveEnd[v]; k < first[v + 1]; k++) {
                    to[k] = p++;
                }
                liveEnd[v] = newLiveEnd;
            }
            head = permuted(head, to);
            arcId = permuted(arcId, to);
            int[] ints = spareInts;
            for (int k = 0; k < m; k++) {
                ints[to[k]] = to[mate[k]];
            }
            spareInts = mate;
            mate = ints;
            cost = permuted(cost, to);
            residual = permuted(residual, to);
            reverseResidual = permuted(reverseResidual, to);
        }

        private int[] permuted(int[] values, int[] to) {
            int[] result = spareInts;
            for (int k = 0; k < values.length; k++) {
                result[to[k]] = values[k];
            }
            spareInts = values;
            return result;
        }

        private long[] permuted(long[] values, int[] to) {
            long[] result = spareLongs;
            for (int k = 0; k < values.length; k++) {
                result[to[k]] = values[k];
            }
            spareLongs = values;
            return result;
        }

        /**
         * Puts back every fixed arc that violates ε-optimality, saturated, and returns whether there was
         * one. Only nodes whose {@link #fixedBound} allows a violation are scanned; their bound is then
         * recomputed over the arcs that stay fixed.
         */
        private boolean restoreViolatedArcs(long epsilon) {
            if (fixedPairs == 0) {
                return false;
            }
            boolean any = false;
            for (int v = 0; v < n; v++) {
                if (fixedBound[v] == Long.MAX_VALUE || fixedBound[v] + price[v] >= -epsilon) {
                    continue;
                }
                long pv = price[v];
                long bound = Long.MAX_VALUE;
                for (int k = liveEnd[v]; k < first[v + 1]; k++) {
                    if (residual[k] > 0) {
                        long c = cost[k] - price[head[k]];
                        if (c + pv < -epsilon) {
                            int live = unfix(v, k);
                            push(v, live, residual[live]);
                            any = true;
                        } else {
                            bound = Math.min(bound, c);
                        }
                    }
                }
                fixedBound[v] = bound;
            }
            if (any) {
                for (int v = 0; v < n; v++) {
                    if (excess[v] > 0 && !queued[v]) {
                        enqueue(v);
                    }
                }
            }
            return any;
        }

        private void restoreAll(long epsilon) {
            Arrays.fill(fixedBound, Long.MAX_VALUE);
            for (int v = 0; v < n; v++) {
                while (liveEnd[v] < first[v + 1]) {
                    int k = unfix(v, liveEnd[v]);
                    if (residual[k] > 0 && cost[k] + price[v] - price[head[k]] < -epsilon) {
                        push(v, k, residual[k]);
                    }
                }
            }
            for (int v = 0; v < n; v++) {
                current[v] = first[v];
                if (excess[v] > 0 && !queued[v]) {
                    enqueue(v);
                }
            }
        }

        /** Makes the fixed arc at position {@code k} of {@code v} live with its mate; returns its position. */
        private int unfix(int v, int k) {
            int w = head[k];
            swap(mate[k], liveEnd[w]);
            liveEnd[w]++;
            int live = liveEnd[v]++;
            swap(k, live);
            fixedPairs--;
            return live;
        }

        private void swap(int i, int j) {
            if (i == j) {
                return;
            }
            int h = head[i];
            head[i] = head[j];
            head[j] = h;
            long c = cost[i];
            cost[i] = cost[j];
            cost[j] = c;
            long r = residual[i];
            residual[i] = residual[j];
            residual[j] = r;
            r = reverseResidual[i];
            reverseResidual[i] = reverseResidual[j];
            reverseResidual[j] = r;
            int id = arcId[i];
            arcId[i] = arcId[j];
            arcId[j] = id;
            int mi = mate[j];
            int mj = mate[i];
            mate[i] = mi;
            mate[j] = mj;
            mate[mi] = i;
            mate[mj] = j;
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
            System.arraycopy(first, 0, current, 0, n);
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
                long pw = price[w];
                for (int k = first[w]; k < liveEnd[w]; k++) {
                    int u = head[k];
                    if (reverseResidual[k] > 0 && heapIndex[u] != SCANNED) {
                        long reduced = price[u] - cost[k] - pw;
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
            if (active > 0) {
                if (fixedPairs > 0) {
                    restoreAll(epsilon);
                    updatePrices(epsilon);
                    return;
                }
                throw new IllegalStateException("no flow meets the supplies: " + active
                        + " nodes with excess cannot reach a node with a deficit");
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
