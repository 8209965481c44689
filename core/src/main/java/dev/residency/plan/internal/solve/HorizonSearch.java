package dev.residency.plan.internal.solve;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The search for the smallest horizon at which a demand fits: scan the interval starts (capacities
 * are piecewise constant), then double past the last one, then bisect to a relative precision of
 * 10^-7, one max-flow per probe.
 */
final class HorizonSearch {

    static final double PRECISION = 1e-7;
    private static final int MAX_DOUBLINGS = 200;

    private HorizonSearch() {}

    /** A feasibility test of a horizon, monotone in the horizon. */
    interface Probe {
        boolean fits(double horizon);
    }

    /**
     * Returns {lo, hi}: hi fits, lo does not (or is 0), hi - lo within the precision. Scans interval
     * starts first (capacities are piecewise constant), then doubles, then bisects.
     */
    static double[] search(AggregatedProblem problem, Probe probe, double upper, double initial) {
        return search(problem, probe, upper, initial, PRECISION);
    }

    /** As {@link #search(AggregatedProblem, Probe, double, double)}, bisecting to {@code precision}. */
    static double[] search(AggregatedProblem problem, Probe probe, double upper, double initial, double precision) {
        Timeline timeline = problem.timeline;
        double lo = 0;
        double hi = Double.NaN;
        for (int i = 1; i < timeline.intervalCount() && timeline.start(i) < upper; i++) {
            if (probe.fits(timeline.start(i))) {
                hi = timeline.start(i);
                break;
            }
            lo = timeline.start(i);
        }
        if (Double.isNaN(hi)) {
            if (upper < Double.POSITIVE_INFINITY) {
                hi = upper;
            } else {
                double length = initial;
                for (int k = 0; ; k++) {
                    checkArgument(k < MAX_DOUBLINGS, "no finite horizon carries the demand");
                    if (probe.fits(lo + length)) {
                        hi = lo + length;
                        break;
                    }
                    lo += length;
                    length *= 2;
                }
            }
        }
        while (hi - lo > precision * hi) {
            double mid = lo + (hi - lo) / 2;
            if (probe.fits(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return new double[] {lo, hi};
    }

    static double initialLength(AggregatedProblem problem, long units) {
        double rate = 0;
        for (int a = 0; a < problem.topology.arcCount(); a++) {
            rate += problem.topology.arcBytesPerSecond(a);
        }
        return Math.max(1, units * (double) problem.unitBytes / rate);
    }
}
