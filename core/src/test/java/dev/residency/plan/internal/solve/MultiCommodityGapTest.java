package dev.residency.plan.internal.solve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.plan.PlanningProblem;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Measures the gap of the sequential multi-commodity decomposition ({@link AggregateSolver}) to the
 * multi-commodity LP optimum ({@link FluidLp}) on 60 seeded instances where two or three rules'
 * allowed sets compete for links: the decomposition is never below the LP (it is a feasible flow),
 * its horizon is within twice the LP's, and the reported lower bound (relaxations) never exceeds the
 * LP. The mean and worst ratios are printed after the run.
 */
final class MultiCommodityGapTest {

    private static final DoubleAdder SUM = new DoubleAdder();
    private static final LongAdder COUNT = new LongAdder();
    private static final DoubleAdder WORST = new DoubleAdder();

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void solve_competingCommodities_staysNearLpOptimum(long seed) {
        PlanningProblem problem = LpInstances.random(seed, 2 + (int) (seed % 2));
        AggregatedProblem aggregated = AggregatedProblem.of(problem);
        long[] bytes = aggregated.demandBytes.clone();

        double lp = FluidLp.minimumMakespan(aggregated, bytes);
        FlowSolution solution = AggregateSolver.solve(aggregated);
        double bound = MakespanBound.lowerBoundSeconds(aggregated, bytes);

        double ratio = solution.horizonSeconds() / lp;
        synchronized (WORST) {
            if (ratio > WORST.sum()) {
                WORST.reset();
                WORST.add(ratio);
            }
        }
        SUM.add(ratio);
        COUNT.increment();
        assertThat(solution.routedBytes()).as("seed %s: all routed", seed).isEqualTo(aggregated.demandBytes());
        assertThat(ratio).as("seed %s: decomposition / LP", seed).isBetween(1 - 1e-6, 2.0);
        assertThat(bound).as("seed %s: bound <= LP", seed).isLessThanOrEqualTo(lp * (1 + 1e-6));
    }

    @AfterAll
    static void report() {
        System.out.printf(
                "multi-commodity decomposition / LP optimum over %d instances: mean %.4f, worst %.4f%n",
                COUNT.sum(), SUM.sum() / Math.max(1, COUNT.sum()), WORST.sum());
    }
}
