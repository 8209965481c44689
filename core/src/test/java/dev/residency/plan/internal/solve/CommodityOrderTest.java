package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.internal.flow.MinCostFlow;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sequential decomposition's commodity order ({@code AggregateSolver}): a commodity that does not
 * fit after the others moves to the front and the probe is retried.
 *
 * <p>Instance: 5 Canadian records and 12 US records of 1,000 B in s. Canadian data may live only in z
 * (CA, room for exactly 5,000 B, one hop from s at 1,000 B/s); US data in x (US, two hops s-m-x at 1,000
 * B/s) or in z. Alone, US data takes 7 s (5,000 B into z and 7,000 B to x, both at 1,000 B/s) and
 * Canadian data 5 s, so the first order routes US data first; its max-flow fills z over the shorter
 * route, and the Canadian data no longer fits anywhere, at any horizon. Retried with the Canadian data
 * first, it takes z and the US data all goes to x: 12,000 B at 1,000 B/s, 12 s, the optimum.
 */
final class CommodityOrderTest {

    private static int demandOf(AggregatedProblem p, String site) {
        int v = p.topology.indexOf(site).getAsInt();
        for (int d = 0; d < p.demandCount(); d++) {
            if (p.commodityDest[p.demandCommodity[d]][v]) {
                return d;
            }
        }
        throw new AssertionError("no demand may go to " + site);
    }

    private static AggregatedProblem problem() {
        Topology topology = Topology.of(
                List.of(
                        site("s", "SG", 1L << 40),
                        site("m", "SG", 1L << 40),
                        site("x", "US", 1L << 40),
                        site("z", "CA", 5_000)),
                List.of(link("s", "z", 1_000, 0.0), link("s", "m", 1_000, 0.0), link("m", "x", 1_000, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 17);
        for (int i = 0; i < 5; i++) {
            store.add(i, Jurisdiction.CA, Category.VIDEOS, 1_000, false, 0);
        }
        for (int i = 5; i < 17; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 1_000, false, 0);
        }
        ResidencyPolicy policy = ResidencyPolicy.of(
                "two",
                Rule.move("us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US, Jurisdiction.CA)),
                Rule.move("ca", List.of(Jurisdiction.CA), SiteConstraint.in(Jurisdiction.CA)));
        return AggregatedProblem.of(
                PlanningProblem.builder().store(store.build()).policy(policy).build());
    }

    @Test
    void solve_firstOrderStarvesACommodity_retriesItFirst() {
        AggregatedProblem p = problem();
        assertThat(p.commodityCount()).isEqualTo(2);
        int us = demandOf(p, "x");
        int canadian = 1 - us;

        FlowSolution solution = AggregateSolver.solve(p);

        assertThat(solution.horizonSeconds()).isBetween(12.0, 12.0 * (1 + 1e-4));
        assertThat(solution.routedBytes[canadian]).isEqualTo(5_000);
        assertThat(solution.routedBytes[us]).isEqualTo(12_000);
        assertThat(solution.shortfall).containsOnlyNulls();
    }

    @Test
    void solve_decompositionOnly_retriesItFirstToo() {
        // The same without the exact LP: the horizon comes from the sequential probe either way.
        AggregatedProblem p = problem();

        FlowSolution solution = AggregateSolver.solve(p, Double.POSITIVE_INFINITY, MinCostFlow::solve, false);

        assertThat(solution.horizonSeconds()).isBetween(12.0, 12.0 * (1 + 1e-4));
        assertThat(solution.routedBytes()).isEqualTo(17_000);
        assertThat(solution.exactLp()).isFalse();
    }
}
