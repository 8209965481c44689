package dev.residency.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.plan.internal.solve.FlowPlanner;
import dev.residency.plan.internal.solve.PropertyPlanners;
import dev.residency.plan.verify.PlanVerifier;
import dev.residency.plan.verify.VerificationResult;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of every planner over seeded random topologies, populations, policies and options
 * (static and time-varying capacities, soft and hard deadlines): the verifier accepts every plan, and
 * its makespan, violation-time integral and per-part compliance times are never below their lower
 * bounds; 500 instances in the default build, at least 5 % of them with plans whose data waits at a
 * staging site (legs, checked after the run). The seed is in every failure; replay one with {@code
 * PlanFixtures.random(seed, 7, timeVarying)} or {@code HardInstances.of(seed)}. Cases run in parallel
 * (one worker per processor).
 */
@Execution(ExecutionMode.CONCURRENT)
final class PlannerPropertyTest {

    static Stream<Arguments> instances() {
        return Planners.names().stream()
                .flatMap(name -> LongStream.range(0, 120).mapToObj(seed -> Arguments.of(name, seed, seed % 2 == 1)));
    }

    /**
     * Returns the registered planner {@code name}; the flow planner with the exact LP kept to {@value
     * PropertyPlanners#LP_MAX_VARIABLES} variables. The LP path up to its full limit (1 to 2 s per simplex,
     * {@code docs/planner-lp.md}) made this class's slowest cases; it is tested where it is the subject: {@code
     * MultiCommodityAreaGapTest}, {@code ExactLpTest}, {@code EarliestArrivalOracleTest}.
     */
    private static Planner planner(String name) {
        return name.equals(FlowPlanner.NAME)
                ? PropertyPlanners.flow(PropertyPlanners.LP_MAX_VARIABLES)
                : Planners.byName(name);
    }

    @ParameterizedTest(name = "{0} seed={1} timeVarying={2}")
    @MethodSource("instances")
    void plan_randomInstance_passesVerifierAndBound(String planner, long seed, boolean timeVarying) {
        PlanningProblem problem = PlanFixtures.random(seed, 7, timeVarying);

        MigrationPlan plan = planner(planner).plan(problem);

        VerificationResult result = PlanVerifier.verify(plan, problem);
        assertThat(result.isValid())
                .as("planner %s seed %s timeVarying %s: %s", planner, seed, timeVarying, result)
                .isTrue();
        assertThat(plan.makespanSeconds())
                .as("planner %s seed %s: makespan vs bound", planner, seed)
                .isGreaterThanOrEqualTo(plan.lowerBoundSeconds() * (1 - 1e-9));
        assertCompliantNoEarlierThanBounds(plan, "planner " + planner + " seed " + seed);
        if (!problem.policy().staging().isEmpty()) {
            STAGING_SITES.increment();
        }
        countLegs(plan);
    }

    /**
     * The earliest-arrival contract over hard instances ({@link HardInstances}: binding destination
     * storage, approval gates, late sites, maintenance windows and hard deadlines each drawn with
     * probability 1/2, keep priorities always), 260 by default: the flow planner's plans pass the
     * verifier, their makespan and violation-time integral are never below their bounds, no home
     * jurisdiction's or rule's planned compliance time is below its own bound. How often the instances
     * reach each corner is printed after the run (over the first 40 seeds: NO_STORAGE deletions in 15,
     * DEADLINE deletions in 19, hard deadlines 21, gates 34, late sites 32, maintenance 30). Keep
     * priority under shuffled rows is {@link KeepPriorityTest}'s.
     */
    @ParameterizedTest(name = "seed={0}")
    @MethodSource("areaSeeds")
    void plan_hardInstance_passesVerifierAndBounds(long seed) {
        PlanningProblem problem = HardInstances.of(seed);

        MigrationPlan plan = planner(FlowPlanner.NAME).plan(problem);

        VerificationResult result = PlanVerifier.verify(plan, problem);
        assertThat(result.isValid()).as("seed %s: %s", seed, result).isTrue();
        assertThat(plan.makespanSeconds())
                .as("seed %s: makespan vs bound", seed)
                .isGreaterThanOrEqualTo(plan.lowerBoundSeconds() * (1 - 1e-9));
        assertCompliantNoEarlierThanBounds(plan, "seed " + seed);
        CORNERS.count(problem, plan);
        countLegs(plan);
    }

