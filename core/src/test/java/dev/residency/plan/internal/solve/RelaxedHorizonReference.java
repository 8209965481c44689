package dev.residency.plan.internal.solve;

import dev.residency.plan.internal.flow.MaxFlow;

/**
 * The relaxed makespan bound as it was computed before {@link RelaxedNetworkProbe}: one relaxed
 * time-expanded network built from scratch for every horizon probed, its max-flow from zero. Kept as the
 * reference {@link RelaxedNetworkProbeTest} compares the reused network against, bit for bit.
 */
final class RelaxedHorizonReference {

    private RelaxedHorizonReference() {}

    /** Returns the relaxed network's max flow at {@code horizon} on a network built for it alone. */
    static long maxFlow(AggregatedProblem problem, boolean[] mask, long[] units, double horizon) {
        long need = need(problem, mask, units);
        long[] capacity = TimeExpandedNetwork.capacities(problem, horizon, true, need + 1);
        TimeExpandedNetwork ten = TimeExpandedNetwork.build(problem, horizon, mask, units, capacity, true, true);
        return MaxFlow.augment(ten.network, ten.source, ten.sink);
    }

    /** Returns the largest horizon found not to carry the units, one fresh network per probe. */
    static double relaxedHorizon(AggregatedProblem problem, boolean[] mask, long[] units, double precision) {
        long need = need(problem, mask, units);
        if (need == 0) {
            return 0;
        }
        HorizonSearch.Probe probe = horizon -> maxFlow(problem, mask, units, horizon) >= need;
        return HorizonSearch.search(
                problem, probe, Double.POSITIVE_INFINITY, HorizonSearch.initialLength(problem, need), precision)[0];
    }

    private static long need(AggregatedProblem problem, boolean[] mask, long[] units) {
        long need = 0;
        for (int d = 0; d < units.length; d++) {
            if (mask[problem.demandCommodity[d]]) {
                need += units[d];
            }
        }
        return need;
    }
}
