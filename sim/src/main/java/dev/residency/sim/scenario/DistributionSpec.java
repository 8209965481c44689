package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * A distribution of durations (time to failure, time to repair), as a scenario file gives it; the
 * fault model turns it into a sampler on its own random stream.
 */
public sealed interface DistributionSpec {

    /** Returns the distribution's mean duration, for reports and sanity checks. */
    Duration mean();

    /**
     * Exponential durations (memoryless failures).
     *
     * @param mean the mean, positive
     */
    record Exponential(Duration mean) implements DistributionSpec {
        /** Creates it; {@code mean} must be positive. */
        public Exponential {
            checkPositive(mean, "mean");
        }
    }

    /**
     * Weibull durations: shape below 1 for infant mortality, above 1 for wear-out.
     *
     * @param shape the shape parameter k, positive
     * @param scale the scale parameter λ, positive
     */
    record Weibull(double shape, Duration scale) implements DistributionSpec {
        /** Creates it; {@code shape} and {@code scale} must be positive. */
        public Weibull {
            checkArgument(Double.isFinite(shape) && shape > 0, "shape must be positive, was %s", shape);
            checkPositive(scale, "scale");
        }

        /** Returns λ·Γ(1 + 1/k). */
        @Override
        public Duration mean() {
            double seconds = (scale.getSeconds() + scale.getNano() / 1e9)
                    * Math.exp(org.apache.commons.math3.special.Gamma.logGamma(1 + 1 / shape));
            return Duration.ofNanos(Math.round(seconds * 1e9));
        }
    }

    /**
     * Log-normal durations, typical of repair times (most short, a long tail).
     *
     * @param median the median, positive
     * @param sigma the standard deviation of the natural logarithm, not negative
     */
    record LogNormal(Duration median, double sigma) implements DistributionSpec {
        /** Creates it; {@code median} must be positive and {@code sigma} not negative. */
        public LogNormal {
            checkPositive(median, "median");
            checkArgument(Double.isFinite(sigma) && sigma >= 0, "sigma must not be negative, was %s", sigma);
        }

        /** Returns median·exp(σ²/2). */
        @Override
        public Duration mean() {
            double seconds = (median.getSeconds() + median.getNano() / 1e9) * Math.exp(sigma * sigma / 2);
            return Duration.ofNanos(Math.round(seconds * 1e9));
        }
    }

    /**
     * Always the same duration.
     *
     * @param value the duration, positive
     */
    record Fixed(Duration value) implements DistributionSpec {
        /** Creates it; {@code value} must be positive. */
        public Fixed {
            checkPositive(value, "value");
        }

        /** Returns the value. */
        @Override
        public Duration mean() {
            return value;
        }
    }

    private static void checkPositive(Duration d, String name) {
        checkNotNull(d, name);
        checkArgument(!d.isNegative() && !d.isZero(), "%s must be positive, was %s", name, d);
    }
}
