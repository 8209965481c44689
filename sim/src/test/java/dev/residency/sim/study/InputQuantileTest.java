package dev.residency.sim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.scenario.UncertainInput;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * {@link InputDraws#quantile} at chosen quantiles, each value worked out by hand from the distribution
 * (a uniform's linear interpolation, a triangular's two square-root branches, a lognormal's median
 * times e^(sigma z) with z from Commons Math's normal, a choice's equal bins), the size text unquoted,
 * {@link InputDraws#magnitude}, and {@code open01}'s ends: the smallest and largest 53-bit draws map
 * to 2^-54 and 1 - 2^-54.
 */
final class InputQuantileTest {

    private static UncertainInput input(String distribution, boolean range, String... parameters) {
        ImmutableList<String> p = ImmutableList.copyOf(parameters);
        ImmutableList<String> values = range ? ImmutableList.of(p.get(0), p.get(p.size() - 1)) : p;
        return new UncertainInput("x", distribution, p.get(0), values, range, p);
    }

    private static double magnitude(String text) {
        return InputDraws.magnitude(text).orElseThrow();
    }

    @Test
    void uniform_linearBetweenTheEnds_sizesUnquoted() {
        // 10 + 0.25 (20 - 10) = 12.5 days = 1,080,000 s.
        assertThat(magnitude(InputDraws.quantile(input("uniform", true, "10d", "20d"), 0.25)))
                .isEqualTo(1_080_000);
        assertThat(InputDraws.quantile(input("uniform", true, "1 GB", "3 GB"), 0.5))
                .isEqualTo("2 GB");
    }

    @Test
    void triangular_bothBranches() {
        UncertainInput t = input("triangular", true, "0.0", "2.0", "10.0");
        // Below the mode's share 2/10: 0 + sqrt(0.1 * 10 * 2) = sqrt 2.
        assertThat(Double.parseDouble(InputDraws.quantile(t, 0.1))).isCloseTo(Math.sqrt(2), within(1e-6));
        // Above it: 10 - sqrt(0.4 * 10 * 8) = 10 - sqrt 32.
        assertThat(Double.parseDouble(InputDraws.quantile(t, 0.6))).isCloseTo(10 - Math.sqrt(32), within(1e-6));
    }

    @Test
    void lognormal_medianTimesExpSigmaZ() {
        UncertainInput l = input("lognormal", true, "10.0", "0.5");
        assertThat(Double.parseDouble(InputDraws.quantile(l, 0.5))).isCloseTo(10, within(1e-6));
        double u = new NormalDistribution().cumulativeProbability(1);
        // z = 1: 10 e^0.5 = 16.487213.
        assertThat(Double.parseDouble(InputDraws.quantile(l, u))).isCloseTo(16.487213, within(1e-6));
    }

    @Test
    void choice_equalBins_andTheEndsOfU() {
        UncertainInput c = input("choice", false, "a", "b", "c");
        assertThat(InputDraws.quantile(c, 0.01)).isEqualTo("a");
        assertThat(InputDraws.quantile(c, 0.34)).isEqualTo("b");
        assertThat(InputDraws.quantile(c, Math.nextDown(1.0))).isEqualTo("c");

        assertThatThrownBy(() -> InputDraws.quantile(c, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("u must lie strictly between 0 and 1, was 0.0");
        assertThatThrownBy(() -> InputDraws.quantile(c, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("u must lie strictly between 0 and 1, was 1.0");
        assertThatThrownBy(() -> InputDraws.quantile(input("beta", true, "1", "2"), 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x: unknown distribution \"beta\"");
    }

    @Test
    void magnitude_quantitiesOnly() {
        assertThat(InputDraws.magnitude("2d")).hasValue(172_800);
        assertThat(InputDraws.magnitude("true")).isEmpty();
    }

    @Test
    void open01_extremeDrawsStayInside() {
        UniformRandomProvider zeros = () -> 0L;
        UniformRandomProvider ones = () -> -1L;

        assertThat(InputDraws.open01(zeros)).isEqualTo(0x1.0p-54);
        assertThat(InputDraws.open01(ones)).isEqualTo(1 - 0x1.0p-54);
    }
}
