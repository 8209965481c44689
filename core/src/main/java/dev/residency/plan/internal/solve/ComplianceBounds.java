package dev.residency.plan.internal.solve;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.plan.MigrationPlan;
import java.util.Arrays;

/**
 * Lower bounds on how early data can be compliant: on the violation-time integral (the area under the
 * curve of bytes still to arrive, {@link MigrationPlan#areaByteSeconds()}) and on each part's
 * compliance time. Stateless and thread-safe.
 *
 * <p><b>The relaxation.</b> {@code F_J(t)} is the maximum flow, in bytes, that the demands {@code J}
 * can deliver by time {@code t} on the relaxed time-expanded network of {@link MakespanBound} (data may
 * wait at every site, capacities rounded up), with nothing else on it. Any plan's bytes of {@code J}
 * that have arrived by {@code t} form a feasible flow of that network, so they are at most {@code
 * F_J(t)}; the network of the other demands only takes capacity away.
 *
 * <p><b>Area bound.</b> For a plan moving {@code D_j} bytes of commodity {@code j}, whose batches end at
 * {@code e_b}, the area of {@code j} is {@code sum_b bytes_b e_b = integral over t of (D_j - A_j(t))},
 * where {@code A_j(t)} is the bytes of {@code j}'s batches ended by {@code t}. Since {@code A_j(t) <=
 * F_j(t)}, the area of {@code j} is at least {@code integral (D_j - F_j(t))^+ dt}, and the plan's area,
 * the sum over commodities, at least the sum of these (each commodity alone on the empty network). The
 * same argument with all commodities merged gives a second bound; the larger of the two holds. The
 * integrals are evaluated with the right-endpoint rule at {@value #SAMPLES} points up to the time
 * {@code F} reaches {@code D}: {@code F} is non-decreasing, so on {@code [t_k, t_{k+1}]}, {@code D -
 * F(t) >= D - F(t_{k+1})}, and the sum never exceeds the integral.
 *
 * <p><b>Part bound.</b> A part's bytes cannot all have arrived before the least {@code t} with {@code
 * F_part(t)} equal to them, found as {@link MakespanBound#relaxedHorizon} does; nor before the same
 * time for its bytes of any one commodity on that commodity's own network. The largest of these holds.
 */
final class ComplianceBounds {

    /** The number of sample points of the area integrals. */
    static final int SAMPLES = 16;

    /** The relative precision of the bisections: the bound is the lower end, so it stays sound. */
    static final double PRECISION = 1e-4;

    private ComplianceBounds() {}

    /**
     * Returns a lower bound, in byte-seconds, on the violation-time integral of any plan moving {@code
     * bytesPerDemand} (indexed like the problem's demands).
     */
    public static double areaLowerBound(AggregatedProblem problem, long[] bytesPerDemand) {
        checkNotNull(problem, "problem");
        checkArgument(
                bytesPerDemand.length == problem.demandCount(),
                "bytesPerDemand has %s entries for %s demands",
                bytesPerDemand.length,
                problem.demandCount());
        long[] units = MakespanBound.flooredUnits(problem, bytesPerDemand);
        int k = problem.commodityCount();
        boolean[] all = new boolean[k];
        Arrays.fill(all, true);
        double merged = area(problem, all, units);
        double separate = 0;
        if (k > 1) {
            for (int j = 0; j < k; j++) {
                boolean[] one = new boolean[k];
                one[j] = true;
                separate += area(problem, one, units);
            }
        }
        return Math.max(merged, separate);
    }

    /**
     * Returns a lower bound, in seconds, on when the demands marked in {@code part} can have moved their
     * {@code bytesPerDemand}, with only they on the network.
     */
    public static double partLowerBoundSeconds(AggregatedProblem problem, long[] bytesPerDemand, boolean[] part) {
        checkNotNull(problem, "problem");
        checkArgument(part.length == problem.demandCount(), "part has %s entries", part.length);
        long[] units = MakespanBound.flooredUnits(problem, bytesPerDemand);
        for (int d = 0; d < units.length; d++) {
            if (!part[d]) {
                units[d] = 0;
            }
        }
        // The merged relaxation lets the part use any commodity's destinations; each commodity's own
        // relaxation keeps its destinations (a late-ready site binds). Every one is a bound; keep the largest.
        int k = problem.commodityCount();
        boolean[] all = new boolean[k];
        Arrays.fill(all, true);
        double best = MakespanBound.relaxedHorizon(problem, all, units, PRECISION);
        boolean[] present = new boolean[k];
        for (int d = 0; d < units.length; d++) {
            present[problem.demandCommodity[d]] |= units[d] > 0;
        }
        for (int j = 0; j < k && k > 1; j++) {
            if (present[j]) {
                boolean[] one = new boolean[k];
                one[j] = true;
                best = Math.max(best, MakespanBound.relaxedHorizon(problem, one, units, PRECISION));
            }
        }
        return best;
    }

    /** Returns the right-endpoint sum of {@code (D - F(t))^+} for the commodities in {@code mask}, in byte-seconds. */
    private static double area(AggregatedProblem problem, boolean[] mask, long[] units) {
        long need = 0;
        for (int d = 0; d < units.length; d++) {
            if (mask[problem.demandCommodity[d]]) {
                need += units[d];
            }
        }
        if (need == 0) {
            return 0;
        }
        RelaxedNetworkProbe probe = new RelaxedNetworkProbe(problem, mask, units);
        double end = MakespanBound.relaxedHorizon(problem, probe, PRECISION);
        double area = 0;
        double previous = 0;
        for (int k = 1; k <= SAMPLES; k++) {
            double t = end * k / SAMPLES;
            long flow = k == SAMPLES ? need : probe.maxFlow(t);
            area += (double) (need - Math.min(need, flow)) * (t - previous);
            previous = t;
        }
        return area * problem.unitBytes;
    }
}
