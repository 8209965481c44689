package dev.residency.sim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Axes parse ranges into evenly spaced values in their ends' unit and lists into values; bad ones name the text. */
final class AxisTest {

    @Test
    void parse_durationRange_evenlySpacedWithEnds() {
        Axis a = Axis.parse("run.backups.retention=14d..180d:3", OptionalInt.empty());

        // (180 - 14) / 2 = 83 days: 14, 97, 180.
        assertThat(a.values()).containsExactly("14d", "97d", "180d");
        assertThat(a.range()).isTrue();
        assertThat(a.kind()).isEqualTo(InputKind.RUN);
    }

    @Test
    void parse_sizeRange_keepsUnitAndQuotes() {
        Axis a = Axis.parse("sites[2].storage=50 PB..100 PB:3", OptionalInt.empty());

        assertThat(a.values()).containsExactly("50 PB", "\"75 PB\"", "100 PB");
        assertThat(a.kind()).isEqualTo(InputKind.POPULATION);
        assertThat(a.plotValue(1)).contains(75_000.0);
        assertThat(a.plotUnit()).isEqualTo("TB");
    }

    @Test
    void parse_integerRange_roundsToWholeNumbers() {
        Axis a = Axis.parse("run.replications=1..10:4", OptionalInt.empty());

        // 1 + 9k/3 = 1, 4, 7, 10.
        assertThat(a.values()).containsExactly("1", "4", "7", "10");
    }

    @Test
    void parse_dateRange_printsDates() {
        Axis a = Axis.parse("run.deadline=2020-09-15..2020-09-25:3", OptionalInt.empty());

        assertThat(a.values()).containsExactly("2020-09-15", "2020-09-20", "2020-09-25");
        assertThat(a.kind()).isEqualTo(InputKind.PLAN);
    }

    @Test
    void parse_listWithFlowSequences_splitsAtTopLevelCommas() {
        Axis a = Axis.parse("policy.rules[0].homes=[US, CA],[US]", OptionalInt.empty());

        assertThat(a.values()).containsExactly("[US, CA]", "[US]");
        assertThat(a.range()).isFalse();
    }

    @Test
    void parse_rangeWithoutPoints_usesDefaultWhenAllowed() {
        assertThat(Axis.parse("run.backups.retention=0d..10d", OptionalInt.of(11))
                        .values())
                .hasSize(11)
                .contains("5d");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "run.backups.retention=180d..14d:5 | must be below HIGH",
                "run.backups.retention=30d..30d:5 | an empty range",
                "run.backups.retention=14d..5 PB:5 | both ends need one unit kind",
                "run.backups.retention=14d..180d:1 | between 2 and 1000",
                "run.backups.retention=14d..180d:lots | is not a whole number",
                "run.backups.retention=14d..180d | gives no number of points",
                "run.backups.retention=fortnight..180d:3 | is not a number, a duration",
                "run.backups.retention= | an empty range",
                "run.backups.retention=1d,,2d | empty value",
                "run.backups.retention=1d,1d | lists a value twice",
                "=1d,2d | is not PATH=",
                "run.replications=1..3:10 | fewer distinct values",
            })
    void parse_bad_refusedNamingText(String text, String expected) {
        assertThatThrownBy(() -> Axis.parse(text, OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "run.backups.retention, RUN",
        "run.faults.links.timeToFailure, RUN",
        "run.deadline, PLAN",
        "run.deadlineRule, PLAN",
        "run.start, PLAN",
        "run.seed, POPULATION",
        "policy.rules[0].allowed.operators, PLAN",
        "planning.timeStep, PLAN",
        "sites[2].storage, POPULATION",
        "links[0].bandwidth, POPULATION",
        "population.users.US, POPULATION",
        "categories[0].movable, POPULATION",
        "description, RUN",
    })
    void inputKind_ofPath(String path, InputKind expected) {
        assertThat(InputKind.of(path)).isEqualTo(expected);
    }

    @Test
    void parseFlags_findWithoutPoints_getsTheDefault() {
        // 0d..32d in 33 points: one per day.
        assertThat(Axis.parseFlags(java.util.List.of("run.backups.retention=0d..32d"), true))
                .singleElement()
                .satisfies(a ->
                        assertThat(a.values()).hasSize(Axis.DEFAULT_FIND_POINTS).contains("0d", "1d", "32d"));
    }

    @Test
    void parseFlags_everyProblemAtOnce_oneLineEach() {
        assertThatThrownBy(() -> Axis.parseFlags(
                        java.util.List.of(
                                "run.backups.retention=0d,30d",
                                "run.backups.retention=1d,2d",
                                "nothing",
                                "a=1..2000:1000",
                                "b=1..2000:1000"),
                        false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(String.join(
                        "\n",
                        "--vary: run.backups.retention is varied twice",
                        "--vary: " + catchMessage("nothing"),
                        // 2 retention values x 1,000 x 1,000.
                        "--vary: the grid has 2000000 points, more than 1000"));
    }

    @Test
    void parseFlags_findList_mustBeARange() {
        assertThatThrownBy(() -> Axis.parseFlags(java.util.List.of("run.backups.retention=0d,30d"), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--find: \"run.backups.retention=0d,30d\" must be a range PATH=LOW..HIGH[:POINTS]");
    }

    private static String catchMessage(String text) {
        try {
            Axis.parse(text, OptionalInt.empty());
            throw new AssertionError(text + " parsed");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
