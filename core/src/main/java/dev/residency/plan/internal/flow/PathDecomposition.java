package dev.residency.plan.internal.flow;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a flow into paths, the standard flow decomposition (Ahuja, Magnanti and Orlin, "Network
 * Flows", 1993, section 3.5): from each start node, follow arcs that still carry flow until the sink,
 * take the bottleneck, subtract it and repeat; a walk that meets itself has found a cycle, which is
 * cancelled (it carries nothing from start to sink). At most one path per arc, O(n m) in all.
 * Stateless and thread-safe; the network is only read.
 */
public final class PathDecomposition {

    private PathDecomposition() {}

    /**
     * A path of the decomposition.
     *
     * @param start the start node
     * @param arcs the network arcs in order, from {@code start} to the sink
     * @param amount the units it carries, positive
     */
    public record Path(int start, int[] arcs, long amount) {

        /** Creates a path. */
        public Path {
            checkNotNull(arcs, "arcs");
            checkArgument(amount > 0, "a path must carry a positive amount, was %s", amount);
        }
    }

    /**
     * Returns paths that carry {@code amounts[i]} units from {@code starts[i]} to {@code sink} along the
     * network's flow.
     *
     * @throws IllegalStateException if the flow does not carry those amounts (conservation broken)
     */
    public static List<Path> decompose(ResidualNetwork network, int[] starts, long[] amounts, int sink) {
        checkNotNull(network, "network");
        checkArgument(starts.length == amounts.length, "starts and amounts differ in length");
        network.freeze();
        int n = network.nodeCount();
        int[] head = network.heads();
        int[] outStart = network.outStart();
        int[] outArcs = network.outArcs();
        long[] left = new long[network.arcCount()];
        for (int a = 0; a < left.length; a += 2) {
            left[a] = network.flow(a);
        }
        int[] pointer = Arrays.copyOf(outStart, n);
        int[] position = new int[n];
        Arrays.fill(position, -1);
        int[] walk = new int[n];
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            long remaining = amounts[i];
            int start = starts[i];
            while (remaining > 0) {
                int depth = 0;
                int u = start;
                position[u] = 0;
                while (u != sink) {
                    int a = next(u, pointer, outStart, outArcs, left);
                    if (a < 0) {
                        clear(position, walk, depth, start, head);
                        throw new IllegalStateException("flow is not conserved at node " + u);
                    }
                    int v = head[a];
                    walk[depth++] = a;
                    if (position[v] >= 0) {
                        int from = position[v];
                        long cycle = Long.MAX_VALUE;
                        for (int k = from; k < depth; k++) {
                            cycle = Math.min(cycle, left[walk[k]]);
                        }
                        for (int k = from; k < depth; k++) {
                            left[walk[k]] -= cycle;
                            if (k > from) {
                                position[head[walk[k - 1]]] = -1;
                            }
                        }
                        depth = from;
                        u = v;
                    } else {
                        position[v] = depth;
                        u = v;
                    }
                }
                long amount = remaining;
                for (int k = 0; k < depth; k++) {
                    amount = Math.min(amount, left[walk[k]]);
                }
                for (int k = 0; k < depth; k++) {
                    left[walk[k]] -= amount;
                }
                clear(position, walk, depth, start, head);
                paths.add(new Path(start, Arrays.copyOf(walk, depth), amount));
                remaining -= amount;
            }
        }
        return paths;
    }

    private static int next(int u, int[] pointer, int[] outStart, int[] outArcs, long[] left) {
        for (int end = outStart[u + 1]; pointer[u] < end; pointer[u]++) {
            int a = outArcs[pointer[u]];
            if ((a & 1) == 0 && left[a] > 0) {
                return a;
            }
        }
        return -1;
    }

    private static void clear(int[] position, int[] walk, int depth, int start, int[] head) {
        position[start] = -1;
        for (int k = 0; k < depth; k++) {
            position[head[walk[k]]] = -1;
        }
    }
}
