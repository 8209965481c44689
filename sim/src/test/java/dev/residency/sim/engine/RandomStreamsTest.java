package dev.residency.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * Property: {@link RandomStreams} are reproducible for equal (seed, component, replication) and
 * differ, without visible correlation, when any of the three differs.
 */
final class RandomStreamsTest {

    private static long[] draw(UniformRandomProvider rng, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = rng.nextLong();
        }
        return out;
    }

    @Test
    void stream_sameInputs_sameSequence() {
        assertThat(draw(new RandomStreams(42).stream("link/3", 7), 100))
                .isEqualTo(draw(new RandomStreams(42).stream("link/3", 7), 100));
    }

    @Test
    void stream_differentSeedComponentOrReplication_differentSequence() {
        long[] base = draw(new RandomStreams(42).stream("link/3", 7), 10);

        assertThat(draw(new RandomStreams(43).stream("link/3", 7), 10)).isNotEqualTo(base);
        assertThat(draw(new RandomStreams(42).stream("link/4", 7), 10)).isNotEqualTo(base);
        assertThat(draw(new RandomStreams(42).stream("link/3", 8), 10)).isNotEqualTo(base);
    }

    @Test
    void stream_adjacentReplications_uncorrelatedUniforms() {
        RandomStreams streams = new RandomStreams(1);
        UniformRandomProvider a = streams.stream("site/0", 0);
        UniformRandomProvider b = streams.stream("site/0", 1);
        int n = 100_000;
        double sumA = 0;
        double sumB = 0;
        double sumAb = 0;
        double sumA2 = 0;
        double sumB2 = 0;
        for (int i = 0; i < n; i++) {
            double x = a.nextDouble();
            double y = b.nextDouble();
            sumA += x;
            sumB += y;
            sumAb += x * y;
            sumA2 += x * x;
            sumB2 += y * y;
        }
        double meanA = sumA / n;
        double meanB = sumB / n;
        double cov = sumAb / n - meanA * meanB;
        double corr = cov / Math.sqrt((sumA2 / n - meanA * meanA) * (sumB2 / n - meanB * meanB));
        // Standard error of a mean of n uniforms is sqrt(1/12/n) ~ 0.0009; of a correlation ~ 1/sqrt(n) ~ 0.003.
        assertThat(meanA).isBetween(0.495, 0.505);
        assertThat(meanB).isBetween(0.495, 0.505);
        assertThat(Math.abs(corr)).isLessThan(0.015);
    }

    @Test
    void stream_badArguments_throwNamingValue() {
        RandomStreams streams = new RandomStreams(1);
        assertThatThrownBy(() -> streams.stream("", 0)).hasMessageContaining("component");
        assertThatThrownBy(() -> streams.stream("x", -2)).hasMessageContaining("-2");
    }
}
