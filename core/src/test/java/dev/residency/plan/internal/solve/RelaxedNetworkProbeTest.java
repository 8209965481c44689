package dev.residency.plan.internal.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.plan.PlanFixtures;
import dev.residency.plan.PlanningProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The relaxed makespan bound on one reused network ({@link RelaxedNetworkProbe}) is the bound of one
 * network built per probe ({@link RelaxedHorizonReference}, the computation it replaced), bit for bit:
 * on 120 seeded instances ({@code -Dresidency.boundSeeds=N} runs more), for the merged relaxation, each
 * commodity's alone and every commodity at once, at the planner's and the compliance bounds'
 * precisions; and every max-flow it gives, at horizons probed in random order (interval starts, points
 * within intervals, before the first and past the last start, around the bound), equals the fresh
 * network's. Instances: {@link PlanFixtures#random} (tight storage, late sites, approvals, maintenance,
 * deadlines; time-varying on three seeds in four) and {@link FleetInstances} (competing rules, binding
 * egress, ingest and storage) on every fourth seed; one in three on a refined timeline of 5 to 44 grid
 * intervals more, so the network grows by doubling while a search runs. Where no horizon carries the
 * units, both refuse alike. The seed is in every failure message.
 */
final class RelaxedNetworkProbeTest {

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final AtomicInteger MANY_INTERVALS = new AtomicInteger();

