package dev.residency.sim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Saltelli's first-order estimator on two rows worked out by hand (the random tests compare with the
 * analytic indices within a sampling tolerance, which a slightly wrong variance or standard error can
 * stay inside), and its argument checks at their edges.
 */
final class SaltelliExactTest {

    @Test
    void firstOrder_twoRows_valuesAndStandardErrorsByHand() {
        // f(A) = 1, 3; f(B) = 2, 6: mean of the four 3, squares 4 + 0 + 1 + 9 = 14, variance 14 / 3.
        // Input 0, f(A_B) = 2, 3: terms 2 (2 - 1) = 2 and 6 (3 - 3) = 0; mean 1; sample variance of the
        //   terms (4 - 2 * 1) / 1 = 2; index 1 / (14/3) = 3/14, standard error sqrt(2 / 2) / (14/3) = 3/14.
        // Input 1, f(A_B) = 1, 9: terms 2 (1 - 1) = 0 and 6 (9 - 3) = 36; mean 18; variance
        //   (1296 - 2 * 324) / 1 = 648; index 18 / (14/3) = 27/7, standard error sqrt(324) / (14/3) = 27/7.
        List<Saltelli.Index> s =
                Saltelli.firstOrder(new double[] {1, 3}, new double[] {2, 6}, new double[][] {{2, 3}, {1, 9}});

        assertThat(s).hasSize(2);
        assertThat(s.get(0).value()).isCloseTo(3.0 / 14, within(1e-15));
        assertThat(s.get(0).standardError()).isCloseTo(3.0 / 14, within(1e-15));
        assertThat(s.get(1).value()).isCloseTo(27.0 / 7, within(1e-14));
        assertThat(s.get(1).standardError()).isCloseTo(27.0 / 7, within(1e-14));
    }

    @Test
    void firstOrder_termsWithNoSpread_zeroStandardError() {
        // f(A) = 0, 4; f(B) = 2, 2: mean 2, squares 4 + 4 + 0 + 0 = 8, variance 8 / 3. f(A_B) = 1, 5:
        // terms 2 (1 - 0) = 2 and 2 (5 - 4) = 2, mean 2, no spread: index 2 / (8/3) = 3/4, error 0.
        List<Saltelli.Index> s = Saltelli.firstOrder(new double[] {0, 4}, new double[] {2, 2}, new double[][] {{1, 5}});

        assertThat(s.get(0).value()).isCloseTo(0.75, within(1e-15));
        assertThat(s.get(0).standardError()).isZero();
    }

    @Test
    void firstOrder_badArguments_refusedWithTheirMessages() {
        assertThatThrownBy(() -> Saltelli.firstOrder(new double[] {1}, new double[] {2}, new double[][] {{1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Saltelli's estimator needs at least 2 rows, had 1");
        assertThatThrownBy(() -> Saltelli.firstOrder(new double[] {1, 2}, new double[] {2, 3, 4}, new double[][] {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fB has 3 rows, fA 2");
        assertThatThrownBy(() -> Saltelli.firstOrder(
                        new double[] {1, 2}, new double[] {2, 3}, new double[][] {{1, 2}, {1, 2, 3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fAB[1] has 3 rows, fA 2");
        assertThatThrownBy(() ->
                        Saltelli.firstOrder(new double[] {1, 2}, new double[] {2, Double.NaN}, new double[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1 has a non-finite output");
        assertThatThrownBy(() -> Saltelli.firstOrder(new double[] {1, 2}, new double[] {2, 3}, new double[][] {
                    {1, 2}, {Double.POSITIVE_INFINITY, 2}
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 0 of input 1 has a non-finite output");
        // With no spread in f(A) and f(B) the indices are undefined, and each input's rows are still
        // checked for their length.
        assertThat(Saltelli.firstOrder(new double[] {5, 5}, new double[] {5, 5}, new double[][] {{1, 9}}))
                .containsExactly(new Saltelli.Index(Double.NaN, Double.NaN));
        assertThatThrownBy(() -> Saltelli.firstOrder(new double[] {5, 5}, new double[] {5, 5}, new double[][] {{1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fAB[0] has 1 rows, fA 2");
    }
}
