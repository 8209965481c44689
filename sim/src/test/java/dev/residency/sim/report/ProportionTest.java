package dev.residency.sim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link Proportion} gives the 95% Wilson score interval, worked out here by hand with z = 1.959964,
 * z^2 = 3.841459: centre (p + z^2/2n) / (1 + z^2/n), half-width z sqrt(p(1-p)/n + z^2/4n^2) / (1 + z^2/n).
 */
final class ProportionTest {

    private static final double EPS = 1e-6;

    @Test
    void of_fiveOfTen_givesWilsonInterval() {
        Proportion p = Proportion.of(5, 10);

        // centre (0.5 + 0.1920730) / 1.3841459 = 0.5; half 1.959964 × sqrt(0.025 + 0.0096036) / 1.3841459
        // = 1.959964 × 0.1860204 / 1.3841459 = 0.2634068.
        assertThat(p.estimate()).isEqualTo(0.5);
        assertThat(p.ciLow()).isCloseTo(0.5 - 0.2634068, within(EPS));
        assertThat(p.ciHigh()).isCloseTo(0.5 + 0.2634068, within(EPS));
    }

    @Test
    void of_noneOfTen_staysInsideZeroOne() {
        Proportion p = Proportion.of(0, 10);

        // centre = half = 0.1920730 / 1.3841459 = 0.1387664: [0, 0.2775328].
        assertThat(p.estimate()).isZero();
        assertThat(p.ciLow()).isCloseTo(0, within(EPS));
        assertThat(p.ciHigh()).isCloseTo(0.2775328, within(EPS));
    }

    @Test
    void of_allOfTen_mirrorsNone() {
        Proportion p = Proportion.of(10, 10);

        assertThat(p.ciLow()).isCloseTo(1 - 0.2775328, within(EPS));
        assertThat(p.ciHigh()).isCloseTo(1, within(EPS));
    }

    @Test
    void of_successesOutOfRange_isRefused() {
        assertThatThrownBy(() -> Proportion.of(11, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("11");
        assertThatThrownBy(() -> Proportion.of(0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n must be positive");
    }
}