    static LongStream seeds() {
        return LongStream.range(0, Long.getLong("residency.boundSeeds", 120));
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void relaxedHorizon_randomInstance_bitIdenticalToOneNetworkPerProbe(long seed) {
        Random rng = new Random(seed * 31 + 7);
        AggregatedProblem problem = instance(seed, rng);
        long[] units = units(problem, rng);

        for (boolean[] mask : masks(problem, units)) {
            for (double precision : new double[] {HorizonSearch.PRECISION, ComplianceBounds.PRECISION}) {
                double expected;
                try {
                    expected = RelaxedHorizonReference.relaxedHorizon(problem, mask, units, precision);
                } catch (IllegalArgumentException e) {
                    // Units no horizon carries (a commodity without a reachable destination): the same refusal.
                    assertThatThrownBy(() -> MakespanBound.relaxedHorizon(problem, mask, units, precision))
                            .as("seed %s mask %s", seed, Arrays.toString(mask))
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessage(e.getMessage());
                    continue;
                }

                double actual = MakespanBound.relaxedHorizon(problem, mask, units, precision);

                assertThat(Double.doubleToRawLongBits(actual))
                        .as(
                                "seed %s mask %s precision %s: %s vs reference %s",
                                seed, Arrays.toString(mask), precision, actual, expected)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void maxFlow_horizonsInRandomOrder_equalsFreshNetwork(long seed) {
        Random rng = new Random(seed * 17 + 3);
        AggregatedProblem problem = instance(seed, rng);
        long[] units = units(problem, rng);
        INSTANCES.incrementAndGet();
        if (problem.timeline.intervalCount() > 8) {
            MANY_INTERVALS.incrementAndGet();
        }

        for (boolean[] mask : masks(problem, units)) {
            RelaxedNetworkProbe probe = new RelaxedNetworkProbe(problem, mask, units);
            if (probe.need() == 0) {
                continue;
            }
            double bound = referenceOrNaN(problem, mask, units, HorizonSearch.PRECISION);
            for (double horizon : horizons(problem, bound, rng)) {
                long expected = RelaxedHorizonReference.maxFlow(problem, mask, units, horizon);

                long actual = probe.maxFlow(horizon);

                assertThat(actual)
                        .as("seed %s mask %s horizon %s (bound %s)", seed, Arrays.toString(mask), horizon, bound)
                        .isEqualTo(expected);
                assertThat(probe.fits(horizon))
                        .as("seed %s mask %s horizon %s", seed, Arrays.toString(mask), horizon)
                        .isEqualTo(expected >= probe.need());
            }
        }
    }

    @AfterAll
    static void instancesReachedManyIntervals() {
        // The refined timelines are what make the network grow during a search; at least a fifth of
        // the instances must have them, or the growth went untested.
        assertThat(MANY_INTERVALS.get())
                .as("instances with more than 8 intervals, of %s", INSTANCES.get())
                .isGreaterThanOrEqualTo(INSTANCES.get() / 5);
    }

    private static AggregatedProblem instance(long seed, Random rng) {
        PlanningProblem plan = seed % 4 == 0
                ? FleetInstances.random(seed, 5 + (int) (seed / 4 % 12), 1 + (int) (seed / 4 % 5))
                : PlanFixtures.random(seed, 8, seed % 4 != 1);
        AggregatedProblem problem = AggregatedProblem.of(plan);
        if (seed % 3 == 0) {
            boolean[] all = new boolean[problem.commodityCount()];
            Arrays.fill(all, true);
            long[] units = MakespanBound.flooredUnits(problem, problem.demandBytes);
            double end = referenceOrNaN(problem, all, units, 1e-3);
            if (end > 0 && Double.isFinite(end)) {
                double horizon = end * (1 + rng.nextDouble());
                double grid = horizon / (5 + rng.nextInt(40));
                problem = problem.refined(grid, horizon, horizon * rng.nextDouble());
            }
        }
        return problem;
    }

    /** Returns the reference bound, or NaN where no horizon carries the units. */
    private static double referenceOrNaN(AggregatedProblem problem, boolean[] mask, long[] units, double precision) {
        try {
            return RelaxedHorizonReference.relaxedHorizon(problem, mask, units, precision);
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    /** Returns each demand's units of the problem's bytes, some demands cut to a random part or to 0. */
    private static long[] units(AggregatedProblem problem, Random rng) {
        long[] bytes = problem.demandBytes.clone();
        for (int d = 0; d < bytes.length; d++) {
            int draw = rng.nextInt(6);
            if (draw == 0) {
                bytes[d] = 0;
            } else if (draw == 1) {
                bytes[d] = (long) (bytes[d] * rng.nextDouble());
            }
        }
        return MakespanBound.flooredUnits(problem, bytes);
    }

    /** Returns the merged mask of the commodities with units, each one alone, and every commodity. */
    private static List<boolean[]> masks(AggregatedProblem problem, long[] units) {
        int k = problem.commodityCount();
        boolean[] used = new boolean[k];
        for (int d = 0; d < units.length; d++) {
            used[problem.demandCommodity[d]] |= units[d] > 0;
        }
        List<boolean[]> masks = new ArrayList<>();
        masks.add(used);
        for (int j = 0; j < k; j++) {
            if (used[j]) {
                boolean[] one = new boolean[k];
                one[j] = true;
                masks.add(one);
            }
        }
        boolean[] all = new boolean[k];
        Arrays.fill(all, true);
        masks.add(all);
        return masks;
    }

    /** Returns horizons at and between interval starts, past the last, tiny, and around {@code bound}, shuffled. */
    private static List<Double> horizons(AggregatedProblem problem, double bound, Random rng) {
        Timeline timeline = problem.timeline;
        List<Double> horizons = new ArrayList<>();
        double last = timeline.start(timeline.intervalCount() - 1);
        for (int i = 1; i < timeline.intervalCount(); i++) {
            horizons.add(timeline.start(i));
            horizons.add(timeline.start(i - 1) + (timeline.start(i) - timeline.start(i - 1)) * rng.nextDouble());
        }
        horizons.add(1e-6);
        horizons.add(last + 1 + rng.nextDouble() * 1e4);
        if (bound > 0 && Double.isFinite(bound)) {
            for (int k = 0; k < 8; k++) {
                horizons.add(bound * (0.5 + rng.nextDouble()));
            }
            horizons.add(bound);
            horizons.add(Math.nextUp(bound));
            horizons.add(bound * (1 + 2e-7));
        }
        Collections.shuffle(horizons, rng);
        return horizons.subList(0, Math.min(horizons.size(), 30));
    }
}
