package dev.residency.sim.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A figure estimated from independent replications: mean, median, and a two-sided 95% confidence
 * interval for the mean from Student's t distribution with n − 1 degrees of freedom. With fewer than
 * two values the interval is the single value itself (no spread can be estimated), and {@link
 * #n()} says so. Values that are NaN (e.g. "never reached compliance") are left out and counted in
 * {@link #missing()}.
 *
 * @param mean the sample mean
 * @param median the sample median
 * @param ciLow the lower end of the 95% confidence interval for the mean
 * @param ciHigh the upper end
 * @param min the smallest value
 * @param max the largest value
 * @param n how many values were used
 * @param missing how many NaN values were left out
 */
public record Estimate(
        double mean, double median, double ciLow, double ciHigh, double min, double max, int n, int missing) {

    /** The confidence level of the interval. */
    public static final double CONFIDENCE = 0.95;

    /**
     * Estimates from {@code values}.
     *
     * @throws IllegalArgumentException if {@code values} is empty
     */
    public static Estimate of(double... values) {
        checkNotNull(values, "values");
        checkArgument(values.length > 0, "an estimate needs at least one value");
        double[] finite =
                Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int missing = values.length - finite.length;
        int n = finite.length;
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, missing);
        }
        double sum = 0;
        for (double v : finite) {
            sum += v;
        }
        double mean = sum / n;
        double median = n % 2 == 1 ? finite[n / 2] : (finite[n / 2 - 1] + finite[n / 2]) / 2;
        double half = 0;
        if (n >= 2) {
            double ss = 0;
            for (double v : finite) {
                ss += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(ss / (n - 1));
            double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
            half = t * sd / Math.sqrt(n);
        }
        return new Estimate(mean, median, mean - half, mean + half, finite[0], finite[n - 1], n, missing);
    }

    /** Returns the half-width of the confidence interval. */
    public double halfWidth() {
        return (ciHigh - ciLow) / 2;
    }

    /**
     * Returns this estimate with every value multiplied by {@code factor} (a positive factor, such as
     * the population's scale, keeps the interval's order); the counts are unchanged.
     *
     * @throws IllegalArgumentException if {@code factor} is not positive and finite
     */
    public Estimate times(double factor) {
        checkArgument(factor > 0 && Double.isFinite(factor), "factor must be positive and finite, was %s", factor);
        return new Estimate(
                mean * factor,
                median * factor,
                ciLow * factor,
                ciHigh * factor,
                min * factor,
                max * factor,
                n,
                missing);
    }

    /** Returns this estimate with every value moved by {@code delta}; the interval's width is unchanged. */
    public Estimate plus(double delta) {
        return new Estimate(
                mean + delta, median + delta, ciLow + delta, ciHigh + delta, min + delta, max + delta, n, missing);
    }
}
