package dev.residency.sim.report;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A probability estimated from independent replications, such as "the deadline is met", with a 95%
 * Wilson score interval (which, unlike the normal approximation, stays inside [0, 1] and is sensible
 * at 0 or n successes).
 *
 * @param successes how many replications had the outcome
 * @param n how many replications there were
 * @param estimate successes / n
 * @param ciLow the lower end of the 95% interval
 * @param ciHigh the upper end
 */
public record Proportion(int successes, int n, double estimate, double ciLow, double ciHigh) {

    private static final double Z = 1.959963984540054;

    /**
     * Estimates the proportion of {@code successes} in {@code n}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= successes <= n} and {@code n > 0}
     */
    public static Proportion of(int successes, int n) {
        checkArgument(n > 0, "n must be positive: %s", n);
        checkArgument(successes >= 0 && successes <= n, "successes must be in [0, %s]: %s", n, successes);
        double p = (double) successes / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new Proportion(successes, n, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
