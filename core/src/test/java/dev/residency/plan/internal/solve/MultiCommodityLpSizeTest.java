package dev.residency.plan.internal.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The multi-commodity LP's size limit taken exactly at its edges ({@value MultiCommodityLp#MAX_VARIABLES}
 * variables and {@value MultiCommodityLp#MAX_CONSTRAINTS} constraints are allowed, one more of either is
 * not), its text, and the rounding tolerance: 10^-6 of the largest commodity's units.
 */
final class MultiCommodityLpSizeTest {

    @Test
    void fits_upToTheLimitsInclusive() {
        assertThat(new MultiCommodityLp.Size(1_200, 1_200).fits()).isTrue();
        assertThat(new MultiCommodityLp.Size(1_201, 1_200).fits()).isFalse();
        assertThat(new MultiCommodityLp.Size(1_200, 1_201).fits()).isFalse();
        assertThat(new MultiCommodityLp.Size(0, 0).fits()).isTrue();
    }

    @Test
    void toString_namesBothCounts() {
        assertThat(new MultiCommodityLp.Size(12, 34)).hasToString("12 variables, 34 constraints");
    }

    @Test
    void toleranceUnits_aMillionthOfTheLargestNeed() {
        // Needs 3, 7,000,000 and 5: the largest is 7 * 10^6 units, a millionth of it 7 units.
        assertThat(MultiCommodityLp.toleranceUnits(new long[] {3, 7_000_000, 5}))
                .isEqualTo(7.0, within(1e-9));
        assertThat(MultiCommodityLp.toleranceUnits(new long[] {2_000_000, 1})).isEqualTo(2.0, within(1e-9));
        assertThat(MultiCommodityLp.toleranceUnits(new long[0])).isZero();
    }
}
