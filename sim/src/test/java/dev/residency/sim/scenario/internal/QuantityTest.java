package dev.residency.sim.scenario.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@link Quantity}: each kind parsed to its value in base units by hand (seconds, bytes, bytes per
 * second, epoch seconds), quotes of either kind dropped, and each kind formatted back as a scenario
 * writes it.
 */
final class QuantityTest {

    @Test
    void parse_eachKindToItsBaseUnit() {
        assertThat(Quantity.parse(" 100_000 ")).isEqualTo(new Quantity(Quantity.Kind.NUMBER, 100_000, true));
        assertThat(Quantity.parse("-2.5e3")).isEqualTo(new Quantity(Quantity.Kind.NUMBER, -2_500, false));
        assertThat(Quantity.parse("2d")).isEqualTo(new Quantity(Quantity.Kind.DURATION, 172_800, false));
        assertThat(Quantity.parse("\"50 PB\"")).isEqualTo(new Quantity(Quantity.Kind.DATA_SIZE, 5e16, false));
        assertThat(Quantity.parse("'8 Gbps'")).isEqualTo(new Quantity(Quantity.Kind.RATE, 1e9, false));
        // 2020-09-15 is 18,520 days after 1970-01-01: 1,600,128,000 s.
        assertThat(Quantity.parse("2020-09-15")).isEqualTo(new Quantity(Quantity.Kind.DATE, 1_600_128_000, false));
        assertThat(Quantity.parse("2020-09-15T01:00:00Z"))
                .isEqualTo(new Quantity(Quantity.Kind.DATE, 1_600_131_600, false));
        // A lone quote is no pair of quotes: kept, and then no quantity.
        assertThatThrownBy(() -> Quantity.parse("\"5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"\"5\" is not a number, a duration (30d), a data size (50 PB), a rate (100 Gbps) or a"
                        + " date (2020-09-15)");
        assertThatThrownBy(() -> Quantity.parse("2020-13-45"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"2020-13-45\" is not a date such as 2020-09-15");
    }

    @Test
    void format_eachKindAsAScenarioWritesIt() {
        assertThat(new Quantity(Quantity.Kind.NUMBER, 0, true).format(2.6)).isEqualTo("3");
        assertThat(new Quantity(Quantity.Kind.NUMBER, 0, false).format(2.5)).isEqualTo("2.5");
        assertThat(new Quantity(Quantity.Kind.NUMBER, 0, false).format(3)).isEqualTo("3");
        assertThat(new Quantity(Quantity.Kind.DURATION, 0, false).format(172_800))
                .isEqualTo("2d");
        assertThat(new Quantity(Quantity.Kind.DATA_SIZE, 0, false).format(2e9)).isEqualTo("\"2 GB\"");
        assertThat(new Quantity(Quantity.Kind.DATE, 0, false).format(1_600_128_000))
                .isEqualTo("2020-09-15");
        assertThat(new Quantity(Quantity.Kind.DATE, 0, false).format(1_600_131_600))
                .isEqualTo("2020-09-15T01:00:00Z");
        assertThat(Quantity.Kind.DURATION.description()).isEqualTo("a duration");
    }
}
