package dev.residency.plan.internal.solve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanFixtures;
import dev.residency.plan.Planners;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.internal.flow.MinCostFlow;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failed multi-commodity LP bound on a feasible problem is a test failure. On the bytes the flow
 * solver routes (the LP is feasible there: the routing is a feasible flow of its relaxation), whenever
 * the LP has at most {@link FluidLp#MAX_VARIABLES} variables, {@link MakespanBound#lowerBound} must use
 * it: no failure, an optimum at or below the solver's makespan (a feasible makespan), and a bound that
 * is the larger of the LP (less its 10^-6) and the relaxations; on static instances the LP is at least
 * every relaxation (each is a relaxation of the LP). Above the limit the LP is not attempted.
 *
 * <p>Instances: {@link FleetInstances} (static, 5 to 100 sites, up to five competing rules, rates and
 * demands over three orders of magnitude, binding egress, ingest and storage) on even seeds, and {@link
 * PlanFixtures#random} (tight storage, late sites, approvals, maintenance, deadlines) on odd seeds. The
 * 100-site fleet of the fixed test (3 rules, 1,225 variables) has the size and shape of {@code
 * AggregatedSolveBenchmark}'s 100-site fleet (3 commodities, 1,195 variables), whose LP stopped at the
 * simplex's 100,000-iteration cap before the LP's makespan was shifted ({@link FluidLp}'s Javadoc). 20
 * seeds run by default; {@code -Dresidency.lpSeeds=N} runs more.
 */
final class FluidLpTest {

    private static final int[] FLEET_SITES = {5, 10, 20, 40, 70, 100};
    private static final Map<String, Integer> OUTCOMES = new TreeMap<>();

    static LongStream seeds() {
        return LongStream.range(0, Long.getLong("residency.lpSeeds", 20));
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void lowerBound_feasibleWithinLimit_usesLp(long seed) {
        boolean fleet = seed % 2 == 0;
        PlanningProblem problem = fleet
                ? FleetInstances.random(
                        seed, FLEET_SITES[(int) (seed / 2 % FLEET_SITES.length)], 2 + (int) (seed / 2 % 4))
                : PlanFixtures.random(seed, 8, true);

        String outcome = checkBound(AggregatedProblem.of(problem), fleet, "seed " + seed);

        synchronized (OUTCOMES) {
            OUTCOMES.merge(outcome, 1, Integer::sum);
        }
    }

    @Test
    void lowerBound_hundredSiteFleet_usesLp() {
        AggregatedProblem aggregated = AggregatedProblem.of(FleetInstances.random(0, 100, 3));

        String outcome = checkBound(aggregated, true, "100-site fleet");

        assertThat(outcome).isEqualTo("LP used");
    }

    @Test
    void plan_fleetAboveLimit_saysBoundIsRelaxationOnly() {
        PlanningProblem problem = FleetInstances.random(1, 160, 5);

        String outcome = checkBound(AggregatedProblem.of(problem), true, "160-site fleet");
        MigrationPlan plan = Planners.byName("flow").plan(problem);

        assertThat(outcome).isEqualTo("LP above the limit");
        assertThat(plan.method())
                .contains("; makespan bound from the relaxation only (its LP of ")
                .contains(" variables is above the limit of 1,500)");
    }

    /**
     * Checks the bound of {@code aggregated}'s routed bytes and returns what the bound did: "LP used",
     * "LP above the limit" or "one commodity".
     */
    private static String checkBound(AggregatedProblem aggregated, boolean isStatic, String what) {
        // The decomposition alone: the routed bytes and makespan are what the bound needs, not the exact
        // earliest-arrival LP (a second simplex of up to 1,200 variables).
        FlowSolution solution = AggregateSolver.solve(
                aggregated, AggregateSolver.copyDeadlineSeconds(aggregated.problem), MinCostFlow::solve, false);
        long[] bytes = solution.routedBytes.clone();
        long[] units = MakespanBound.flooredUnits(aggregated, bytes);
        boolean[] used = new boolean[aggregated.commodityCount()];
        int commodities = 0;
        for (int d = 0; d < units.length; d++) {
            if (units[d] > 0 && !used[aggregated.demandCommodity[d]]) {
                used[aggregated.demandCommodity[d]] = true;
                commodities++;
            }
        }
        double relaxation = MakespanBound.relaxedHorizon(aggregated, used, units);
        for (int j = 0; j < used.length; j++) {
            if (used[j]) {
                boolean[] one = new boolean[used.length];
                one[j] = true;
                relaxation = Math.max(relaxation, MakespanBound.relaxedHorizon(aggregated, one, units));
            }
        }
        int variables = FluidLp.variables(aggregated, bytes);

        MakespanBound.Bound bound = MakespanBound.lowerBound(aggregated, bytes);

        String context = String.format(
                "%s: %d commodities, %d variables, bytes %s, %s",
                what, commodities, variables, Arrays.toString(bytes), bound);
        assertThat(bound.lpFailure()).as(context).isEmpty();
        if (commodities < 2 || relaxation == 0) {
            return "one commodity";
        }
        if (variables > FluidLp.MAX_VARIABLES) {
            assertThat(bound.lpSeconds()).as(context).isNaN();
            assertThat(bound.seconds()).as(context).isEqualTo(relaxation);
            assertThat(bound.lpSkipped())
                    .as(context + ": the skipped LP is said")
                    .hasValue(String.format(
                            "its LP of %,d variables is above the limit of %,d", variables, FluidLp.MAX_VARIABLES));
            return "LP above the limit";
        }
        double lp = bound.lpSeconds();
        assertThat(lp).as(context + ": LP solved").isFinite();
        assertThat(bound.lpSkipped())
                .as(context + ": within the limit nothing is skipped")
                .isEmpty();
        assertThat(bound.lpVariables()).as(context).isEqualTo(variables);
        assertThat(lp)
                .as(context + ": LP <= solver's makespan")
                .isLessThanOrEqualTo(solution.horizonSeconds() * (1 + 1e-6));
        assertThat(bound.seconds()).as(context + ": bound").isEqualTo(Math.max(relaxation, lp * (1 - 1e-6)));
        if (isStatic) {
            assertThat(lp).as(context + ": LP >= relaxation").isGreaterThanOrEqualTo(relaxation * (1 - 1e-6));
        }
        return "LP used";
    }

    @AfterAll
    static void report() {
        System.out.println("multi-commodity LP bound, outcomes: " + OUTCOMES);
    }
}
