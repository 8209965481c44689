package dev.residency.sim.report;

import static dev.residency.sim.report.RunResults.empty;
import static dev.residency.sim.report.RunResults.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.residency.sim.report.Milestone.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link MilestoneSummary} over two hand-built runs: days per subject, lookups, and mismatched runs refused. */
final class MilestoneSummaryTest {

    private static final double EPS = 1e-9;
    private static final double DAY = 86_400;

    private static RunResult withMilestones(int replication, List<Milestone> milestones) {
        return run(replication, 0, 0, true, empty(), Map.of(), milestones, RunResults.noCosts());
    }

    @Test
    void of_twoRuns_estimatesInDaysPerSubject() {
        RunResult first = withMilestones(
                0,
                List.of(
                        new Milestone(Kind.JURISDICTION, "US", DAY, 2 * DAY, DAY / 4),
                        new Milestone(Kind.SITE, "dc1", 0, 0, DAY / 2)));
        RunResult second = withMilestones(
                1,
                List.of(
                        new Milestone(Kind.JURISDICTION, "US", 3 * DAY, Double.NaN, 0),
                        new Milestone(Kind.SITE, "dc1", 0, 0, 1.5 * DAY)));

        MilestoneSummary s = MilestoneSummary.of(List.of(first, second));

        MilestoneSummary.Subject us = s.find(Kind.JURISDICTION, "US").orElseThrow();
        // Live 1 and 3 days → 2; full 2 days once, never once; first receipt 0.25 and 0 → 0.125.
        assertThat(us.liveDays().mean()).isCloseTo(2, within(EPS));
        assertThat(us.fullDays().mean()).isCloseTo(2, within(EPS));
        assertThat(us.fullDays().missing()).isEqualTo(1);
        assertThat(us.receiptDays().mean()).isCloseTo(0.125, within(EPS));
        assertThat(s.of(Kind.SITE)).singleElement().satisfies(dc -> {
            assertThat(dc.name()).isEqualTo("dc1");
            assertThat(dc.receiptDays().mean()).isCloseTo(1, within(EPS));
        });
        assertThat(s.of(Kind.RULE)).isEmpty();
        assertThat(s.find(Kind.SITE, "US")).isEmpty();
        assertThat(s.find(Kind.JURISDICTION, "CA")).isEmpty();
        assertThat(s.subjects()).extracting(MilestoneSummary.Subject::name).containsExactly("US", "dc1");
        assertThat(Kind.PHASE.label()).isEqualTo("phase");
    }

    @Test
    void of_runsListingOtherSubjects_isRefused() {
        RunResult one = withMilestones(0, List.of(new Milestone(Kind.JURISDICTION, "US", 0, 0, 0)));
        RunResult two = withMilestones(
                1, List.of(new Milestone(Kind.JURISDICTION, "US", 0, 0, 0), new Milestone(Kind.SITE, "a", 0, 0, 0)));
        RunResult renamed = withMilestones(2, List.of(new Milestone(Kind.JURISDICTION, "CA", 0, 0, 0)));
        RunResult rekinded = withMilestones(3, List.of(new Milestone(Kind.RULE, "US", 0, 0, 0)));

        assertThatThrownBy(() -> MilestoneSummary.of(List.of(one, two)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replication 1 has 2 milestones, replication 0 has 1");
        assertThatThrownBy(() -> MilestoneSummary.of(List.of(one, renamed)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replication 2 lists CA where replication 0 lists US");
        assertThatThrownBy(() -> MilestoneSummary.of(List.of(one, rekinded)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replication 3 lists US where replication 0 lists US");
        assertThatThrownBy(() -> MilestoneSummary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Milestone(Kind.SITE, " ", 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("milestone name must not be blank");
    }
}
