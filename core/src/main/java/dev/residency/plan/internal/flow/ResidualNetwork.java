package dev.residency.plan.internal.flow;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkState;

import java.util.Arrays;

/**
 * A directed network with integer capacities and costs, stored as a residual graph in primitive
 * arrays. Arc {@code 2k} is the {@code k}-th arc added and {@code 2k+1} its reverse (residual) arc, so
 * the reverse of arc {@code a} is {@code a ^ 1}. Out-arcs of each node are kept in compressed-sparse
 * row form, built once by {@link #freeze()}; capacities may still change afterwards.
 *
 * <p>Capacities and flows are in abstract <em>units</em> (the planner chooses how many bytes a unit
 * is, so that sums stay far below {@code Long.MAX_VALUE}); costs are integers per unit. Not
 * thread-safe.
 */
public final class ResidualNetwork {

    private final int nodes;
    private int arcs;
    private int[] head;
    private long[] residual;
    private long[] capacity;
    private long[] cost;
    private long[] supply;
    private int[] outStart;
    private int[] outArcs;

    /**
     * Creates a network of {@code nodes} nodes with room for {@code expectedArcs} arcs.
     *
     * @throws IllegalArgumentException if {@code nodes} is not positive or {@code expectedArcs} negative
     */
    public ResidualNetwork(int nodes, int expectedArcs) {
        checkArgument(nodes > 0, "nodes must be positive, was %s", nodes);
        checkArgument(expectedArcs >= 0, "expectedArcs must not be negative, was %s", expectedArcs);
        this.nodes = nodes;
        int room = Math.max(8, 2 * expectedArcs);
        head = new int[room];
        residual = new long[room];
        capacity = new long[room];
        cost = new long[room];
        supply = new long[nodes];
    }

    /**
     * Adds an arc and returns its id (even); its reverse is {@code id + 1}.
     *
     * @throws IllegalArgumentException if a node is out of range or the capacity negative
     * @throws IllegalStateException if the network is frozen
     */
    public int addArc(int from, int to, long arcCapacity, long arcCost) {
        checkState(outStart == null, "the network is frozen; add arcs before freeze()");
        checkElementIndex(from, nodes, "from");
        checkElementIndex(to, nodes, "to");
        checkArgument(arcCapacity >= 0, "arc capacity must not be negative, was %s", arcCapacity);
        if (arcs + 2 > head.length) {
            int room = head.length * 2;
            head = Arrays.copyOf(head, room);
            residual = Arrays.copyOf(residual, room);
            capacity = Arrays.copyOf(capacity, room);
            cost = Arrays.copyOf(cost, room);
        }
        int a = arcs;
        head[a] = to;
        head[a + 1] = from;
        residual[a] = arcCapacity;
        capacity[a] = arcCapacity;
        cost[a] = arcCost;
        cost[a + 1] = -arcCost;
        arcs += 2;
        return a;
    }

    /** Builds the out-arc index; call once after the last {@link #addArc}. Returns this network. */
    public ResidualNetwork freeze() {
        if (outStart != null) {
            return this;
        }
        outStart = new int[nodes + 1];
        for (int a = 0; a < arcs; a++) {
            outStart[head[a ^ 1] + 1]++;
        }
        for (int v = 0; v < nodes; v++) {
            outStart[v + 1] += outStart[v];
        }
        outArcs = new int[arcs];
        int[] fill = Arrays.copyOf(outStart, nodes);
        for (int a = 0; a < arcs; a++) {
            outArcs[fill[head[a ^ 1]]++] = a;
        }
        return this;
    }

    /** Returns the number of nodes. */
    public int nodeCount() {
        return nodes;
    }

    /** Returns the number of arcs including reverse arcs (twice the number added). */
    public int arcCount() {
        return arcs;
    }

    /** Returns the node arc {@code a} enters. */
    public int head(int a) {
        return head[a];
    }

    /** Returns the node arc {@code a} leaves. */
    public int tail(int a) {
        return head[a ^ 1];
    }

    /** Returns the flow on arc {@code a} (an added arc: even id), in units. */
    public long flow(int a) {
        return capacity[a] - residual[a];
    }

    /** Returns the capacity of added arc {@code a}, in units. */
    public long capacity(int a) {
        return capacity[a];
    }

    /** Returns the cost per unit of arc {@code a} (negated on reverse arcs). */
    public long cost(int a) {
        return cost[a];
    }

    /**
     * Sets the capacity of added arc {@code a}, keeping its flow.
     *
     * @throws IllegalArgumentException if the new capacity is below the arc's current flow
     */
    public void setCapacity(int a, long newCapacity) {
        checkArgument((a & 1) == 0, "arc %s is a reverse arc", a);
        long flow = flow(a);
        checkArgument(newCapacity >= flow, "capacity %s of arc %s is below its flow %s", newCapacity, a, flow);
        capacity[a] = newCapacity;
        residual[a] = newCapacity - flow;
    }

    /** Sets the supply of {@code node}: positive where flow enters, negative where it leaves. */
    public void setSupply(int node, long nodeSupply) {
        supply[node] = nodeSupply;
    }

    /** Returns the supply of {@code node}. */
    public long supply(int node) {
        return supply[node];
    }

    /** Removes all flow. */
    public void clearFlow() {
        System.arraycopy(capacity, 0, residual, 0, arcs);
        for (int a = 1; a < arcs; a += 2) {
            residual[a] = 0;
        }
    }

    /**
     * Returns a copy of the current flow: entry {@code k} is the flow on the {@code k}-th arc added
     * (arc id {@code 2k}), in units. {@link #setFlows} puts it back.
     */
    public long[] flows() {
        long[] flows = new long[arcs / 2];
        for (int k = 0; k < flows.length; k++) {
            flows[k] = flow(2 * k);
        }
        return flows;
    }

    /**
     * Replaces the current flow with {@code flows} (one entry per arc added, as {@link #flows} returns),
     * keeping the capacities. The caller keeps flow conservation: a flow saved by {@link #flows} keeps it
     * whatever capacities were set in between.
     *
     * @throws IllegalArgumentException if {@code flows} does not have one entry per added arc, or an
     *     entry is negative or above its arc's capacity
     */
    public void setFlows(long[] flows) {
        checkArgument(flows.length == arcs / 2, "flows has %s entries for %s arcs", flows.length, arcs / 2);
        for (int k = 0; k < flows.length; k++) {
            int a = 2 * k;
            checkArgument(
                    flows[k] >= 0 && flows[k] <= capacity[a],
                    "flow %s of arc %s is outside [0, %s]",
                    flows[k],
                    a,
                    capacity[a]);
        }
        for (int k = 0; k < flows.length; k++) {
            int a = 2 * k;
            residual[a] = capacity[a] - flows[k];
            residual[a + 1] = flows[k];
        }
    }

    /** Returns the total cost of the current flow, {@code sum flow(a) * cost(a)}, as a double. */
    public double totalCost() {
        double sum = 0;
        for (int a = 0; a < arcs; a += 2) {
            sum += (double) flow(a) * cost[a];
        }
        return sum;
    }

    // Package-private raw access for the algorithms of this package.
    int[] heads() {
        return head;
    }

    long[] residuals() {
        return residual;
    }

    long[] costs() {
        return cost;
    }

    long[] supplies() {
        return supply;
    }

    int[] outStart() {
        checkState(outStart != null, "freeze() the network first");
        return outStart;
    }

    int[] outArcs() {
        return outArcs;
    }
}
