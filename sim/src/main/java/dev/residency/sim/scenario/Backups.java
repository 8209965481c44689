package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * How backups of deleted data go away.
 *
 * @param retention how long a backup copy outlives the deletion of its live copy, not negative
 *     (default 180 days, the longest backup deletion Google Cloud documents)
 * @param cryptoShred whether backups are destroyed at once by erasing their keys instead of ageing out
 */
public record Backups(Duration retention, boolean cryptoShred) {

    /** The default retention: 180 days. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(180);

    /**
     * Creates backup settings.
     *
     * @throws IllegalArgumentException if {@code retention} is negative
     */
    public Backups {
        checkNotNull(retention, "retention");
        checkArgument(!retention.isNegative(), "retention must not be negative, was %s", retention);
    }

    /** Returns the defaults: 180 days' retention, no crypto-shredding. */
    public static Backups defaults() {
        return new Backups(DEFAULT_RETENTION, false);
    }
}
