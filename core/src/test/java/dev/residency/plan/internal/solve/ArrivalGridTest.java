package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.PlanFixtures;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
import dev.residency.topology.Topology;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The earliest-arrival grid: fine and geometric runs after timeline events, worked out by hand on a
 * one-day step; the budget of added points; arrival costs proportional to slot ends on the step grid,
 * strictly increasing, and within the min-cost flow's overflow limit whatever the weight.
 */
final class ArrivalGridTest {

    private static final double DAY = 86_400;

    /** Two sites, data at {@code sg}, allowed at {@code us}, one-day step, {@code us} ready at {@code readyDays} (none if negative). */
    private static AggregatedProblem problem(int readyDays) {
        Topology topology = Topology.of(
                List.of(site("sg", "SG", 1L << 40), site("us", "US", 1L << 40)), List.of(link("sg", "us", 1_000, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 2);
        store.add(0, Jurisdiction.US, Category.VIDEOS, 1_000, false, 0);
        store.add(1, Jurisdiction.US, Category.VIDEOS, 1_000, false, 0);
        PlanOptions.Builder options = PlanOptions.builder().timeStep(Duration.ofDays(1));
        if (readyDays >= 0) {
            options.siteReadyAt("us", Duration.ofDays(readyDays));
        }
        PlanningProblem problem = PlanningProblem.builder()
                .store(store.build())
                .policy(PlanFixtures.keepIn(Jurisdiction.US, Jurisdiction.US))
                .options(options.build())
                .build();
        return AggregatedProblem.of(problem);
    }

    private static double[] days(double... values) {
        return Arrays.stream(values).map(v -> v * DAY).toArray();
    }

    @Test
    void finePoints_oneEventAndATarget_fineRunToOneStepPastItThenDoubling() {
        Timeline base = problem(-1).timeline;

        // The in-country case in small: horizon 1,368 days, uniform grid ceil(1368 / 256) = 6 days, a
        // commodity that can be in by day 1.62. Fine run: days 1 and 2 (below 1.62 + 1 = 2.62); then
        // slots of 1, 2 and 4 days from day 3 (points 3, 5, 9); the next, 8 days, is not below the grid.
        double[] points = ArrivalGrid.finePoints(base, DAY, 6 * DAY, 1_368 * DAY, days(1.62));

        assertThat(points).containsExactly(days(1, 2, 3, 5, 9));
    }

    @Test
    void finePoints_readyDateEvent_doublingAfterItStopsAtTheHorizon() {
        Timeline base = problem(100).timeline;

        // Events at day 0 and day 100, no targets: after 0, points 1, 3, 7 (slots of 1, 2, 4 days); after
        // 100, points 101 and 103; 107 is past the horizon of 105 days.
        double[] points = ArrivalGrid.finePoints(base, DAY, 6 * DAY, 105 * DAY, new double[0]);

        assertThat(points).containsExactly(days(1, 3, 7, 101, 103));
    }

    @Test
    void finePoints_gridNotLongerThanStep_addsNothing() {
        Timeline base = problem(100).timeline;

        assertThat(ArrivalGrid.finePoints(base, DAY, DAY, 200 * DAY, days(1.5))).isEmpty();
    }

    @Test
    void finePoints_farTargets_budgetCapsThePoints() {
        Timeline base = problem(-1).timeline;

        // A target at day 5,000 asks for 5,000 one-day points; the budget stops at MAX_FINE_POINTS.
        double[] points = ArrivalGrid.finePoints(base, DAY, 40 * DAY, 10_000 * DAY, days(5_000));

        assertThat(points).hasSize(ArrivalGrid.MAX_FINE_POINTS);
        for (int k = 0; k < points.length; k++) {
            assertThat(points[k]).isEqualTo((k + 1) * DAY);
        }
    }

    @Test
    void arrivalCosts_stepGrid_proportionalToSlotEndAndIncreasing() {
        AggregatedProblem base = problem(-1);
        double horizon = 10.5 * DAY;
        AggregatedProblem fine = base.refined(2 * DAY, horizon, horizon, days(1, 3));

        long[] costs = ArrivalGrid.arrivalCosts(fine, horizon, 7);

        // Slots [0,1), [1,2), [2,3), [3,4), [4,6), [6,8), [8,10), [10,10.5): ends in days (the tick is one
        // day), the last 10.5 rounded to 11 (Math.round rounds half up), times the weight 7.
        assertThat(costs).containsExactly(7, 14, 21, 28, 42, 56, 70, 77);
    }

    @Test
    void arrivalCosts_hugeWeight_ticksCoarsenButStayProportionalIncreasingAndBelowTheOverflowLimit() {
        AggregatedProblem base = problem(-1);
        double horizon = 300 * DAY;
        // Ten slots of 30 days: 300 one-day ticks up to the horizon.
        AggregatedProblem fine = base.refined(30 * DAY, horizon, horizon);
        int intervals = TimeExpandedNetwork.intervalsBefore(fine.timeline, horizon);
        long n = TimeExpandedNetwork.nodeCount(fine, intervals);
        long limit = Long.MAX_VALUE / 64 / (n + 1) / (n + 1);
        // A weight that leaves room for about 100 ticks (the min-cost flow refuses costs of limit or more).
        long weight = limit / 100;
        long cap = (limit - 1) / weight;

        long[] costs = ArrivalGrid.arrivalCosts(fine, horizon, weight);

        assertThat(intervals).isEqualTo(10);
        assertThat(costs).hasSize(intervals);
        for (int i = 0; i < costs.length; i++) {
            // The tick is the horizon over cap: slot i ends at (i + 1) / 10 of the horizon, (i + 1) cap / 10 ticks.
            assertThat(costs[i] % weight).isZero();
            assertThat((double) (costs[i] / weight))
                    .as("slot %s of %s ticks", i, cap)
                    .isCloseTo((i + 1) * cap / 10.0, org.assertj.core.api.Assertions.within(0.5 + 1e-9));
            if (i > 0) {
                assertThat(costs[i]).as("slot %s", i).isGreaterThan(costs[i - 1]);
            }
        }
        assertThat(costs[costs.length - 1]).isLessThan(limit);
        // A weight leaving fewer ticks than slots is refused before any solve.
        assertThatThrownBy(() -> ArrivalGrid.arrivalCosts(fine, horizon, limit / 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large");
    }

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    /** The node count the overflow bound uses is the network's own, on random problems and horizons. */
    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void nodeCount_randomProblem_equalsTheBuiltNetworks(long seed) {
        AggregatedProblem problem = AggregatedProblem.of(PlanFixtures.random(seed, 7, seed % 2 == 1));
        double horizon = new Random(seed).nextDouble() * 1e6;
        int intervals = TimeExpandedNetwork.intervalsBefore(problem.timeline, horizon);
        long[] units = new long[problem.demandCount()];
        Arrays.fill(units, 1);
        boolean[] all = new boolean[problem.commodityCount()];
        Arrays.fill(all, true);
        long[] capacity = TimeExpandedNetwork.capacities(problem, horizon, false, 1L << 40);

        TimeExpandedNetwork ten = TimeExpandedNetwork.build(problem, horizon, all, units, capacity, false, true);

        assertThat((long) ten.network.nodeCount())
                .as("seed %s", seed)
                .isEqualTo(TimeExpandedNetwork.nodeCount(problem, intervals));
    }
}
