package dev.residency.plan.internal.flow;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;

/**
 * Maximum flow by Dinic's algorithm (E. A. Dinic, "Algorithm for solution of a problem of maximum
 * flow in a network with power estimation", Soviet Math. Doklady 11, 1970): breadth-first levels in
 * the residual graph, then a blocking flow by depth-first search with current-arc pointers, done
 * iteratively so that long paths cannot overflow the Java stack. O(n² m) in general, far less on the
 * planner's layered networks.
 *
 * <p>It augments the network's current flow, so raising capacities and calling it again continues
 * from where it stopped (the planner enables priority classes one after another this way). Stateless
 * and thread-safe; the network is not.
 */
public final class MaxFlow {

    private MaxFlow() {}

    /**
     * Augments the flow from {@code source} to {@code sink} until it is maximum and returns the units
     * added.
     *
     * @throws IllegalArgumentException if the two nodes are the same
     */
    public static long augment(ResidualNetwork network, int source, int sink) {
        checkNotNull(network, "network");
        network.freeze();
        int n = network.nodeCount();
        checkElementIndex(source, n, "source");
        checkElementIndex(sink, n, "sink");
        checkArgument(source != sink, "source and sink must differ, both were %s", source);
        int[] head = network.heads();
        long[] residual = network.residuals();
        int[] outStart = network.outStart();
        int[] outArcs = network.outArcs();
        int[] level = new int[n];
        int[] queue = new int[n];
        int[] current = new int[n];
        int[] path = new int[n];
        long total = 0;
        while (levels(source, sink, head, residual, outStart, outArcs, level, queue)) {
            System.arraycopy(outStart, 0, current, 0, n);
            int depth = 0;
            int u = source;
            while (true) {
                if (u == sink) {
                    long push = Long.MAX_VALUE;
                    for (int i = 0; i < depth; i++) {
                        push = Math.min(push, residual[path[i]]);
                    }
                    int firstSaturated = -1;
                    for (int i = 0; i < depth; i++) {
                        int a = path[i];
                        residual[a] -= push;
                        residual[a ^ 1] += push;
                        if (residual[a] == 0 && firstSaturated < 0) {
                            firstSaturated = i;
                        }
                    }
                    total += push;
                    depth = firstSaturated;
                    u = head[path[depth] ^ 1];
                    continue;
                }
                boolean advanced = false;
                for (int end = outStart[u + 1]; current[u] < end; current[u]++) {
                    int a = outArcs[current[u]];
                    int v = head[a];
                    if (residual[a] > 0 && level[v] == level[u] + 1) {
                        path[depth++] = a;
                        u = v;
                        advanced = true;
                        break;
                    }
                }
                if (!advanced) {
                    if (u == source) {
                        break;
                    }
                    level[u] = -1;
                    int a = path[--depth];
                    u = head[a ^ 1];
                    current[u]++;
                }
            }
        }
        return total;
    }

    /**
     * Returns which nodes the source reaches in the residual graph: after a maximum flow, the source
     * side of a minimum cut.
     */
    public static boolean[] sourceSide(ResidualNetwork network, int source) {
        network.freeze();
        int n = network.nodeCount();
        int[] head = network.heads();
        long[] residual = network.residuals();
        int[] outStart = network.outStart();
        int[] outArcs = network.outArcs();
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        int tail = 0;
        queue[tail++] = source;
        seen[source] = true;
        for (int h = 0; h < tail; h++) {
            int u = queue[h];
            for (int k = outStart[u]; k < outStart[u + 1]; k++) {
                int a = outArcs[k];
                if (residual[a] > 0 && !seen[head[a]]) {
                    seen[head[a]] = true;
                    queue[tail++] = head[a];
                }
            }
        }
        return seen;
    }

    private static boolean levels(
            int source,
            int sink,
            int[] head,
            long[] residual,
            int[] outStart,
            int[] outArcs,
            int[] level,
            int[] queue) {
        Arrays.fill(level, -1);
        level[source] = 0;
        int tail = 0;
        queue[tail++] = source;
        for (int h = 0; h < tail; h++) {
            int u = queue[h];
            for (int k = outStart[u]; k < outStart[u + 1]; k++) {
                int a = outArcs[k];
                int v = head[a];
                if (residual[a] > 0 && level[v] < 0) {
                    level[v] = level[u] + 1;
                    queue[tail++] = v;
                }
            }
        }
        return level[sink] >= 0;
    }
}
