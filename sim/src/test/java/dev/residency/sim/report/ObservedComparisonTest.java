package dev.residency.sim.report;

import static dev.residency.sim.report.RunResults.empty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.residency.sim.scenario.ObservedMilestone;
import dev.residency.sim.scenario.ObservedMilestone.Subject;
import dev.residency.sim.scenario.ObservedMilestone.What;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link ObservedComparison}: the simulated milestone (mean over runs) set beside an observed date,
 * for the whole migration and for a site, with the runs reproducing it counted, by hand.
 */
final class ObservedComparisonTest {

    private static final Instant START = Instant.parse("2020-08-02T00:00:00Z");
    private static final double DAY = 86_400;

    private static ObservedMilestone observed(What what, Subject subject, String name, String date, int toleranceDays) {
        Instant at = Instant.parse(date + "T00:00:00Z");
        return new ObservedMilestone(
                what, subject, name, Optional.of(at), Optional.of(at), Duration.ofDays(toleranceDays), "a report");
    }

    private static RunResult run(int replication, double live, double full, double siteReceipt) {
        return RunResults.run(
                replication,
                live,
                full,
                true,
                empty(),
                Map.of(),
                List.of(new Milestone(Milestone.Kind.SITE, "dc1", 5 * DAY, 6 * DAY, siteReceipt)),
                RunResults.noCosts());
    }

    @Test
    void of_cleanOfAll_meanDateAndRunsWithinTolerance() {
        // Observed clean on 12 Aug (day 10), tolerance 2 days. Runs clean at days 9, 13 and 10: mean
        // day 10.667, 0.667 days after the date (reproduced); runs within 2 days: days 9 and 10.
        ObservedMilestone clean = observed(What.CLEAN, Subject.ALL, "", "2020-08-12", 2);
        List<RunResult> runs =
                List.of(run(0, 9 * DAY, 20 * DAY, 0), run(1, 13 * DAY, 20 * DAY, 0), run(2, 10 * DAY, 20 * DAY, 0));

        ObservedComparison c =
                ObservedComparison.of(List.of(clean), START, runs).get(0);

        assertThat(c.observed()).isSameAs(clean);
        assertThat(c.simulatedDays().mean()).isCloseTo(32.0 / 3, within(1e-9));
        assertThat(c.simulatedDate()).contains(START.plusMillis(Math.round(32.0 / 3 * DAY * 1000)));
        assertThat(c.daysOutside()).isCloseTo(2.0 / 3, within(1e-6));
        assertThat(c.reproduced()).isTrue();
        assertThat(c.runsReproducing()).isEqualTo(2);
    }

    @Test
    void of_backupsGoneAndSiteReceiving_readTheirMilestones() {
        // Backups gone of all on day 20 in both runs, observed day 30 with 1 day's tolerance: 10 days early.
        ObservedMilestone gone = observed(What.BACKUPS_GONE, Subject.ALL, "", "2020-09-01", 1);
        // Site dc1 receiving from days 1 and 3 (mean 2), observed on day 2: reproduced by the mean only.
        ObservedMilestone receiving = observed(What.RECEIVING, Subject.SITE, "dc1", "2020-08-04", 0);
        ObservedMilestone siteClean = observed(What.CLEAN, Subject.SITE, "dc1", "2020-08-07", 0);
        ObservedMilestone siteGone = observed(What.BACKUPS_GONE, Subject.SITE, "dc1", "2020-08-08", 0);
        List<RunResult> runs = List.of(run(0, DAY, 20 * DAY, DAY), run(1, DAY, 20 * DAY, 3 * DAY));

        List<ObservedComparison> c = ObservedComparison.of(List.of(gone, receiving, siteClean, siteGone), START, runs);

        assertThat(c.get(0).simulatedDays().mean()).isCloseTo(20, within(1e-9));
        assertThat(c.get(0).daysOutside()).isCloseTo(-10, within(1e-9));
        assertThat(c.get(0).reproduced()).isFalse();
        assertThat(c.get(0).runsReproducing()).isZero();
        assertThat(c.get(1).simulatedDays().mean()).isCloseTo(2, within(1e-9));
        assertThat(c.get(1).reproduced()).isTrue();
        assertThat(c.get(1).runsReproducing()).isZero();
        // dc1's milestones: clean on day 5 and backups gone on day 6 in both runs, as observed.
        assertThat(c.get(2).simulatedDays().mean()).isCloseTo(5, within(1e-9));
        assertThat(c.get(2).runsReproducing()).isEqualTo(2);
        assertThat(c.get(3).simulatedDays().mean()).isCloseTo(6, within(1e-9));
        assertThat(c.get(3).runsReproducing()).isEqualTo(2);
    }

    @Test
    void of_neverReached_hasNoDateAndReproducesNothing() {
        ObservedMilestone clean = observed(What.CLEAN, Subject.ALL, "", "2020-08-12", 2);

        ObservedComparison c = ObservedComparison.of(List.of(clean), START, List.of(run(0, Double.NaN, Double.NaN, 0)))
                .get(0);

        assertThat(c.simulatedDays().n()).isZero();
        assertThat(c.simulatedDate()).isEmpty();
        assertThat(c.daysOutside()).isNaN();
        assertThat(c.reproduced()).isFalse();
        assertThat(c.runsReproducing()).isZero();
    }

    @Test
    void of_subjectTheRunDoesNotReport_isRefused() {
        ObservedMilestone other = observed(What.CLEAN, Subject.SITE, "dc9", "2020-08-12", 0);

        assertThatThrownBy(() -> ObservedComparison.of(List.of(other), START, List.of(run(0, DAY, DAY, 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("observed site \"dc9\" is not reported by the run");
        assertThatThrownBy(() -> ObservedComparison.of(List.of(other), START, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a comparison needs at least one run");
        assertThatThrownBy(() -> ObservedComparison.of(List.of(other), START, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("results");
    }
}
