package dev.residency.sim.faults;

import static com.google.common.base.Preconditions.checkArgument;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A distribution of durations in seconds, such as a time to failure or a time to repair.
 *
 * <p>Samples are drawn by inversion from {@link UniformRandomProvider#nextDouble()} (and a
 * Ziggurat normal for the log-normal), so a seeded stream gives the same durations every run.
 */
public sealed interface TimeDistribution
        permits TimeDistribution.Exponential,
                TimeDistribution.Weibull,
                TimeDistribution.LogNormal,
                TimeDistribution.Constant {

    /** Draws one duration in seconds, finite and not negative. */
    double sampleSeconds(UniformRandomProvider rng);

    /** Returns the mean duration in seconds. */
    double meanSeconds();

    /**
     * The exponential distribution (memoryless failures).
     *
     * @param meanSeconds the mean, positive and finite
     */
    record Exponential(double meanSeconds) implements TimeDistribution {
        /**
         * Validates the mean.
         *
         * @throws IllegalArgumentException if the mean is not positive and finite
         */
        public Exponential {
            checkPositive("meanSeconds", meanSeconds);
        }

        @Override
        public double sampleSeconds(UniformRandomProvider rng) {
            // 1 - U lies in (0, 1], so the logarithm is finite.
            return -meanSeconds * Math.log1p(-rng.nextDouble());
        }
    }

    /**
     * The Weibull distribution: wear-out failures for {@code shape > 1}, infant mortality below 1.
     *
     * @param shape the shape k, positive and finite
     * @param scaleSeconds the scale λ, positive and finite
     */
    record Weibull(double shape, double scaleSeconds) implements TimeDistribution {
        /**
         * Validates the parameters.
         *
         * @throws IllegalArgumentException if a parameter is not positive and finite
         */
        public Weibull {
            checkPositive("shape", shape);
            checkPositive("scaleSeconds", scaleSeconds);
        }

        @Override
        public double sampleSeconds(UniformRandomProvider rng) {
            return scaleSeconds * Math.pow(-Math.log1p(-rng.nextDouble()), 1 / shape);
        }

        @Override
        public double meanSeconds() {
            return scaleSeconds * Math.exp(org.apache.commons.math3.special.Gamma.logGamma(1 + 1 / shape));
        }
    }

    /**
     * The log-normal distribution: the logarithm of the duration in seconds is normal.
     *
     * @param mu the mean of the logarithm, finite
     * @param sigma the standard deviation of the logarithm, positive and finite
     */
    record LogNormal(double mu, double sigma) implements TimeDistribution {
        /**
         * Validates the parameters.
         *
         * @throws IllegalArgumentException if {@code mu} is not finite or {@code sigma} not positive
         */
        public LogNormal {
            checkArgument(Double.isFinite(mu), "mu must be finite, got %s", mu);
            checkPositive("sigma", sigma);
        }

        /** Returns the log-normal with median {@code medianSeconds} and log-deviation {@code sigma}. */
        public static LogNormal ofMedian(double medianSeconds, double sigma) {
            checkPositive("medianSeconds", medianSeconds);
            return new LogNormal(Math.log(medianSeconds), sigma);
        }

        @Override
        public double sampleSeconds(UniformRandomProvider rng) {
            return Math.exp(
                    mu + sigma * ZigguratSampler.NormalizedGaussian.of(rng).sample());
        }

        @Override
        public double meanSeconds() {
            return Math.exp(mu + sigma * sigma / 2);
        }
    }

    /**
     * A fixed duration.
     *
     * @param seconds the duration, not negative and finite
     */
    record Constant(double seconds) implements TimeDistribution {
        /**
         * Validates the duration.
         *
         * @throws IllegalArgumentException if it is negative or not finite
         */
        public Constant {
            checkArgument(
                    seconds >= 0 && seconds < Double.POSITIVE_INFINITY,
                    "seconds must be finite and >= 0, got %s",
                    seconds);
        }

        @Override
        public double sampleSeconds(UniformRandomProvider rng) {
            return seconds;
        }

        @Override
        public double meanSeconds() {
            return seconds;
        }
    }

    private static void checkPositive(String name, double value) {
        checkArgument(
                value > 0 && value < Double.POSITIVE_INFINITY, "%s must be positive and finite, got %s", name, value);
    }
}
