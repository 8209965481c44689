package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.keepIn;
import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.internal.flow.MinCostFlow;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.topology.Topology;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What {@link AggregateSolver} says about how it solved, and which routing it keeps, on small instances
 * whose answer is read off by hand: the method's text for one and for two commodities, when the exact
 * multi-commodity LP is tried (two commodities with data, within the variable limit, inclusive) and when
 * not (the LP switched off, only one commodity with data), nothing to route at all, and the least-egress
 * routing kept as the fallback.
 */
final class AggregateSolverMethodTest {

    private static final String SINGLE = "exact: single-commodity max-flow (Dinic) horizon search";
    private static final String SEQUENTIAL =
            "sequential decomposition over 2 commodities (max-flow per commodity on residual capacities)";
    private static final Pattern LP_SIZE = Pattern.compile("its LP would have (\\d+) variables");

    /**
     * {@code CommodityOrderTest}'s instance at {@code recordBytes} a record and {@code rate} B/s a link: 5
     * Canadian and 12 US records at s; Canadian data only in z (room for exactly its 5 records, one hop),
     * US data in x (two hops) or z. Time step {@code step}. The optimum routes the Canadian data to z and the US
     * data to x: 12 records over the s-m-x route.
     */
    private static AggregatedProblem twoCommodities(long recordBytes, double rate, Duration step) {
        Topology topology = Topology.of(
                List.of(
                        site("s", "SG", 1L << 40),
                        site("m", "SG", 1L << 40),
                        site("x", "US", 1L << 40),
                        site("z", "CA", 5 * recordBytes)),
                List.of(link("s", "z", rate, 0.0), link("s", "m", rate, 0.0), link("m", "x", rate, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 17);
        for (int i = 0; i < 5; i++) {
            store.add(i, Jurisdiction.CA, Category.VIDEOS, recordBytes, false, 0);
        }
        for (int i = 5; i < 17; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, recordBytes, false, 0);
        }
        ResidencyPolicy policy = ResidencyPolicy.of(
                "two",
                Rule.move("us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US, Jurisdiction.CA)),
                Rule.move("ca", List.of(Jurisdiction.CA), SiteConstraint.in(Jurisdiction.CA)));
        return AggregatedProblem.of(PlanningProblem.builder()
                .store(store.build())
                .policy(policy)
                .options(PlanOptions.builder().timeStep(step).build())
                .build());
    }

    /**
     * Two commodities, one with no way out: 10 US records of 1,000 B at s go to x over 1,000 B/s; 3
     * Canadian records at s may live only at w, which has no link.
     */
    private static AggregatedProblem oneCommodityRoutable() {
        Topology topology = Topology.of(
                List.of(site("s", "SG", 1L << 40), site("x", "US", 1L << 40), site("w", "CA", 1L << 40)),
                List.of(link("s", "x", 1_000, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 13);
        for (int i = 0; i < 10; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 1_000, false, 0);
        }
        for (int i = 10; i < 13; i++) {
            store.add(i, Jurisdiction.CA, Category.VIDEOS, 1_000, false, 0);
        }
        ResidencyPolicy policy = ResidencyPolicy.of(
                "two",
                Rule.move("us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US)),
                Rule.move("ca", List.of(Jurisdiction.CA), SiteConstraint.in(Jurisdiction.CA)));
        return AggregatedProblem.of(
                PlanningProblem.builder().store(store.build()).policy(policy).build());
    }

    private static int variablesOf(String arrivalStatus) {
        Matcher m = LP_SIZE.matcher(arrivalStatus);
        assertThat(m.find()).as(arrivalStatus).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void solve_oneCommodity_saysExactSingleCommodity() {
        // 10^5 B over 1,000 B/s: 100 s, one commodity, earliest arrival, nothing about an LP.
        AggregatedProblem p = SolverFixtures.oneUsRecord(100_000, 1_000, 1L << 40, 1L << 40);

        FlowSolution solution = AggregateSolver.solve(p);

        assertThat(solution.method()).isEqualTo(SINGLE + AggregateSolver.EARLIEST_ARRIVAL);
        assertThat(solution.arrivalStatus).isEmpty();
        assertThat(solution.exactLp()).isFalse();
    }

    @Test
    void solve_twoCommoditiesWithoutTheLp_saysSequentialAndNothingAboutAnLp() {
        // exactLp false: the decomposition routes by itself, and the method says nothing of an LP (not even
        // that one would have been too large).
        AggregatedProblem p = twoCommodities(1_000, 1_000, Duration.ofSeconds(1));

        FlowSolution solution = AggregateSolver.solve(p, Double.POSITIVE_INFINITY, MinCostFlow::solve, false);

        assertThat(solution.method()).isEqualTo(SEQUENTIAL + AggregateSolver.EARLIEST_ARRIVAL);
        assertThat(solution.arrivalStatus).isEmpty();
        assertThat(solution.exactLp()).isFalse();
    }

    @Test
    void solve_twoCommoditiesLargeCost_exactLpAtItsOptimum() {
        // Records of 10^6 B over links of 10^6 B/s: the same 12 s, but 1.7 * 10^7 units, so the LP's cost is
        // far above 10^6 and the test "routing within 10^-6 of the LP, plus 1" is a relative one. The rounded
        // routing of this LP is at its optimum. With a time step of a day the earliest-arrival network has
        // one slot up to the horizon (and a short one past it), where s's egress carries all 1.7 * 10^7
        // units: the capacities' "unbounded" must stay above that (one unit above the total).
        AggregatedProblem p = twoCommodities(1_000_000, 1e6, Duration.ofDays(1));

        FlowSolution solution = AggregateSolver.solve(p);

        assertThat(solution.routedBytes()).isEqualTo(17_000_000);
        assertThat(solution.exactLp()).isTrue();
        assertThat(solution.lpCost).isGreaterThan(1e7);
        assertThat(solution.arrivalStatus).startsWith("; exact LP over 2 commodities (simplex, ");
        assertThat(solution.method()).isEqualTo(SEQUENTIAL + AggregateSolver.EARLIEST_ARRIVAL + solution.arrivalStatus);
    }

    @Test
    void solve_lpVariableLimit_isInclusive() {
        // With a limit of 1 variable the LP is skipped and the status names its size, V variables; with a
        // limit of exactly V it is solved, with V - 1 it is not.
        AggregatedProblem p = twoCommodities(1_000, 1_000, Duration.ofSeconds(1));
        FlowSolution tooSmall = AggregateSolver.solve(p, Double.POSITIVE_INFINITY, MinCostFlow::solve, 1);
        int variables = variablesOf(tooSmall.arrivalStatus);
        assertThat(tooSmall.exactLp()).isFalse();
        assertThat(variables).isBetween(2, MultiCommodityLp.MAX_VARIABLES);

        FlowSolution exactly = AggregateSolver.solve(p, Double.POSITIVE_INFINITY, MinCostFlow::solve, variables);
        FlowSolution oneShort = AggregateSolver.solve(p, Double.POSITIVE_INFINITY, MinCostFlow::solve, variables - 1);

        assertThat(exactly.exactLp()).isTrue();
        assertThat(exactly.arrivalStatus).startsWith("; exact LP over 2 commodities (simplex, " + variables + " ");
        assertThat(oneShort.exactLp()).isFalse();
        assertThat(variablesOf(oneShort.arrivalStatus)).isEqualTo(variables);
    }

    @Test
    void solve_onlyOneCommodityHasData_noLpTried() {
        // The Canadian data has no route (w has no link): only the US commodity is routed, and one commodity
        // with data needs no LP; the decomposition is exact for it.
        AggregatedProblem p = oneCommodityRoutable();
        assertThat(p.commodityCount()).isEqualTo(2);

        FlowSolution solution = AggregateSolver.solve(p);

        assertThat(solution.routedBytes()).isEqualTo(10_000);
        assertThat(solution.shortfall).containsOnlyOnce(DeletionReason.NO_ROUTE);
        assertThat(solution.exactLp()).isFalse();
        assertThat(solution.arrivalStatus).isEmpty();
        assertThat(solution.method()).isEqualTo(SEQUENTIAL + AggregateSolver.EARLIEST_ARRIVAL);
        // 10^4 B at 1,000 B/s.
        assertThat(solution.horizonSeconds()).isBetween(10.0, 10.0 * (1 + 1e-4));
    }

    @Test
    void solve_nothingRoutable_horizonZero() {
        // Only Canadian data, allowed only at w, which has no link: nothing moves, no horizon is searched.
        Topology topology = Topology.of(
                List.of(site("s", "SG", 1L << 40), site("x", "US", 1L << 40), site("w", "CA", 1L << 40)),
                List.of(link("s", "x", 1_000, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 3);
        for (int i = 0; i < 3; i++) {
            store.add(i, Jurisdiction.CA, Category.VIDEOS, 1_000, false, 0);
        }
        AggregatedProblem p = AggregatedProblem.of(PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.CA, Jurisdiction.CA))
                .build());

        FlowSolution solution = AggregateSolver.solve(p);

        assertThat(solution.horizonSeconds()).isZero();
        assertThat(solution.routedBytes()).isZero();
        assertThat(solution.shortfall).containsExactly(DeletionReason.NO_ROUTE);
        assertThat(solution.streams).isEmpty();
        assertThat(solution.fallbackStreams).isEmpty();
    }

    @Test
    void solve_cheapLongerRoute_fallbackIsTheLeastEgressRouting() {
        // a's egress (1,000 B/s) is the bottleneck: 10^5 B take 100 s whichever route. The direct link a-us
        // costs 1 USD/GiB (16,001 cost units a unit), the route a-m-us nothing (1 unit a hop): the
        // least-egress routing at the least makespan, the fallback, sends everything via m, and so does
        // the earliest-arrival routing (egress breaks its ties).
        Topology topology = Topology.of(
                List.of(site("a", "SG", 1L << 40, 1e12, 1_000), site("m", "SG", 1L << 40), site("us", "US", 1L << 40)),
                List.of(link("a", "us", 1e6, 1.0), link("a", "m", 1e6, 0.0), link("m", "us", 1e6, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 10);
        for (int i = 0; i < 10; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 10_000, false, 0);
        }
        AggregatedProblem p = AggregatedProblem.of(PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US))
                .build());

        FlowSolution solution = AggregateSolver.solve(p);

        assertThat(solution.horizonSeconds()).isBetween(100.0, 100.0 * (1 + 1e-4));
        assertThat(solution.fallbackStreams).isNotEmpty();
        assertThat(solution.fallbackStreams.stream()
                        .mapToLong(RouteFlow::quotaBytes)
                        .sum())
                .isEqualTo(100_000);
        assertThat(solution.fallbackStreams)
                .allSatisfy(f -> assertThat(f.arcs()).hasSize(2));
        assertThat(solution.streams).allSatisfy(f -> assertThat(f.arcs()).hasSize(2));
    }
}
