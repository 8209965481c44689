package dev.residency.plan.internal.solve;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.plan.internal.flow.MaxFlow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lower bounds on the makespan of an {@link AggregatedProblem}: the fluid optimum the plans are
 * measured against, and the naive bound it replaces. Stateless and thread-safe.
 */
final class MakespanBound {

    private static final Logger LOG = LoggerFactory.getLogger(MakespanBound.class);

    private MakespanBound() {}

    /**
     * Returns a lower bound on the makespan of moving {@code bytesPerDemand} (indexed like the
     * problem's demands), in seconds: the fluid optimum of the relaxed time-expanded network (data may
     * wait anywhere, capacities rounded up), i.e. for one commodity the largest, over sets of sites
     * holding data, of the bytes they must send over the capacity leaving the set (max-flow min-cut),
     * found by bisection with a max-flow per probe. For several commodities, the largest of each
     * commodity's bound and the merged relaxation's (every commodity may use the destinations and
     * pass-through sites of any); and when the multi-commodity LP has at most {@value
     * FluidLp#MAX_VARIABLES} variables (counted after {@link FluidLp} drops the arcs no source-to-destination
     * path uses), also its optimum (Commons Math's simplex, less 10^-6 relative for its tolerance): exact
     * where capacities are static, and at the topology's full rates a relaxation where they vary.
     *
     * <p>If the LP fails (a numerical failure: on moved bytes it is feasible), the relaxation bound is
     * returned, which is still sound, and the failure is logged at WARN; {@link #lowerBound} also
     * reports it, and the flow planner writes it into the plan's method. Within the size limit such a
     * failure is a bug: {@code FluidLpTest} fails on it over random fleets of up to 100 sites (the
     * 100-site fleet of {@code AggregatedSolveBenchmark} used to stop at the simplex's iteration cap).
     */
    public static double lowerBoundSeconds(AggregatedProblem problem, long[] bytesPerDemand) {
        return lowerBound(problem, bytesPerDemand).seconds();
    }

    /**
     * A makespan lower bound and, if the multi-commodity LP was tried and failed, why (then the
     * bound is the relaxation's).
     *
     * @param seconds the bound, in seconds
     * @param lpSeconds the multi-commodity LP's optimum in seconds (the bound is at least it less 10^-6
     *     relative), or NaN if the LP was not solved
     * @param lpFailure the LP's failure message, or empty if it succeeded or was not tried
     * @param lpVariables the LP's variables after pruning when it was called for (several commodities,
     *     a positive relaxation), else 0; above {@link FluidLp#MAX_VARIABLES} the LP is not attempted and
     *     the bound is the relaxation's, which {@link #lpSkipped} says
     */
    public record Bound(double seconds, double lpSeconds, Optional<String> lpFailure, int lpVariables) {

        /** Checks the fields. */
        public Bound {
            checkNotNull(lpFailure, "lpFailure");
            checkArgument(lpVariables >= 0, "lpVariables must be >= 0, was %s", lpVariables);
        }

        /**
         * Returns why the bound is the relaxation's although several commodities compete, if the LP was
         * called for but too large to attempt, else empty.
         */
        public Optional<String> lpSkipped() {
            return lpVariables > FluidLp.MAX_VARIABLES
                    ? Optional.of(String.format(
                            "its LP of %,d variables is above the limit of %,d", lpVariables, FluidLp.MAX_VARIABLES))
                    : Optional.empty();
        }
    }

    /**
     * Returns {@link #lowerBoundSeconds}'s bound with the LP's failure, if any.
     *
     * @throws IllegalArgumentException if {@code bytesPerDemand} does not have one entry per demand
     */
    public static Bound lowerBound(AggregatedProblem problem, long[] bytesPerDemand) {
        checkNotNull(problem, "problem");
        checkArgument(
                bytesPerDemand.length == problem.demandCount(),
                "bytesPerDemand has %s entries for %s demands",
                bytesPerDemand.length,
                problem.demandCount());
        long[] units = flooredUnits(problem, bytesPerDemand);
        double best = 0;
        List<boolean[]> masks = boundMasks(problem, units);
        for (boolean[] mask : masks) {
            best = Math.max(best, relaxedHorizon(problem, mask, units));
        }
        double solved = Double.NaN;
        int variables = 0;
        if (masks.size() > 1 && best > 0 && Double.isFinite(best)) {
            FluidLp.Layout layout = FluidLp.layout(problem, bytesPerDemand);
            variables = layout.variables();
            if (variables > FluidLp.MAX_VARIABLES) {
                return new Bound(best, Double.NaN, Optional.empty(), variables);
            }
            try {
                double lp = layout.solve();
                solved = lp;
                if (lp > 0) {
                    // The simplex works to about 1e-9 relative; keep the bound on the safe side.
                    best = Math.max(best, lp * (1 - 1e-6));
                }
            } catch (MathIllegalStateException e) {
                // Not swallowed: on moved bytes the LP is feasible, so this is a numerical failure. The
                // relaxation bound stays sound; say so where people look.
                String why = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warn(
                        "multi-commodity LP bound failed on a feasible problem ({} demands, {} commodities); "
                                + "keeping the relaxation bound {} s: {}",
                        problem.demandCount(),
                        problem.commodityCount(),
                        best,
                        why);
                return new Bound(best, Double.NaN, Optional.of(why), variables);
            }
        }
        return new Bound(best, solved, Optional.empty(), variables);
    }

