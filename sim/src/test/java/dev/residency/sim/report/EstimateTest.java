package dev.residency.sim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link Estimate} gives the sample mean, median and Student-t 95% interval for the mean, worked out
 * here by hand from t quantiles (t(0.975; 4) = 2.7764451, t(0.975; 1) = 12.7062047).
 */
final class EstimateTest {

    private static final double EPS = 1e-6;

    @Test
    void of_oneToFive_givesTIntervalComputedByHand() {
        Estimate e = Estimate.of(5, 1, 4, 2, 3);

        // mean 3; s^2 = (4 + 1 + 0 + 1 + 4) / 4 = 2.5, s = 1.5811388; s / sqrt(5) = 0.7071068;
        // half-width = 2.7764451 × 0.7071068 = 1.9632432.
        assertThat(e.mean()).isCloseTo(3, within(EPS));
        assertThat(e.median()).isCloseTo(3, within(EPS));
        assertThat(e.halfWidth()).isCloseTo(1.9632432, within(EPS));
        assertThat(e.ciLow()).isCloseTo(1.0367568, within(EPS));
        assertThat(e.ciHigh()).isCloseTo(4.9632432, within(EPS));
        assertThat(e.min()).isEqualTo(1);
        assertThat(e.max()).isEqualTo(5);
        assertThat(e.n()).isEqualTo(5);
        assertThat(e.missing()).isZero();
    }

    @Test
    void of_withNaN_leavesItOutAndCountsIt() {
        Estimate e = Estimate.of(1, Double.NaN, 3);

        // Two values: mean 2, median (1 + 3) / 2 = 2, s = sqrt(2), s / sqrt(2) = 1; half-width = 12.7062047.
        assertThat(e.n()).isEqualTo(2);
        assertThat(e.missing()).isEqualTo(1);
        assertThat(e.mean()).isCloseTo(2, within(EPS));
        assertThat(e.median()).isCloseTo(2, within(EPS));
        assertThat(e.halfWidth()).isCloseTo(12.7062047, within(EPS));
    }

    @Test
    void of_oneValue_intervalIsTheValue() {
        Estimate e = Estimate.of(7);

        assertThat(e.ciLow()).isEqualTo(7);
        assertThat(e.ciHigh()).isEqualTo(7);
        assertThat(e.n()).isEqualTo(1);
    }

    @Test
    void of_equalValues_intervalHasZeroWidth() {
        Estimate e = Estimate.of(2.5, 2.5, 2.5, 2.5);

        assertThat(e.ciLow()).isEqualTo(2.5);
        assertThat(e.ciHigh()).isEqualTo(2.5);
    }

    @Test
    void of_onlyNaN_isNaNWithNoValues() {
        Estimate e = Estimate.of(Double.NaN, Double.NaN);

        assertThat(e.mean()).isNaN();
        assertThat(e.n()).isZero();
        assertThat(e.missing()).isEqualTo(2);
    }

    @Test
    void of_noValues_isRefused() {
        assertThatThrownBy(Estimate::of)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
    }

    @Test
    void timesAndPlus_moveEveryValue_keepCounts() {
        // Values 1, 2, 3: mean 2, median 2, min 1, max 3. Times 1,000 (a population scale): 2,000,
        // 1,000 and 3,000; plus -2 (lateness against a due day): mean 0, min -1, max 1.
        Estimate e = Estimate.of(1, 2, 3);

        Estimate scaled = e.times(1000);
        Estimate shifted = e.plus(-2);

        assertThat(scaled.mean()).isEqualTo(2000);
        assertThat(scaled.min()).isEqualTo(1000);
        assertThat(scaled.max()).isEqualTo(3000);
        assertThat(scaled.ciHigh() - scaled.ciLow()).isCloseTo(1000 * (e.ciHigh() - e.ciLow()), within(1e-9));
        assertThat(scaled.n()).isEqualTo(3);
        assertThat(scaled.median()).isEqualTo(2000);
        assertThat(scaled.ciLow()).isCloseTo(1000 * e.ciLow(), within(1e-9));
        assertThat(shifted.mean()).isEqualTo(0);
        assertThat(shifted.min()).isEqualTo(-1);
        assertThat(shifted.max()).isEqualTo(1);
        assertThat(shifted.median()).isEqualTo(0);
        assertThat(shifted.ciLow()).isCloseTo(e.ciLow() - 2, within(1e-12));
        assertThat(shifted.ciHigh() - shifted.ciLow()).isCloseTo(e.ciHigh() - e.ciLow(), within(1e-12));
        assertThatThrownBy(() -> e.times(0)).hasMessageContaining("factor");
    }
}
