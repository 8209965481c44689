package dev.residency.sim.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import dev.residency.sim.engine.RandomStreams;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: every {@link TimeDistribution} draws non-negative durations whose sample mean matches
 * its analytic mean, and rejects bad parameters with a message naming them.
 */
final class TimeDistributionTest {

    static List<TimeDistribution> distributions() {
        return List.of(
                new TimeDistribution.Exponential(3600),
                // Mean = 1000 * Γ(1 + 1/2) = 1000 * sqrt(pi) / 2 ≈ 886.2.
                new TimeDistribution.Weibull(2, 1000),
                new TimeDistribution.Weibull(0.7, 50),
                // Mean = exp(ln 600 + 0.5^2 / 2) = 600 * e^0.125 ≈ 679.9.
                TimeDistribution.LogNormal.ofMedian(600, 0.5),
                new TimeDistribution.Constant(42));
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void sampleMean_manyDraws_matchesAnalyticMean(TimeDistribution distribution) {
        UniformRandomProvider rng = new RandomStreams(7).stream("test", 0);
        int n = 200_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = distribution.sampleSeconds(rng);
            // A plain check rather than an AssertJ chain per draw: 200,000 of those cost more than the draws.
            if (!(x >= 0) || !Double.isFinite(x)) {
                fail("draw %d of %s is %s, not a finite time >= 0", i, distribution, x);
            }
            sum += x;
        }
        // Coefficients of variation are at most ~1.5 here, so the standard error is below 0.4% of the mean.
        assertThat(sum / n).isCloseTo(distribution.meanSeconds(), within(0.02 * distribution.meanSeconds()));
    }

    @Test
    void weibullMean_shapeTwo_isScaleTimesHalfRootPi() {
        assertThat(new TimeDistribution.Weibull(2, 1000).meanSeconds())
                .isCloseTo(1000 * Math.sqrt(Math.PI) / 2, within(1e-9));
    }

    @Test
    void constructors_badParameters_throwNamingThem() {
        assertThatThrownBy(() -> new TimeDistribution.Exponential(0)).hasMessageContaining("meanSeconds");
        assertThatThrownBy(() -> new TimeDistribution.Weibull(-1, 5)).hasMessageContaining("shape");
        assertThatThrownBy(() -> new TimeDistribution.LogNormal(0, 0)).hasMessageContaining("sigma");
        assertThatThrownBy(() -> new TimeDistribution.Constant(-2)).hasMessageContaining("-2.0");
    }
}