    /**
     * Returns the seeds of the hard instances: 1000 to 1259 in the default build (with the 240 above,
     * 500 instances), as many as the system property {@code residency.planner.seeds} says otherwise (a
     * longer campaign: {@code ./mvnw -o -B -ntp -pl core test -Dtest=PlannerPropertyTest
     * -Dresidency.planner.seeds=2000}). Seed 1248 once hung the makespan bound's horizon search; it is
     * also a regression test of its own below.
     */
    static LongStream areaSeeds() {
        return LongStream.range(1_000, 1_000 + Long.getLong("residency.planner.seeds", 260));
    }

    /**
     * Hard instance 1248, whose makespan bound never finished: an approval at 0 s rounded to -0.0 gave
     * an empty first interval, and the merged relaxation carried every demand at its sources in any
     * positive time, so the horizon search's relative-precision bisection halved into the subnormals
     * forever ({@code HorizonSearchTest}). The timeout only turns a hang into a failure.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void plan_hardInstance1248_finishesAndPassesVerifier() {
        PlanningProblem problem = HardInstances.of(1248);

        MigrationPlan plan = new FlowPlanner().plan(problem);

        VerificationResult result = PlanVerifier.verify(plan, problem);
        assertThat(result.isValid()).as("%s", result).isTrue();
        assertThat(plan.makespanSeconds()).isGreaterThanOrEqualTo(plan.lowerBoundSeconds() * (1 - 1e-9));
    }

    /** How often the hard instances reach each corner; printed after the run. */
    private static final Corners CORNERS = new Corners();

    /** Random instances whose policy lists a staging site. */
    private static final LongAdder STAGING_SITES = new LongAdder();

    /** Instances planned by the two property tests above, and those whose plan has legs (holdover). */
    private static final LongAdder INSTANCES = new LongAdder();

    private static final LongAdder WITH_LEGS = new LongAdder();

    /** The least share of instances whose plan waits at a staging site, checked over a full run. */
    private static final double MIN_SHARE_WITH_LEGS = 0.05;

    /** The instances of a full default run: 120 seeds for each of the two planners, 260 hard ones. */
    private static final long FULL_RUN = 500;

    private static void countLegs(MigrationPlan plan) {
        INSTANCES.increment();
        if (plan.batches().stream().anyMatch(TransferBatch::continuesLeg)) {
            WITH_LEGS.increment();
        }
    }

    /**
     * Prints the corners and the plans with legs, and checks that at least {@value #MIN_SHARE_WITH_LEGS} of
     * the instances made plans with legs, so that the checks above ran over multi-leg plans too (46 of the
     * 500 default instances: 8 of the flow planner's 120 random ones, none of the greedy planner's, which
     * never stages, 38 of the 260 hard ones). Only a run of at least the default {@value #FULL_RUN} instances
     * is checked, so that a single case can still be run alone.
     */
    @AfterAll
    static void printCornersAndCheckLegs() {
        System.out.println(CORNERS);
        System.out.printf(
                "random instances with a staging site: %d; instances %d, plans with legs: %d%n",
                STAGING_SITES.sum(), INSTANCES.sum(), WITH_LEGS.sum());
        if (INSTANCES.sum() >= FULL_RUN) {
            assertThat((double) WITH_LEGS.sum())
                    .as("plans with legs among %s instances", INSTANCES.sum())
                    .isGreaterThanOrEqualTo(MIN_SHARE_WITH_LEGS * INSTANCES.sum());
        }
    }

    private static void assertCompliantNoEarlierThanBounds(MigrationPlan plan, String context) {
        assertThat(plan.areaByteSeconds())
                .as("%s: area vs its bound", context)
                .isGreaterThanOrEqualTo(plan.areaLowerBoundByteSeconds() * (1 - 1e-9));
        for (PartTiming part : plan.parts()) {
            assertThat(part.plannedSeconds())
                    .as("%s: %s %s planned vs its bound", context, part.kind(), part.name())
                    .isGreaterThanOrEqualTo(part.lowerBoundSeconds() * (1 - 1e-9));
        }
    }
}
