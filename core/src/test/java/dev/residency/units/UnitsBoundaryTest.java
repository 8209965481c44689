package dev.residency.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The exact boundaries of the unit types, where mutation testing found no test: the step to the next
 * prefix at 1000, zero, and the largest values a {@code long} of bytes or of nanoseconds holds. Each
 * expectation is worked out by hand in its comment.
 */
final class UnitsBoundaryTest {

    @Test
    void bandwidthToString_at1000BitsPerSecond_movesToTheNextPrefix() {
        // 125 B/s = 1,000 bit/s = 1 kbps; 124.875 B/s = 999 bit/s stays in bps.
        assertThat(new Bandwidth(125)).hasToString("1 kbps");
        assertThat(new Bandwidth(124.875)).hasToString("999 bps");
        // 12.5 GB/s = 100 Gbit/s: three steps of 1000.
        assertThat(new Bandwidth(12.5e9)).hasToString("100 Gbps");
    }

    @Test
    void isZero_zeroAndTheSmallestPositiveValues() {
        assertThat(new Bandwidth(0).isZero()).isTrue();
        assertThat(new Bandwidth(1e-9).isZero()).isFalse();
        assertThat(DataSize.ofBytes(0).isZero()).isTrue();
        assertThat(DataSize.ofBytes(1).isZero()).isFalse();
    }

    @Test
    void dataSizeFormat_at1000Bytes_movesToTheNextPrefix() {
        assertThat(DataSize.format(999)).isEqualTo("999 B");
        assertThat(DataSize.format(1000)).isEqualTo("1 kB");
        // 1,500,000 B = 1.5 MB; negative sizes scale by their magnitude.
        assertThat(DataSize.format(1_500_000)).isEqualTo("1.5 MB");
        assertThat(DataSize.format(-1500)).isEqualTo("-1.5 kB");
    }

    @Test
    void dataSizeParse_largestLong_isAcceptedAndOneMoreIsRefused() {
        assertThat(DataSize.parse("9223372036854775807 B").bytes()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> DataSize.parse("9223372036854775808 B"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void durationsOfSeconds_nanAndThe292YearLimit_areRefused() {
        assertThatThrownBy(() -> Durations.ofSeconds(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be finite");
        // Long.MAX_VALUE ns = 9,223,372,036.854775807 s; as a double that is 2^63 / 1e9, not below it.
        assertThatThrownBy(() -> Durations.ofSeconds(Long.MAX_VALUE / 1e9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("292 years");
        assertThat(Durations.ofSeconds(9e9)).isEqualTo(Duration.ofSeconds(9_000_000_000L));
    }

    @Test
    void durationsParse_twoToTheSixtyThirdNanoseconds_isRefused() {
        // 9223372036.854775808 s is 2^63 ns, one more than a long holds.
        assertThatThrownBy(() -> Durations.parse("9223372036.854775808s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too long");
        assertThat(Durations.parse("106751d")).isEqualTo(Duration.ofDays(106_751));
    }

    @Test
    void toString_beyondTheLargestPrefix_staysInTheLargestPrefix() {
        // 10^21 B = 1000 EB: EB is the last decimal prefix, so the value is not divided again.
        assertThat(DataSize.format(1e21)).isEqualTo("1000 EB");
        // 1.25e17 B/s = 10^18 bit/s = 1000 Pbps: Pbps is the last prefix.
        assertThat(new Bandwidth(1.25e17)).hasToString("1000 Pbps");
    }

    @Test
    void durationsParse_blankText_isRefusedAsEmpty() {
        // Blank text is refused by the emptiness check, whose message suggests a valid form.
        assertThatThrownBy(() -> Durations.parse("   "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration \"   \" is empty (use e.g. 30d, 12h, 90m)");
    }

    @Test
    void durationsParse_null_isRefusedNamingArgument() {
        assertThatThrownBy(() -> Durations.parse(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("text");
    }
}
