package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.keepIn;
import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.verify.PlanVerifier;
import dev.residency.topology.Topology;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The makespan lower bound is the fluid optimum: on 60 seeded single-commodity instances it equals
 * the optimum of an independent LP (Commons Math's simplex, {@link FluidLp}), and so does the flow
 * planner's horizon; the planner's makespan never falls below it. "All bytes over one max-flow" is
 * not a bound worth reporting: on a two-source instance it is 2.5 times too weak.
 */
final class LowerBoundTest {

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void lowerBound_singleCommodity_equalsLpOptimum(long seed) {
        PlanningProblem problem = LpInstances.random(seed, 1);
        AggregatedProblem aggregated = AggregatedProblem.of(problem);
        long[] bytes = aggregated.demandBytes.clone();

        double lp = FluidLp.minimumMakespan(aggregated, bytes);
        double bound = MakespanBound.lowerBoundSeconds(aggregated, bytes);
        FlowSolution solution = AggregateSolver.solve(aggregated);
        MigrationPlan plan = new FlowPlanner().plan(problem);

        assertThat(aggregated.commodityCount()).as("seed %s", seed).isLessThanOrEqualTo(1);
        assertThat(bound).as("seed %s: bound vs LP", seed).isCloseTo(lp, within(1e-5 * lp + 1e-9));
        assertThat(solution.horizonSeconds())
                .as("seed %s: flow horizon vs LP", seed)
                .isCloseTo(lp, within(1e-5 * lp + 1e-9));
        assertThat(plan.makespanSeconds()).as("seed %s", seed).isGreaterThanOrEqualTo(plan.lowerBoundSeconds());
        assertThat(PlanVerifier.verify(plan, problem).isValid())
                .as("seed %s: %s", seed, PlanVerifier.verify(plan, problem))
                .isTrue();
    }

    @Test
    void lowerBound_oneSlowSourceOneFastSource_isTwoAndAHalfTimesTheNaiveBound() {
        // Source a holds 10 GB behind a 100 MB/s link; source b holds 1 kB behind a 150 MB/s link.
        // One max-flow from both sources carries 250 MB/s, so the naive bound is
        // (10e9 + 1e3) / 2.5e8 = 40 s. But a alone must push 10e9 B through 1e8 B/s: 100 s,
        // the cut bound, and the plan's makespan but for the 10 ms of latency its one batch (1 TB target)
        // waits before its first byte. 100 / 40 = 2.5.
        Topology topology = Topology.of(
                List.of(site("a", "SG", 1L << 40), site("b", "SG", 1L << 40), site("us", "US", 1L << 40)),
                List.of(link("a", "us", 1e8, 0), link("b", "us", 1.5e8, 0)));
        RecordStore.Builder store = RecordStore.builder(topology, 11);
        for (int i = 0; i < 10; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 1_000_000_000L, false, 0);
        }
        store.add(10, Jurisdiction.US, Category.VIDEOS, 1_000L, false, 1);
        PlanningProblem problem = PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US))
                .build();
        AggregatedProblem aggregated = AggregatedProblem.of(problem);

        double naive = MakespanBound.naiveBoundSeconds(aggregated, aggregated.demandBytes.clone());
        MigrationPlan plan = new FlowPlanner().plan(problem);

        assertThat(naive).isCloseTo(40, within(1e-3));
        assertThat(plan.lowerBoundSeconds()).isCloseTo(100, within(1e-3));
        assertThat(plan.lowerBoundSeconds() / naive).isCloseTo(2.5, within(1e-4));
        assertThat(plan.makespanSeconds()).isCloseTo(100.01, within(1e-6));
    }
}
