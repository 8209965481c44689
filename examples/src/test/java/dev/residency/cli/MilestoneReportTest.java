package dev.residency.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.sim.report.Estimate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Milestone dates and phase lateness are written as calendar dates and signed days, worked out by hand. */
final class MilestoneReportTest {

    private static final Instant START = Instant.parse("2022-01-01T00:00:00Z");

    @Test
    void date_estimateOfDays_isCalendarDatesWithInterval() {
        // Days 365 and 367 after 2022-01-01: mean day 366 is 2023-01-02; the interval spans more.
        String text = MilestoneReport.date(START, Estimate.of(365, 367));

        assertThat(text).startsWith("2023-01-02 (95% CI ").contains(" – ");
        assertThat(MilestoneReport.date(START, Estimate.of(0.5))).isEqualTo("2022-01-01");
        assertThat(MilestoneReport.date(START, Estimate.of(Double.NaN))).startsWith("never");
        assertThat(MilestoneReport.date(START, Estimate.of(10, Double.NaN))).endsWith("not reached in 1 runs");
    }

    @Test
    void lateness_againstDue_isSignedDays() {
        // Due 2023-01-01 is day 365; done on day 406 is 41 days late, on day 300 is 65 days early.
        double due = MilestoneReport.daysBetween(START, Instant.parse("2023-01-01T00:00:00Z"));

        assertThat(due).isEqualTo(365);
        assertThat(MilestoneReport.lateness(Estimate.of(406), due)).isEqualTo("41 days late");
        assertThat(MilestoneReport.lateness(Estimate.of(300), due)).isEqualTo("65 days early");
        assertThat(MilestoneReport.lateness(Estimate.of(Double.NaN), due)).isEqualTo("never done");
    }
}
