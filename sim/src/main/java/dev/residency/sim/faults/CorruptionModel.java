package dev.residency.sim.faults;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Silent corruption of transferred data: each byte is corrupted independently with probability
 * {@code probabilityPerByte}, and a corrupted transfer is found when it is verified (checksums).
 *
 * @param probabilityPerByte the chance that one byte arrives corrupted, in [0, 1]
 */
public record CorruptionModel(double probabilityPerByte) {

    /** No corruption. */
    public static final CorruptionModel NONE = new CorruptionModel(0);

    /**
     * Validates the probability.
     *
     * @throws IllegalArgumentException if it is outside [0, 1] or NaN
     */
    public CorruptionModel {
        checkArgument(
                probabilityPerByte >= 0 && probabilityPerByte <= 1,
                "probabilityPerByte must be in [0, 1], got %s",
                probabilityPerByte);
    }

    /**
     * Returns the probability that a transfer of {@code bytes} bytes has at least one corrupted
     * byte, 1 - (1 - p)^bytes, computed as {@code -expm1(bytes * log1p(-p))} so that it stays
     * accurate when p is tiny and bytes huge (where 1 - p rounds and the power loses every digit).
     *
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public double probabilityCorrupted(long bytes) {
        checkArgument(bytes >= 0, "bytes must be >= 0, got %s", bytes);
        if (bytes == 0 || probabilityPerByte == 0) {
            return 0;
        }
        return -Math.expm1(bytes * Math.log1p(-probabilityPerByte));
    }

    /** Draws whether a transfer of {@code bytes} bytes is found corrupted at verification. */
    public boolean isCorrupted(long bytes, UniformRandomProvider rng) {
        checkNotNull(rng, "rng");
        double p = probabilityCorrupted(bytes);
        return p > 0 && rng.nextDouble() < p;
    }
}
