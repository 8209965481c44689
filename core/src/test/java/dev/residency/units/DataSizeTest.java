package dev.residency.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DataSize} parses decimal prefixes as powers of 1000 and binary prefixes as powers of 1024,
 * always in bytes; refuses bits and malformed text with a message quoting the text; and prints the
 * largest decimal unit, in a form that parses back to within the printed precision.
 */
final class DataSizeTest {

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({
        // 2.5 × 10^15
        "2.5 PB, 2500000000000000",
        // 750 × 2^40 = 750 × 1,099,511,627,776
        "750 TiB, 824633720832000",
        "512B, 512",
        "0, 0",
        "1 kB, 1000",
        // KB is read as the decimal kB, not as KiB.
        "1 KB, 1000",
        "1 KiB, 1024",
        "1.5 MiB, 1572864",
        "3 GB, 3000000000",
        "1 GiB, 1073741824",
        "1 EiB, 1152921504606846976",
        "1e3 MB, 1000000000",
        // Half a byte rounds half up.
        "0.5 B, 1",
        "'  7 TB  ', 7000000000000",
    })
    void parse_knownUnit_givesBytes(String text, long bytes) {
        assertThat(DataSize.parse(text).bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 Gb", "5 Mb", "1 kb", "2 Gbit"})
    void parse_bits_isRefusedNamingBytes(String text) {
        assertThatThrownBy(() -> DataSize.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining("data sizes are in bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GB", "-1 GB", "1,5 GB", "1 GB 2 MB", "1 XB", "1 gib", "ten bytes"})
    void parse_malformed_isRefusedQuotingText(String text) {
        assertThatThrownBy(() -> DataSize.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"");
    }

    @Test
    void parse_tooLargeForLong_isRefused() {
        // 8 EiB = 2^63 bytes, one more than Long.MAX_VALUE.
        assertThatThrownBy(() -> DataSize.parse("8 EiB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"8 EiB\"")
                .hasMessageContaining("too large");
    }

    @Test
    void parse_null_isRefusedNamingArgument() {
        assertThatThrownBy(() -> DataSize.parse(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("text");
    }

    @Test
    void constructor_negative_isRefusedWithValue() {
        assertThatThrownBy(() -> DataSize.ofBytes(-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bytes")
                .hasMessageContaining("-3");
    }

    @ParameterizedTest(name = "{0} bytes prints {1}")
    @CsvSource({
        "0, 0 B",
        "999, 999 B",
        "1000, 1 kB",
        "1500, 1.5 kB",
        "2500000000000000, 2.5 PB",
        // 750 TiB is 824.633720832 TB, printed to three decimals.
        "824633720832000, 824.634 TB",
        "1234567, 1.235 MB",
    })
    void toString_picksLargestDecimalUnit(long bytes, String text) {
        assertThat(DataSize.ofBytes(bytes)).hasToString(text);
    }

    @Test
    void factories_useDecimalUnits() {
        assertThat(DataSize.ofGigabytes(1.5).bytes()).isEqualTo(1_500_000_000L);
        assertThat(DataSize.ofTerabytes(2).bytes()).isEqualTo(2_000_000_000_000L);
        assertThat(DataSize.ofPetabytes(0.001).bytes()).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void arithmetic_plusMinusCompare() {
        DataSize a = DataSize.parse("3 GB");
        DataSize b = DataSize.parse("1 GB");
        assertThat(a.plus(b)).isEqualTo(DataSize.parse("4 GB"));
        assertThat(a.minus(b)).isEqualTo(DataSize.parse("2 GB"));
        assertThat(a).isGreaterThan(b);
        assertThat(a.minus(a).isZero()).isTrue();
        assertThatThrownBy(() -> b.minus(a))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other")
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> DataSize.ofBytes(Long.MAX_VALUE).plus(DataSize.ofBytes(1)))
                .isInstanceOf(ArithmeticException.class);
    }

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void parseOfToString_randomSize_roundTripsWithinPrintedPrecision(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        long bytes = (long) Math.pow(10, rng.nextDouble() * 18);
        DataSize size = DataSize.ofBytes(bytes);
        DataSize back = DataSize.parse(size.toString());
        // Three decimals of the leading unit: relative error at most 0.0005 / 1 = 5e-4.
        assertThat((double) Math.abs(back.bytes() - bytes))
                .as("seed %d: %s bytes printed as %s parsed as %s", seed, bytes, size, back.bytes())
                .isLessThanOrEqualTo(Math.max(0.5, bytes * 5e-4));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void parse_binaryAgainstDecimal_ratioIsPowerOf1024Over1000(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int whole = 1 + rng.nextInt(1000);
        String[] decimal = {"kB", "MB", "GB", "TB", "PB"};
        String[] binary = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        int k = rng.nextInt(decimal.length);
        long d = DataSize.parse(whole + " " + decimal[k]).bytes();
        long b = DataSize.parse(whole + " " + binary[k]).bytes();
        assertThat(d).as("seed %d", seed).isEqualTo(whole * (long) Math.pow(1000, k + 1));
        assertThat(b).as("seed %d", seed).isEqualTo(whole * (1L << (10 * (k + 1))));
    }
}
