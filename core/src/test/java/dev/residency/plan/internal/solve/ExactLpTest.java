package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.internal.flow.MinCostFlow;
import dev.residency.plan.verify.PlanVerifier;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.topology.Link;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exact multi-commodity LP path of the flow planner ({@link MultiCommodityLp}) on an instance
 * worked out by hand, where the sequential decomposition's commodity order makes it strictly worse.
 *
 * <p>The instance: sites a (SG, holds all the data), m (JP, the only transit site), us (US) and ca
 * (CA); links a-us and a-m at 1,000 B/s, m-us and m-ca at 10,000 B/s, no egress price, no latency. US users' 8
 * records and CA users' 2 records, 1,000 B each, all at a; US data may live only at us, CA data only
 * at ca. So the US data has two routes (a-us, and a-m-us through the shared link a-m) and the CA data
 * one (a-m-ca). Time step 1 s, batches of 1,000 B.
 *
 * <p>By hand: every byte leaves a over a's two links, 2,000 B/s in all, so 10,000 B take at least 5 s
 * (the least makespan), and the violation-time integral at slot midpoints is at least that of a's
 * links full from 0 to 5 s: 2,000 B in each 1 s slot, {@code 2,000 * (0.5 + 1.5 + 2.5 + 3.5 + 4.5) =
 * 25,000} B·s. It is reached only with a-us carrying US data in every slot and a-m carrying the other
 * 3,000 B of US data and the 2,000 B of CA data, in any slots: the LP's optimum. Cut into 1,000 B
 * batches of 1 s, two batches end at each of 1, 2, 3, 4 and 5 s: plan area {@code 2,000 * (1 + 2 + 3 +
 * 4 + 5) = 30,000} B·s.
 *
 * <p>The decomposition routes the commodities one after another, the one with the larger
 * single-commodity bound first: US data 8,000 B over a's 2,000 B/s = 4 s, CA data 2,000 B over a-m's
 * 1,000 B/s = 2 s, so US first. Its earliest-arrival flow fills both of a's links in slots 0 to 3
 * (8,000 B by 4 s), leaving the CA data 1,000 B in slot 4 and 19 B in the short slot after the horizon
 * (5 s / 256): it does not fit, so the planner keeps the least-egress routing at the least makespan,
 * constant rates over [0, 5 s): US data 5,000 B on a-us (batches end at 1, ..., 5 s), 3,000 B on a-m
 * at 600 B/s (ends at 5/3, 10/3, 5 s), CA data at 400 B/s (ends at 2.5, 5 s): area {@code 1,000 * (15
 * + 10 + 7.5) = 32,500} B·s.
 */
final class ExactLpTest {

    private static final long RECORD = 1_000;

    /**
     * Returns a link of {@code bytesPerSecond} each way, no egress price and no latency: the arithmetic by
     * hand leaves latency out (with it, each 1 s batch would wait for it and the slots' streams would
     * start one after another's latency, see {@code LatencyLayout}).
     */
    private static Link link(String a, String b, double bytesPerSecond) {
        return Link.symmetric(a, b, new Bandwidth(bytesPerSecond), Duration.ZERO, 0.0);
    }

    /** The hand-derived instance; {@code scale} multiplies every record's size. */
    static PlanningProblem sharedLink(long scale) {
        Topology topology = Topology.of(
                List.of(
                        site("a", "SG", 1L << 40),
                        site("m", "JP", 1L << 40),
                        site("us", "US", 1L << 40),
                        site("ca", "CA", 1L << 40)),
                List.of(
                        link("a", "us", 1_000),
                        link("a", "m", 1_000),
                        link("m", "us", 10_000),
                        link("m", "ca", 10_000)));
        RecordStore.Builder store = RecordStore.builder(topology, 10);
        for (int i = 0; i < 8; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, RECORD * scale, false, 0);
        }
        for (int i = 8; i < 10; i++) {
            store.add(i, Jurisdiction.CA, Category.VIDEOS, RECORD * scale, false, 0);
        }
        ResidencyPolicy policy = ResidencyPolicy.of(
                        "us-and-ca",
                        Rule.move("us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US)),
                        Rule.move("ca", List.of(Jurisdiction.CA), SiteConstraint.in(Jurisdiction.CA)))
                .withTransit(SiteConstraint.in(Jurisdiction.of("JP")));
        return PlanningProblem.builder()
                .store(store.build())
                .policy(policy)
                .options(PlanOptions.builder()
                        .targetBatchBytes(RECORD * scale)
                        .timeStep(Duration.ofSeconds(1))
                        .build())
                .build();
    }

    @Test
    void solve_sharedLink_lpReachesHandOptimumOnTheNetwork() {
        AggregatedProblem aggregated = AggregatedProblem.of(sharedLink(1));

        FlowSolution exact = AggregateSolver.solve(aggregated, Double.POSITIVE_INFINITY, MinCostFlow::solve, true);
        FlowSolution decomposed =
                AggregateSolver.solve(aggregated, Double.POSITIVE_INFINITY, MinCostFlow::solve, false);

        assertThat(exact.horizonSeconds()).isCloseTo(5, within(1e-6));
        assertThat(exact.exactLp()).as(exact.method()).isTrue();
        assertThat(exact.method()).contains("exact LP over 2 commodities");
        assertThat(exact.modelArea).as(exact.method()).isCloseTo(25_000, within(1e-6));
        assertThat(exact.modelCost).isCloseTo(exact.lpCost, within(1e-6 * exact.lpCost));
        assertThat(decomposed.exactLp()).isFalse();
        assertThat(decomposed.method()).contains(AggregateSolver.LEAST_EGRESS);
    }

    @Test
    void plan_sharedLink_lpPlanBeatsDecompositionByHand() {
        PlanningProblem problem = sharedLink(1);

        MigrationPlan exact = new FlowPlanner(true).plan(problem);
        MigrationPlan decomposed = new FlowPlanner(false).plan(problem);

        assertThat(PlanVerifier.verify(exact, problem).isValid())
                .as("%s", PlanVerifier.verify(exact, problem))
                .isTrue();
        assertThat(PlanVerifier.verify(decomposed, problem).isValid()).isTrue();
        assertThat(exact.method()).contains("exact LP over 2 commodities");
        assertThat(exact.makespanSeconds()).isCloseTo(5, within(1e-6));
        assertThat(exact.areaByteSeconds()).isCloseTo(30_000, within(1e-6));
        assertThat(decomposed.makespanSeconds()).isCloseTo(5, within(1e-6));
        assertThat(decomposed.areaByteSeconds()).isCloseTo(32_500, within(1e-6));
        assertThat(decomposed.areaByteSeconds()).isGreaterThan(exact.areaByteSeconds());
    }

    @Test
    void plan_tooManySlots_decompositionSaysGapUnknown() {
        // Records 100 times larger: a 500 s makespan on 2 s slots (500 / 256 rounded up to the step), 250
        // slots of 4 sites and 8 link arcs per commodity: thousands of variables, above the limit.
        PlanningProblem problem = sharedLink(100);

        MigrationPlan plan = new FlowPlanner().plan(problem);

        assertThat(PlanVerifier.verify(plan, problem).isValid()).isTrue();
        assertThat(plan.method()).contains("decomposition, gap to LP unknown").doesNotContain("exact LP");
        assertThat(plan.makespanSeconds()).isGreaterThanOrEqualTo(500 - 1e-6);
    }
}
