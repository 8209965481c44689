package dev.residency.plan.internal.solve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanFixtures;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.internal.flow.MinCostFlow;
import dev.residency.plan.verify.PlanVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sequential decomposition's gap to the exact multi-commodity LP ({@link MultiCommodityLp}) on
 * the earliest-arrival objective, over 30 seeded instances (more with {@code -Dresidency.gapSeeds=N}) of two kinds: {@link LpInstances}' static
 * ones with two or three competing rules, at a time step of a tenth of their makespan (so the
 * time-expanded network has about ten slots), and {@link PlanFixtures#random}'s time-varying ones
 * (tight storage, late sites, approvals, maintenance windows, hard and soft deadlines, keep
 * priorities, two required copies).
 *
 * <p>Each instance is solved twice, with and without the LP. Where both routed on the same
 * earliest-arrival network (same horizon), the LP's optimum is at most the decomposition's cost on it
 * (gap &ge; 0: the decomposition is a feasible integral flow of that LP), and the LP path's own
 * integral routing reaches the LP's optimum unless its method says the rounding left it above. Both
 * plans are checked by the verifier. The distributions of the cost gap and of the plans' area ratio
 * (decomposition over LP) are printed after the run; {@code docs/planner-lp.md} quotes them.
 */
final class MultiCommodityAreaGapTest {

    private static final List<Double> COST_GAPS = Collections.synchronizedList(new ArrayList<>());
    private static final List<Double> MODEL_AREA_GAPS = Collections.synchronizedList(new ArrayList<>());
    private static final List<Double> AREA_RATIOS = Collections.synchronizedList(new ArrayList<>());
    private static final LongAdder ON_LP = new LongAdder();
    private static final LongAdder KEPT = new LongAdder();
    private static final List<String> SKIPPED = Collections.synchronizedList(new ArrayList<>());

    /** 30 seeds by default (about half a minute unloaded); {@code -Dresidency.gapSeeds=N} for the documented runs. */
    static LongStream seeds() {
        return LongStream.range(0, Long.getLong("residency.gapSeeds", 30));
    }

    /** Seed {@code s}: even seeds are static LP instances, odd ones time-varying random ones. */
    static PlanningProblem instance(long seed) {
        if (seed % 2 == 1) {
            return PlanFixtures.random(seed, 5, true);
        }
        int rules = 2 + (int) (seed / 2 % 2);
        MigrationPlan probe = new FlowPlanner().plan(LpInstances.random(seed, rules, Duration.ofSeconds(1)));
        long step = Math.max(1, (long) Math.ceil(probe.makespanSeconds() / 10));
        return LpInstances.random(seed, rules, Duration.ofSeconds(step));
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void solve_withAndWithoutLp_lpNeverWorse(long seed) {
        PlanningProblem problem = instance(seed);
        AggregatedProblem aggregated = AggregatedProblem.of(problem);
        double copyDeadline = AggregateSolver.copyDeadlineSeconds(problem);
        FlowSolution exact = AggregateSolver.solve(aggregated, copyDeadline, MinCostFlow::solve, true);
        FlowSolution decomposed = AggregateSolver.solve(aggregated, copyDeadline, MinCostFlow::solve, false);
        String context = String.format(
                Locale.ROOT,
                "seed %s: LP %s (cost %.9g, model %.9g, horizon %s); decomposition %s (model %.9g, horizon %s)",
                seed,
                exact.method,
                exact.lpCost,
                exact.modelCost,
                exact.arrivalHorizon,
                decomposed.method,
                decomposed.modelCost,
                decomposed.arrivalHorizon);
        assertThat(exact.routedBytes()).as(context).isEqualTo(decomposed.routedBytes());
        if (!exact.exactLp()) {
            SKIPPED.add(exact.arrivalStatus.isEmpty() ? "one commodity or no earliest arrival" : "LP too large");
            assertThat(exact.method).as(context).startsWith(decomposed.method);
            return;
        }
        assertThat(exact.modelCost)
                .as("%s: the LP path's routing is at or above the LP optimum", context)
                .isGreaterThanOrEqualTo(exact.lpCost * (1 - 1e-6) - 1);
        if (exact.method.contains("exact LP")) {
            assertThat(exact.modelCost).as(context).isLessThanOrEqualTo(exact.lpCost * (1 + 1e-6) + 1);
        }
        if (Double.isNaN(decomposed.modelCost)) {
            // The decomposition found no earliest-arrival routing at all (as in ExactLpTest's instance).
            COST_GAPS.add(Double.POSITIVE_INFINITY);
            MODEL_AREA_GAPS.add(Double.POSITIVE_INFINITY);
        } else if (decomposed.arrivalHorizon == exact.arrivalHorizon) {
            assertThat(decomposed.modelCost)
                    .as("%s: gap >= 0", context)
                    .isGreaterThanOrEqualTo(exact.lpCost * (1 - 1e-6) - 1);
            COST_GAPS.add(decomposed.modelCost / exact.lpCost - 1);
            MODEL_AREA_GAPS.add(decomposed.modelArea / exact.modelArea - 1);
        }
        MigrationPlan withLp = new FlowPlanner(true).plan(problem);
        MigrationPlan without = new FlowPlanner(false).plan(problem);
        assertThat(PlanVerifier.verify(withLp, problem).isValid())
                .as("%s: %s", context, PlanVerifier.verify(withLp, problem))
                .isTrue();
        assertThat(PlanVerifier.verify(without, problem).isValid()).as(context).isTrue();
        ON_LP.increment();
        if (withLp.method().contains("; exact LP over")) {
            KEPT.increment();
        }
        if (withLp.areaByteSeconds() > 0 && withLp.bytesToMove() == without.bytesToMove()) {
            double ratio = without.areaByteSeconds() / withLp.areaByteSeconds();
            AREA_RATIOS.add(ratio);
            if (ratio < 0.99 || ratio > 1.01) {
                System.out.printf(
                        Locale.ROOT,
                        "seed %d: plan area ratio %.4f; LP plan %s; decomposition plan %s%n",
                        seed,
                        ratio,
                        withLp.method(),
                        without.method());
            }
        }
    }

    /**
     * Seeds 43 and 82, where the exact LP's plan had a larger violation-time integral than the
     * decomposition's (plan areas 1.2458e6 against 1.1786e6 B·s, and 1.1936e12 against 1.0420e12, both
     * plans moving the same bytes): the LP's vertex splits a commodity's flow over other routes and slots,
     * and whole records and batch timing then fall worse. The planner now also assembles the
     * decomposition's earliest-arrival routing on the LP's network and keeps the better plan, so the LP
     * path is never worse than the decomposition on these seeds. (Without that choice seed 82 still fails:
     * 2.588e12 against 2.453e12 B·s; seed 43 no longer differs since the earliest-arrival grid has fine
     * slots after events.)
     */
    @ParameterizedTest(name = "seed={0}")
    @ValueSource(longs = {43, 82})
    void plan_seedsWhereTheLpPlanWasWorse_neverWorseThanTheDecomposition(long seed) {
        PlanningProblem problem = instance(seed);

        MigrationPlan withLp = new FlowPlanner(true).plan(problem);
        MigrationPlan without = new FlowPlanner(false).plan(problem);

        String context = String.format(
                Locale.ROOT,
                "seed %d: LP path %s area %.6g; decomposition %s area %.6g",
                seed,
                withLp.method(),
                withLp.areaByteSeconds(),
                without.method(),
                without.areaByteSeconds());
        assertThat(withLp.bytesToMove()).as(context).isEqualTo(without.bytesToMove());
        assertThat(withLp.areaByteSeconds()).as(context).isLessThanOrEqualTo(without.areaByteSeconds());
        assertThat(PlanVerifier.verify(withLp, problem).isValid()).as(context).isTrue();
    }

    @AfterAll
    static void report() {
        System.out.printf(
                Locale.ROOT,
                "multi-commodity earliest arrival, decomposition vs exact LP: %d instances on the LP path (%d not: %s)%n"
                        + "  objective gap (decomposition / LP - 1) on the same network: %s%n"
                        + "  area gap on that network (slot midpoints; decomposition / LP - 1): %s%n"
                        + "  plan area ratio (decomposition / LP; %d of the LP path's plans kept its streams): %s%n",
                ON_LP.sum(),
                SKIPPED.size(),
                summary(SKIPPED),
                distribution(COST_GAPS),
                distribution(MODEL_AREA_GAPS),
                KEPT.sum(),
                distribution(AREA_RATIOS));
    }

    private static String summary(List<String> reasons) {
        synchronized (reasons) {
            return reasons.stream()
                    .collect(Collectors.groupingBy(r -> r, TreeMap::new, Collectors.counting()))
                    .toString();
        }
    }

    private static String distribution(List<Double> values) {
        List<Double> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) {
            return "none";
        }
        Collections.sort(sorted);
        long infinite = sorted.stream().filter(v -> v.isInfinite()).count();
        List<Double> finite = sorted.subList(0, sorted.size() - (int) infinite);
        long zero = finite.stream().filter(v -> Math.abs(v) < 1e-9).count();
        return String.format(
                Locale.ROOT,
                "n=%d, exactly 0: %d, min %.4g, median %.4g, 90th %.4g, max %.4g, decomposition without"
                        + " earliest arrival: %d",
                sorted.size(),
                zero,
                finite.isEmpty() ? Double.NaN : finite.get(0),
                finite.isEmpty() ? Double.NaN : finite.get(finite.size() / 2),
                finite.isEmpty() ? Double.NaN : finite.get((int) (finite.size() * 0.9)),
                finite.isEmpty() ? Double.NaN : finite.get(finite.size() - 1),
                infinite);
    }
}
