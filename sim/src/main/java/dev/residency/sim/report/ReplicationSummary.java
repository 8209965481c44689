package dev.residency.sim.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Headline figures over independent replications of one scenario: estimates with 95% confidence
 * intervals, the probability of meeting the deadline, and the spread of the violating-bytes series
 * (for the chart's band).
 *
 * @param scenario the scenario's name
 * @param seed the seed shared by the replications
 * @param runs the number of replications
 * @param metDeadline the probability that everything but blocked data was gone by the deadline
 * @param fullComplianceDays days to full compliance (backups included); NaN runs never got there
 * @param liveComplianceDays days until no violating copy was left on live systems
 * @param latenessDays days from the deadline to full compliance (negative: early)
 * @param violatingAtDeadline violating copy bytes left at the deadline
 * @param bytesMoved bytes copied to compliant places
 * @param bytesDeleted violating copy bytes deleted, all reasons
 * @param deletedByReason mean bytes deleted per reason
 * @param forcedLossBytes movable bytes deleted by the deadline rule
 * @param forcedLossUsers simulated users with at least one record so deleted (multiply by the
 *     scenario's scale for real-world users)
 * @param forcedLostWrites live writes lost because the deadline rule cut batches over before their
 *     catch-up finished
 * @param egressCostUsd egress price, US dollars
 * @param copyRetries copies repeated after corruption
 * @param band the violating-bytes series (backups included) over replications: per sample, the
 *     instant, minimum, median and maximum
 * @param costs what the runs cost, by kind and site ("not modelled" where the scenario gives no price)
 */
public record ReplicationSummary(
        String scenario,
        long seed,
        int runs,
        Proportion metDeadline,
        Estimate fullComplianceDays,
        Estimate liveComplianceDays,
        Estimate latenessDays,
        Estimate violatingAtDeadline,
        Estimate bytesMoved,
        Estimate bytesDeleted,
        ImmutableSortedMap<String, Estimate> deletedByReason,
        Estimate forcedLossBytes,
        Estimate forcedLossUsers,
        Estimate forcedLostWrites,
        Estimate egressCostUsd,
        Estimate copyRetries,
        ImmutableList<BandPoint> band,
        CostSummary costs) {

    private static final double DAY = 86_400;

    /**
     * One instant of the spread band.
     *
     * @param seconds simulated seconds since the start
     * @param min the smallest value over replications
     * @param median the median
     * @param max the largest
     * @param liveMedian the median of the violating bytes on live systems only (backups left out)
     */
    public record BandPoint(double seconds, double min, double median, double max, double liveMedian) {}

    /**
     * Summarises {@code results}, which must be replications of one scenario and seed.
     *
     * @throws IllegalArgumentException if {@code results} is empty
     */
    public static ReplicationSummary of(List<RunResult> results) {
        checkNotNull(results, "results");
        checkArgument(!results.isEmpty(), "a summary needs at least one run");
        RunResult first = results.get(0);
        int met = (int) results.stream().filter(RunResult::metDeadline).count();
        TreeMap<String, Estimate> byReason = new TreeMap<>();
        results.stream()
                .flatMap(r -> r.deletedByReason().keySet().stream())
                .distinct()
                .forEach(reason -> byReason.put(
                        reason, estimate(results, r -> r.deletedByReason().getOrDefault(reason, 0L))));
        return new ReplicationSummary(
                first.scenario(),
                first.seed(),
                results.size(),
                Proportion.of(met, results.size()),
                estimate(results, r -> r.fullComplianceSeconds() / DAY),
                estimate(results, r -> r.liveComplianceSeconds() / DAY),
                estimate(results, r -> r.latenessSeconds() / DAY),
                estimate(results, r -> r.violatingAtDeadline()),
                estimate(results, r -> r.bytesMoved()),
                estimate(results, r -> r.bytesDeleted()),
                ImmutableSortedMap.copyOf(byReason),
                estimate(results, r -> r.forcedLoss().bytes()),
                estimate(results, r -> r.forcedLoss().users()),
                estimate(results, r -> r.forcedLoss().lostWriteBytes()),
                estimate(results, RunResult::egressCostUsd),
                estimate(results, r -> r.copyRetries()),
                band(results),
                CostSummary.of(results));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static Estimate estimate(List<RunResult> results, ToDoubleFunction<RunResult> figure) {
        return Estimate.of(results.stream().mapToDouble(figure).toArray());
    }

    /**
     * Aligns the series by time on the samples of the run that lasts longest (the most samples among
     * equals): each run contributes its latest sample at or before each instant, and its last value
     * after its end. Runs of one scenario share the sampling interval, so this is alignment by sample
     * index; runs that drew different inputs (a backup retention, say) may not, and are still compared
     * at the same instants.
     */
    private static ImmutableList<BandPoint> band(List<RunResult> results) {
        TimeSeries longest = results.stream()
                .map(RunResult::series)
                .max(java.util.Comparator.comparingDouble(
                                (TimeSeries s) -> s.size() == 0 ? -1 : s.seconds(s.size() - 1))
                        .thenComparingInt(TimeSeries::size))
                .orElseThrow();
        ImmutableList.Builder<BandPoint> band = ImmutableList.builder();
        double[] values = new double[results.size()];
        double[] live = new double[results.size()];
        int[] at = new int[results.size()];
        for (int i = 0; i < longest.size(); i++) {
            double t = longest.seconds(i);
            for (int r = 0; r < results.size(); r++) {
                TimeSeries s = results.get(r).series();
                while (at[r] + 1 < s.size() && s.seconds(at[r] + 1) <= t) {
                    at[r]++;
                }
                values[r] = s.size() == 0 ? 0 : s.violatingWithBackups(at[r]);
                live[r] = s.size() == 0 ? 0 : s.violatingTotal(at[r]);
            }
            Arrays.sort(values);
            int n = values.length;
            band.add(new BandPoint(longest.seconds(i), values[0], median(values), values[n - 1], median(live)));
        }
        return band.build();
    }
}
