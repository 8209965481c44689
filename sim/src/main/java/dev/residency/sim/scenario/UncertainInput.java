package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;

/**
 * An estimate written in a scenario file as a distribution instead of a value, such as {@code
 * retention: {triangular: [14d, 180d, 270d]}}: where it is, its central value (what a run uses), and
 * its plausible range (what a study of what decides the answer tries).
 *
 * <p>Central values and ranges: {@code uniform: [a, b]} is centred on its midpoint, range a to b;
 * {@code triangular: [a, mode, b]} on its mode, range a to b; {@code lognormal: {median, sigma}} on
 * its median, range its 5th to 95th percentile (median × e^(∓1.645 sigma)); {@code choice: [v1, v2,
 * ...]} on its first value, range its values.
 *
 * @param path the field's path, such as {@code run.backups.retention}
 * @param distribution {@code uniform}, {@code triangular}, {@code lognormal} or {@code choice}
 * @param central the YAML text of the value runs use
 * @param values for a range, its low and high ends; for a choice, every value; at least two
 * @param range whether {@code values} are a range's ends (else a choice's values)
 * @param parameters the distribution's parameters as written, what a replication draws from: {@code
 *     [a, b]} for uniform, {@code [a, mode, b]} for triangular, {@code [median, sigma]} for lognormal,
 *     the values for a choice
 */
public record UncertainInput(
        String path,
        String distribution,
        String central,
        ImmutableList<String> values,
        boolean range,
        ImmutableList<String> parameters) {

    /**
     * Creates an uncertain input.
     *
     * @throws IllegalArgumentException if there are fewer than two values, or a range has more
     */
    public UncertainInput {
        checkNotNull(path, "path");
        checkNotNull(distribution, "distribution");
        checkNotNull(central, "central");
        values = ImmutableList.copyOf(values);
        parameters = ImmutableList.copyOf(parameters);
        checkArgument(values.size() >= 2, "%s: a distribution needs two values, had %s", path, values);
        checkArgument(!range || values.size() == 2, "%s: a range has two ends, had %s", path, values);
    }

    /**
     * Creates an uncertain input whose parameters are its values (a uniform range or a choice).
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public UncertainInput(
            String path, String distribution, String central, ImmutableList<String> values, boolean range) {
        this(path, distribution, central, values, range, values);
    }

    /** Returns the distribution as written, such as {@code triangular 14d / 180d / 270d}. */
    @Override
    public String toString() {
        return path + " ~ " + distribution + " (central " + central + ", " + (range ? "range " : "values ")
                + String.join(range ? " to " : ", ", values) + ")";
    }
}
