package dev.residency.sim.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.residency.sim.engine.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * Property: {@link CorruptionModel} gives 1 - (1 - p)^B accurately even for tiny p and huge B, and
 * draws corruption at that rate.
 */
final class CorruptionModelTest {

    @Test
    void probabilityCorrupted_tinyPerByteHugeTransfer_accurate() {
        // p = 1e-15, B = 1e12: 1 - (1 - p)^B = 1 - exp(B ln(1 - p)) ≈ 1 - exp(-1e-3) = 9.995001666e-4.
        // Naively, 1 - 1e-15 rounds to 1 - 9.99e-16 and the result is off by about 0.1%.
        double expected = -Math.expm1(-1e-3);
        assertThat(new CorruptionModel(1e-15).probabilityCorrupted(1_000_000_000_000L))
                .isCloseTo(expected, within(expected * 1e-9));
    }

    @Test
    void probabilityCorrupted_edgeCases() {
        assertThat(new CorruptionModel(0.5).probabilityCorrupted(0)).isZero();
        assertThat(CorruptionModel.NONE.probabilityCorrupted(1L << 50)).isZero();
        assertThat(new CorruptionModel(1).probabilityCorrupted(1)).isEqualTo(1.0);
        // Two bytes at p = 0.5: 1 - 0.25 = 0.75.
        assertThat(new CorruptionModel(0.5).probabilityCorrupted(2)).isCloseTo(0.75, within(1e-15));
    }

    @Test
    void isCorrupted_manyDraws_matchesProbability() {
        CorruptionModel model = new CorruptionModel(1e-9);
        UniformRandomProvider rng = new RandomStreams(3).stream("corruption", 0);
        long bytes = 200_000_000; // p(corrupt) = 1 - exp(-0.2) ≈ 0.1813
        int n = 100_000;
        int corrupted = 0;
        for (int i = 0; i < n; i++) {
            corrupted += model.isCorrupted(bytes, rng) ? 1 : 0;
        }
        // Standard error sqrt(0.18 * 0.82 / 1e5) ≈ 0.0012.
        assertThat(corrupted / (double) n).isCloseTo(-Math.expm1(-0.2), within(0.006));
    }

    @Test
    void constructor_probabilityOutOfRange_throwsNamingValue() {
        assertThatThrownBy(() -> new CorruptionModel(1.5)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> new CorruptionModel(Double.NaN)).hasMessageContaining("NaN");
    }
}
