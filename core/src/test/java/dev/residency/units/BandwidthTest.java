package dev.residency.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Bandwidth} reads a lower-case {@code b} as bits and an upper-case {@code B} as bytes,
 * decimal prefixes as powers of 1000 and binary ones as powers of 1024; prints bits per second with
 * the largest decimal prefix; and refuses unknown units and negative or non-finite rates with a
 * message naming the value.
 */
final class BandwidthTest {

    @ParameterizedTest(name = "{0} = {1} B/s")
    @CsvSource({
        // 100 × 10^9 bits / 8 = 12.5 × 10^9 bytes.
        "100 Gbps, 12500000000",
        "100 Gb/s, 12500000000",
        // 1.2 × 10^9 bytes.
        "1.2 GB/s, 1200000000",
        "1.2 GBps, 1200000000",
        // 400 × 2^20 = 419,430,400 bytes.
        "400 MiB/s, 419430400",
        "8 bps, 1",
        "1 kbps, 125",
        "1 Kbps, 125",
        "10 Mbps, 1250000",
        "1 Tbps, 125000000000",
        "1 TiB/s, 1099511627776",
        "1 KB/s, 1000",
        "'  5Gbps ', 625000000",
    })
    void parse_knownUnit_givesBytesPerSecond(String text, double bytesPerSecond) {
        assertThat(Bandwidth.parse(text).bytesPerSecond()).isCloseTo(bytesPerSecond, within(bytesPerSecond * 1e-12));
    }

    @Test
    void parse_bitsAndBytesOfSameNumber_differByEight() {
        assertThat(Bandwidth.parse("10 GB/s").bytesPerSecond()
                        / Bandwidth.parse("10 Gb/s").bytesPerSecond())
                .isEqualTo(8.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Gbps", "-1 Gbps", "1 gbps", "1 GB", "1 Gbit/s", "fast", "1,5 Gbps"})
    void parse_malformedOrUnknownUnit_isRefusedQuotingText(String text) {
        assertThatThrownBy(() -> Bandwidth.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, Double.NaN, Double.POSITIVE_INFINITY})
    void constructor_negativeOrNotFinite_isRefusedWithValue(double bytesPerSecond) {
        assertThatThrownBy(() -> new Bandwidth(bytesPerSecond))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bytesPerSecond")
                .hasMessageContaining(String.valueOf(bytesPerSecond));
    }

    @ParameterizedTest(name = "{0} B/s prints {1}")
    @CsvSource({
        "0, 0 bps",
        "12500000000, 100 Gbps",
        "1200000000, 9.6 Gbps",
        "125, 1 kbps",
        "1, 8 bps",
        // 1.25 × 10^14 B/s = 10^15 bits/s.
        "125000000000000, 1 Pbps",
    })
    void toString_printsBitsWithDecimalPrefix(double bytesPerSecond, String text) {
        assertThat(new Bandwidth(bytesPerSecond)).hasToString(text);
    }

    @Test
    void secondsFor_analytic() {
        // 1 TB over 100 Gbps: 10^12 B / (12.5 × 10^9 B/s) = 80 s.
        assertThat(Bandwidth.parse("100 Gbps").secondsFor(DataSize.parse("1 TB")))
                .isEqualTo(80.0);
        assertThat(Bandwidth.ZERO.secondsFor(DataSize.parse("1 B"))).isInfinite();
        assertThat(Bandwidth.ofGigabitsPerSecond(8).bytesPerSecond()).isEqualTo(1e9);
        assertThat(Bandwidth.ofBytesPerSecond(3).bitsPerSecond()).isEqualTo(24);
        assertThat(Bandwidth.parse("1 Gbps")).isLessThan(Bandwidth.parse("1 GB/s"));
    }

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void parseOfToString_randomRate_roundTripsWithinPrintedPrecision(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double bytesPerSecond = Math.pow(10, rng.nextDouble() * 15);
        Bandwidth rate = new Bandwidth(bytesPerSecond);
        Bandwidth back = Bandwidth.parse(rate.toString());
        assertThat(back.bytesPerSecond())
                .as("seed %d: %s B/s printed as %s", seed, bytesPerSecond, rate)
                .isCloseTo(bytesPerSecond, within(Math.max(1e-3, bytesPerSecond * 5e-4)));
    }
}
