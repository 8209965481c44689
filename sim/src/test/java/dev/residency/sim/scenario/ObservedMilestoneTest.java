package dev.residency.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.residency.sim.scenario.ObservedMilestone.Subject;
import dev.residency.sim.scenario.ObservedMilestone.What;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Observed milestones: the loader reads dates, ranges and subjects and refuses references to nothing
 * with the path; the distance of a simulated date to the observed range is worked out by hand.
 */
final class ObservedMilestoneTest {

    private static final Instant JAN_1 = Instant.parse("2023-01-01T00:00:00Z");
    private static final Instant JAN_31 = Instant.parse("2023-01-31T00:00:00Z");

    private static String tiny() throws Exception {
        return Files.readString(
                Path.of(ObservedMilestoneTest.class
                        .getClassLoader()
                        .getResource("scenarios/valid/tiny.yaml")
                        .toURI()),
                StandardCharsets.UTF_8);
    }

    @Test
    void daysOutside_rangeAndOpenEnds_areSignedDistances() {
        ObservedMilestone range = new ObservedMilestone(
                What.CLEAN, Subject.ALL, "", Optional.of(JAN_1), Optional.of(JAN_31), Duration.ofDays(5), "s");
        // Inside: 0. Ten days after Jan 31: +10, beyond the 5-day tolerance. Three days before Jan 1: −3.
        assertThat(range.daysOutside(Instant.parse("2023-01-15T00:00:00Z"))).isZero();
        assertThat(range.daysOutside(Instant.parse("2023-02-10T00:00:00Z"))).isEqualTo(10);
        assertThat(range.reproducedBy(Instant.parse("2023-02-10T00:00:00Z"))).isFalse();
        assertThat(range.daysOutside(Instant.parse("2022-12-29T00:00:00Z"))).isEqualTo(-3);
        assertThat(range.reproducedBy(Instant.parse("2022-12-29T00:00:00Z"))).isTrue();
        ObservedMilestone notBefore = new ObservedMilestone(
                What.CLEAN, Subject.ALL, "", Optional.of(JAN_1), Optional.empty(), Duration.ZERO, "s");
        assertThat(notBefore.daysOutside(Instant.parse("2030-01-01T00:00:00Z"))).isZero();
        assertThat(notBefore.daysOutside(Instant.parse("2022-12-31T12:00:00Z"))).isEqualTo(-0.5);
    }

    @Test
    void load_unknownSubjectKey_isRefusedWithItsPath() throws Exception {
        // Found by LoaderFuzzTest (seed 9, case 587): a subject key that is not one of the four used
        // to reach Subject.valueOf and escape as an IllegalArgumentException.
        String text =
                tiny() + "observed:\n" + "  - {what: clean, of: {s\u0ee0te: dst}, date: 2020-09-01, source: \"s\"}\n";

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(text, "t.yaml"));

        assertThat(e.getMessage()).contains("observed[0].of.s\u0ee0te").contains("unknown key");
    }

    @Test
    void load_observedList_readsDateRangeAndSubjects() throws Exception {
        String text = tiny()
                + "observed:\n"
                + "  - {what: clean, of: all, date: 2020-09-01, tolerance: 3d, source: \"a report\"}\n"
                + "  - {what: backups-gone, of: {jurisdiction: us}, from: 2020-10-01, source: \"b\"}\n"
                + "  - {what: receiving, of: {site: dst}, from: 2020-08-01, to: 2020-08-10, source: \"c\"}\n";

        Scenario s = ScenarioLoader.load(text, "tiny.yaml");

        assertThat(s.run().observed()).hasSize(3);
        ObservedMilestone first = s.run().observed().get(0);
        assertThat(first.subject()).isEqualTo(Subject.ALL);
        assertThat(first.from()).isEqualTo(first.to()).contains(Instant.parse("2020-09-01T00:00:00Z"));
        assertThat(first.tolerance()).isEqualTo(Duration.ofDays(3));
        assertThat(s.run().observed().get(1).name()).isEqualTo("US");
        assertThat(s.run().observed().get(1).to()).isEmpty();
        assertThat(s.run().observed().get(2).what()).isEqualTo(What.RECEIVING);
    }

    @Test
    void load_observedReferencesNothing_reportsEachWithItsPath() throws Exception {
        String text = tiny()
                + "observed:\n"
                + "  - {what: clean, of: {phase: nope}, date: 2020-09-01, source: \"a\"}\n"
                + "  - {what: receiving, of: {jurisdiction: US}, date: 2020-09-01, source: \"b\"}\n"
                + "  - {what: gone, of: {site: dst}, source: \"c\"}\n"
                + "  - {what: clean, of: all, from: 2020-09-10, to: 2020-09-01}\n";

        ScenarioException e =
                catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(text, "observed.yaml"));

        assertThat(e.errors())
                .extracting(ScenarioError::path)
                .contains(
                        "observed[0].of.phase",
                        "observed[1].what",
                        "observed[2].what",
                        "observed[2]",
                        "observed[3].to",
                        "observed[3].source");
    }
}
