package dev.residency.sim.report;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.residency.geo.Jurisdiction;
import java.util.List;
import java.util.Map;

/** Hand-built run results for the report package's tests: only the figures a test sets differ from zero. */
final class RunResults {

    private RunResults() {}

    /** Returns a series of US and CA violating bytes and backups at the given instants. */
    static TimeSeries series(double[] seconds, long[] us, long[] ca, long[] backups) {
        int n = seconds.length;
        return new TimeSeries(
                ImmutableList.of(Jurisdiction.US, Jurisdiction.CA),
                seconds,
                new long[][] {us, ca},
                backups,
                new long[n],
                new long[n],
                new double[n]);
    }

    /** Returns an empty series. */
    static TimeSeries empty() {
        return series(new double[0], new long[0], new long[0], new long[0]);
    }

    /** A result with the given headline figures, series, deletions, milestones and costs. */
    static RunResult run(
            int replication,
            double liveSeconds,
            double fullSeconds,
            boolean met,
            TimeSeries series,
            Map<String, Long> deletedByReason,
            List<Milestone> milestones,
            RunCosts costs) {
        return new RunResult(
                "s",
                42,
                replication,
                86_400,
                false,
                liveSeconds,
                fullSeconds,
                Math.max(0, Double.isNaN(fullSeconds) ? 0 : fullSeconds),
                0,
                0,
                met,
                0,
                0,
                0,
                ImmutableSortedMap.copyOf(deletedByReason),
                ForcedLoss.NONE,
                0,
                0,
                0,
                0,
                0,
                0,
                series,
                ImmutableList.of(),
                ImmutableList.copyOf(milestones),
                costs);
    }

    /** A result with only the headline figures set. */
    static RunResult run(int replication, double liveSeconds, double fullSeconds, boolean met) {
        return run(replication, liveSeconds, fullSeconds, met, empty(), Map.of(), List.of(), noCosts());
    }

    /** Costs of one unpriced site "a" that held nothing. */
    static RunCosts noCosts() {
        return new RunCosts(
                ImmutableList.of(new SiteCost("a", 0, Double.NaN, Double.NaN, Double.NaN)), 0, Double.NaN, Double.NaN);
    }
}