    /**
     * Returns the naive bound the planner does not use: all bytes over the rate of one static max-flow
     * from every source to every allowed destination (storage ignored). It can be far weaker than
     * {@link #lowerBoundSeconds}, since one max-flow lets any source use any other source's capacity.
     */
    public static double naiveBoundSeconds(AggregatedProblem problem, long[] bytesPerDemand) {
        long total = 0;
        long[] open = new long[bytesPerDemand.length];
        for (int d = 0; d < open.length; d++) {
            total += bytesPerDemand[d];
            open[d] = bytesPerDemand[d] > 0 ? 1L << 50 : 0;
        }
        if (total == 0) {
            return 0;
        }
        // Capacities over 1000 s stay far below the 2^52 used as "unbounded" for any real rate.
        double horizon = 1e3;
        long unbounded = 1L << 52;
        boolean[] all = new boolean[problem.commodityCount()];
        Arrays.fill(all, true);
        long[] capacity = TimeExpandedNetwork.capacities(problem, horizon, true, unbounded);
        int sites = problem.topology.siteCount();
        for (int v = 0; v < sites; v++) {
            capacity[capacity.length - sites + v] = unbounded;
        }
        TimeExpandedNetwork ten = TimeExpandedNetwork.build(problem, horizon, all, open, capacity, true, true);
        long flow = MaxFlow.augment(ten.network, ten.source, ten.sink);
        return flow == 0 ? Double.POSITIVE_INFINITY : total / (flow * (double) problem.unitBytes / horizon);
    }

    private static List<boolean[]> boundMasks(AggregatedProblem problem, long[] units) {
        int k = problem.commodityCount();
        boolean[] used = new boolean[k];
        for (int d = 0; d < units.length; d++) {
            if (units[d] > 0) {
                used[problem.demandCommodity[d]] = true;
            }
        }
        List<boolean[]> masks = new ArrayList<>();
        masks.add(used);
        int count = 0;
        for (boolean u : used) {
            count += u ? 1 : 0;
        }
        if (count > 1) {
            for (int j = 0; j < k; j++) {
                if (used[j]) {
                    boolean[] one = new boolean[k];
                    one[j] = true;
                    masks.add(one);
                }
            }
        }
        return masks;
    }

    static double relaxedHorizon(AggregatedProblem problem, boolean[] mask, long[] units) {
        return relaxedHorizon(problem, mask, units, HorizonSearch.PRECISION);
    }

    /**
     * Returns the largest horizon found not to carry {@code units} of the commodities in {@code mask} on
     * the relaxed network (a lower bound), bisecting to the relative {@code precision}. The probes share
     * one network ({@link RelaxedNetworkProbe}), each one's max-flow the same number as on a network
     * built for its horizon, so the search and its result are those of one network per probe.
     */
    static double relaxedHorizon(AggregatedProblem problem, boolean[] mask, long[] units, double precision) {
        return relaxedHorizon(problem, new RelaxedNetworkProbe(problem, mask, units), precision);
    }

    /** As {@link #relaxedHorizon(AggregatedProblem, boolean[], long[], double)}, on {@code probe}'s network. */
    static double relaxedHorizon(AggregatedProblem problem, RelaxedNetworkProbe probe, double precision) {
        long need = probe.need();
        if (need == 0) {
            return 0;
        }
        return HorizonSearch.search(
                problem, probe::fits, Double.POSITIVE_INFINITY, HorizonSearch.initialLength(problem, need), precision)[
                0];
    }

    /**
     * Returns each demand's bytes in whole units of the problem, rounded down: a bound computed on fewer
     * units than the plan moves stays a lower bound.
     */
    static long[] flooredUnits(AggregatedProblem problem, long[] bytesPerDemand) {
        long[] units = new long[bytesPerDemand.length];
        for (int d = 0; d < units.length; d++) {
            units[d] = bytesPerDemand[d] / problem.unitBytes;
        }
        return units;
    }
}
