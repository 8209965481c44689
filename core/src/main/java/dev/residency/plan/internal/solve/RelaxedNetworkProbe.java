package dev.residency.plan.internal.solve;

import dev.residency.plan.internal.flow.MaxFlow;
import dev.residency.plan.internal.flow.ResidualNetwork;
import java.util.Arrays;

/**
 * The maximum flow of some commodities' units over the relaxed {@link TimeExpandedNetwork} (data may
 * wait anywhere, capacities rounded up) at any horizon, on one network reused across the horizons of a
 * search instead of one network built per horizon. Not thread-safe.
 *
 * <p>The network is built once for the intervals the horizons need (grown by doubling when a later
 * horizon needs more). A horizon {@code h} that cuts the timeline after {@code n} intervals gets the
 * capacities {@link TimeExpandedNetwork#capacities} gives at {@code h}, and every arc of a later
 * interval (and each holdover arc into one) gets capacity 0: what is left reachable from the source is
 * the network {@link TimeExpandedNetwork#build} makes at {@code h}, so the maximum flow is the same
 * number (arcs of capacity 0 carry nothing; the order of arcs changes which flow is found, never its
 * value).
 *
 * <p>Warm start: capacities only grow with the horizon, so the maximum flow found at a horizon that
 * did not carry everything is a feasible flow at every larger one. It is kept and the next probe
 * augments from it whenever it fits the new capacities (checked arc by arc, so any order of horizons
 * stays exact); a bisection thus re-routes only the flow the last step added. And the minimum cut of
 * that flow bounds the flow at every horizon: where its capacity is below the need, {@link #fits} says
 * no without a max-flow (a bisection's failing probes near the smallest horizon that fits mostly meet
 * the same binding cut).
 */
final class RelaxedNetworkProbe {

    private final AggregatedProblem problem;
    private final boolean[] mask;
    private final long[] units;
    private final long need;
    private final int sites;
    private final int stride;

    private TimeExpandedNetwork ten;
    private int built;
    /** Each added arc's capacity at the build (its largest: that of the full intervals). */
    private long[] fullCapacity;
    /** A maximum flow at a horizon that fell short (one entry per added arc), or null. */
    private long[] baseFlow;

    private long baseValue;
    /** The arcs (added-arc indices) of the minimum cut of the last probe that fell short, or null. */
    private int[] cutArcs;

    /**
     * Creates the probe of the units {@code units} (indexed like the problem's demands) of the
     * commodities marked in {@code mask}.
     */
    RelaxedNetworkProbe(AggregatedProblem problem, boolean[] mask, long[] units) {
        this.problem = problem;
        this.mask = mask.clone();
        this.units = units.clone();
        long sum = 0;
        for (int d = 0; d < units.length; d++) {
            if (mask[problem.demandCommodity[d]]) {
                sum += units[d];
            }
        }
        this.need = sum;
        this.sites = problem.topology.siteCount();
        this.stride = problem.topology.arcCount() + 2 * sites;
    }

    /** Returns the units to carry: the sum of the marked commodities' units. */
    long need() {
        return need;
    }

    /**
     * Returns whether the relaxed network carries all {@link #need()} units by {@code horizon}. A horizon
     * at which the minimum cut of the last probe that fell short still has less capacity than the need
     * does not fit (the cut bounds the flow), and is answered without a max-flow.
     */
    boolean fits(double horizon) {
        int n = TimeExpandedNetwork.intervalsBefore(problem.timeline, horizon);
        long[] capacity = TimeExpandedNetwork.capacities(problem, horizon, true, need + 1);
        if (cutArcs != null && n <= built) {
            long sum = 0;
            for (int k = 0; k < cutArcs.length && sum < need; k++) {
                sum += capacityAt(cutArcs[k], capacity, n);
            }
            if (sum < need) {
                return false;
            }
        }
        return maxFlow(n, capacity) >= need;
    }

    /**
     * Returns the maximum flow of the relaxed network at {@code horizon}, in units (at most {@link
     * #need()}): the value {@code MaxFlow.augment} gives on {@code TimeExpandedNetwork.build(problem,
     * horizon, mask, units, capacities(problem, horizon, true, need + 1), true, true)}.
     */
    long maxFlow(double horizon) {
        return maxFlow(
                TimeExpandedNetwork.intervalsBefore(problem.timeline, horizon),
                TimeExpandedNetwork.capacities(problem, horizon, true, need + 1));
    }

    /** Returns the maximum flow with the first {@code n} intervals open at the resource capacities {@code capacity}. */
    private long maxFlow(int n, long[] capacity) {
        if (ten == null || n > built) {
            build(ten == null ? n : Math.max(n, Math.min(problem.timeline.intervalCount(), 2 * built)));
        }
        ResidualNetwork network = ten.network;
        network.clearFlow();
        int arcs = network.arcCount() / 2;
        boolean warm = baseFlow != null;
        for (int k = 0; k < arcs; k++) {
            long cap = capacityAt(k, capacity, n);
            network.setCapacity(2 * k, cap);
            warm &= baseFlow != null && baseFlow[k] <= cap;
        }
        long value = 0;
        if (warm) {
            network.setFlows(baseFlow);
            value = baseValue;
        }
        value += MaxFlow.augment(network, ten.source, ten.sink);
        if (value < need) {
            baseFlow = network.flows();
            baseValue = value;
            boolean[] side = MaxFlow.sourceSide(network, ten.source);
            int[] cut = new int[arcs];
            int count = 0;
            for (int k = 0; k < arcs; k++) {
                if (side[network.tail(2 * k)] && !side[network.head(2 * k)]) {
                    cut[count++] = k;
                }
            }
            cutArcs = Arrays.copyOf(cut, count);
        }
        return value;
    }

    /**
     * Returns the capacity of added arc {@code k} with the first {@code n} intervals open at the resource
     * capacities {@code capacity} ({@link TimeExpandedNetwork#capacities} at a horizon cutting {@code n}
     * intervals): a resource's capacity if its interval is open, the build's capacity for the other arcs
     * of open intervals and between them, else 0.
     */
    private long capacityAt(int k, long[] capacity, int n) {
        int r = ten.arcResource[k];
        int storageResources = built * stride;
        if (r >= storageResources) {
            return capacity[n * stride + r - storageResources];
        }
        if (r >= 0) {
            return r / stride < n ? capacity[r] : 0;
        }
        int head = ten.network.head(2 * k);
        boolean later = ten.arcInterval[k] >= n || (head < built * 3 * sites && head / (3 * sites) >= n);
        return later ? 0 : fullCapacity[k];
    }

    /** Builds the network of the first {@code intervals} intervals at their full lengths. */
    private void build(int intervals) {
        Timeline timeline = problem.timeline;
        double horizon = intervals < timeline.intervalCount() ? timeline.start(intervals) : Double.POSITIVE_INFINITY;
        long[] capacity = TimeExpandedNetwork.capacities(problem, horizon, true, need + 1);
        ten = TimeExpandedNetwork.build(problem, horizon, mask, units, capacity, true, true);
        built = ten.intervals;
        ResidualNetwork network = ten.network;
        fullCapacity = new long[network.arcCount() / 2];
        for (int k = 0; k < fullCapacity.length; k++) {
            fullCapacity[k] = network.capacity(2 * k);
        }
        baseFlow = null;
        baseValue = 0;
        cutArcs = null;
    }
}
