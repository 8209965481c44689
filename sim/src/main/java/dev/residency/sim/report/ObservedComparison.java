package dev.residency.sim.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.scenario.ObservedMilestone;
import dev.residency.sim.scenario.ObservedMilestone.Subject;
import java.time.Instant;
import java.util.List;

/**
 * A simulated milestone set beside what was observed in the real programme: the simulated days from
 * the start over replications, the mean's date, how far that date falls outside the observed range,
 * and whether it reproduces the observation within the stated tolerance.
 *
 * @param observed the observation
 * @param simulatedDays the simulated milestone, days since the start, over replications
 * @param simulatedDate the calendar instant of the mean, if any run reached the milestone
 * @param daysOutside how far the mean falls outside the observed range, in days (0 inside; negative:
 *     earlier); NaN if no run reached it
 * @param reproduced whether the mean falls within the range widened by the tolerance
 * @param runsReproducing how many single runs fall within the widened range
 */
public record ObservedComparison(
        ObservedMilestone observed,
        Estimate simulatedDays,
        java.util.Optional<Instant> simulatedDate,
        double daysOutside,
        boolean reproduced,
        int runsReproducing) {

    private static final double DAY = 86_400;

    /** Creates a comparison. */
    public ObservedComparison {
        checkNotNull(observed, "observed");
        checkNotNull(simulatedDays, "simulatedDays");
        checkNotNull(simulatedDate, "simulatedDate");
    }

    /**
     * Compares every observation of {@code observed} with the runs {@code results} of a scenario
     * starting at {@code start}.
     *
     * @throws IllegalArgumentException if {@code results} is empty or an observation names a subject
     *     the runs do not report
     */
    public static ImmutableList<ObservedComparison> of(
            List<ObservedMilestone> observed, Instant start, List<RunResult> results) {
        checkNotNull(observed, "observed");
        checkNotNull(start, "start");
        checkNotNull(results, "results");
        checkArgument(!results.isEmpty(), "a comparison needs at least one run");
        ImmutableList.Builder<ObservedComparison> out = ImmutableList.builder();
        for (ObservedMilestone o : observed) {
            double[] seconds = results.stream().mapToDouble(r -> seconds(o, r)).toArray();
            double[] days = new double[seconds.length];
            int reproducing = 0;
            for (int i = 0; i < seconds.length; i++) {
                days[i] = seconds[i] / DAY;
                if (!Double.isNaN(seconds[i]) && o.reproducedBy(at(start, seconds[i]))) {
                    reproducing++;
                }
            }
            Estimate e = Estimate.of(days);
            if (e.n() == 0) {
                out.add(new ObservedComparison(o, e, java.util.Optional.empty(), Double.NaN, false, 0));
            } else {
                Instant mean = at(start, e.mean() * DAY);
                out.add(new ObservedComparison(
                        o, e, java.util.Optional.of(mean), o.daysOutside(mean), o.reproducedBy(mean), reproducing));
            }
        }
        return out.build();
    }

    private static Instant at(Instant start, double seconds) {
        return start.plusMillis(Math.round(seconds * 1000));
    }

    /** Returns run {@code r}'s simulated seconds for observation {@code o}, NaN if never reached. */
    private static double seconds(ObservedMilestone o, RunResult r) {
        if (o.subject() == Subject.ALL) {
            return switch (o.what()) {
                case CLEAN -> r.liveComplianceSeconds();
                case BACKUPS_GONE -> r.fullComplianceSeconds();
                case RECEIVING -> throw new IllegalArgumentException("only a site can be observed receiving data");
            };
        }
        Milestone.Kind kind = Milestone.Kind.valueOf(o.subject().name());
        Milestone m = r.milestones().stream()
                .filter(x -> x.kind() == kind && x.name().equals(o.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "observed " + o.subject().label() + " \"" + o.name() + "\" is not reported by the run"));
        return switch (o.what()) {
            case CLEAN -> m.liveSeconds();
            case BACKUPS_GONE -> m.fullSeconds();
            case RECEIVING -> m.firstReceiptSeconds();
        };
    }
}
