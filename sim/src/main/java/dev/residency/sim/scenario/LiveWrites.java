package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * New data arriving during the migration from the users of one jurisdiction.
 *
 * @param bytesPerUserPerDay bytes written per <em>synthetic</em> user per day: the file's real
 *     per-user figure multiplied by the scenario's scale, so that totals stay real-world; not negative
 * @param signupsPerUserPerDay new users per existing user per day (a ratio, unaffected by scale), not
 *     negative
 */
public record LiveWrites(long bytesPerUserPerDay, double signupsPerUserPerDay) {

    /**
     * Creates live writes.
     *
     * @throws IllegalArgumentException if a rate is negative or not finite
     */
    public LiveWrites {
        checkArgument(bytesPerUserPerDay >= 0, "bytesPerUserPerDay must not be negative, was %s", bytesPerUserPerDay);
        checkArgument(
                Double.isFinite(signupsPerUserPerDay) && signupsPerUserPerDay >= 0,
                "signupsPerUserPerDay must not be negative, was %s",
                signupsPerUserPerDay);
    }

    /** Returns these writes for users that each stand for {@code factor} times as many real users. */
    public LiveWrites rescaled(int factor) {
        checkArgument(factor >= 1, "factor must be at least 1, was %s", factor);
        return new LiveWrites(Math.multiplyExact(bytesPerUserPerDay, (long) factor), signupsPerUserPerDay);
    }
}
