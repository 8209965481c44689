package dev.residency.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Durations} parses sequences of number and unit (days of exactly 24 hours), prints the
 * largest units first, round-trips whole milliseconds, and refuses malformed or too long text with a
 * message quoting it.
 */
final class DurationsTest {

    @ParameterizedTest(name = "{0} = {1} s")
    @CsvSource({
        // 30 × 86,400 s.
        "30d, 2592000",
        "12h, 43200",
        // 86,400 + 12 × 3,600.
        "1d 12h, 129600",
        "1.5h, 5400",
        "2w, 1209600",
        "90m, 5400",
        "45s, 45",
        "250ms, 0.25",
        "1h30m, 5400",
        "'  3d  ', 259200",
    })
    void parse_knownForms_giveSeconds(String text, double seconds) {
        assertThat(Durations.seconds(Durations.parse(text))).isEqualTo(seconds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "30", "d", "30 days", "1d x", "-1d", "1y", "1d,2h", "5m s"})
    void parse_malformed_isRefusedQuotingText(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"");
    }

    @Test
    void parse_beyondDurationNanos_isRefusedNotClamped() {
        // Duration.ofNanos holds at most 2^63 - 1 ns, about 292 years (15,250 weeks); 20,000 weeks is more.
        assertThatThrownBy(() -> Durations.parse("20000w"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"20000w\"");
    }

    @ParameterizedTest(name = "{0} prints {1}")
    @CsvSource({
        "PT0S, 0s",
        "PT0.25S, 250ms",
        "PT36H, 1d 12h",
        "PT720H, 30d",
        "PT1H0M5S, 1h 5s",
        "PT1.5S, 1s 500ms",
    })
    void format_printsLargestUnitsFirst(String iso, String text) {
        assertThat(Durations.format(Duration.parse(iso))).isEqualTo(text);
    }

    @Test
    void ofSeconds_roundsToNanosAndRefusesNotFinite() {
        assertThat(Durations.ofSeconds(1.5)).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> Durations.ofSeconds(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seconds")
                .hasMessageContaining("NaN");
    }

    @Test
    void ofSeconds_beyondLongNanos_isRefusedNotClamped() {
        assertThatThrownBy(() -> Durations.ofSeconds(1e10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("292 years")
                .hasMessageContaining("1.0E10");
    }

    @Test
    void format_negative_isRefused() {
        assertThatThrownBy(() -> Durations.format(Duration.ofSeconds(-5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative")
                .hasMessageContaining("PT-5S");
    }

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void parseOfFormat_wholeMilliseconds_roundTripsExactly(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Duration d = Duration.ofMillis(rng.nextLong(0, 400L * 86_400_000));
        String text = Durations.format(d);
        assertThat(Durations.parse(text))
                .as("seed %d: %s printed as %s", seed, d, text)
                .isEqualTo(d);
    }
}
