package dev.residency.audit;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A count of records and their bytes.
 *
 * @param records how many records, not negative
 * @param bytes their total size in bytes, not negative
 */
public record Tally(long records, long bytes) {

    /** Nothing. */
    public static final Tally ZERO = new Tally(0, 0);

    /**
     * Creates a tally.
     *
     * @throws IllegalArgumentException if a value is negative
     */
    public Tally {
        checkArgument(records >= 0 && bytes >= 0, "a tally must not be negative: %s records, %s bytes", records, bytes);
    }

    /** Returns the sum of this tally and {@code other}. */
    public Tally plus(Tally other) {
        return new Tally(records + other.records, bytes + other.bytes);
    }

    /** Returns this tally plus {@code moreRecords} records of {@code moreBytes} bytes. */
    public Tally plus(long moreRecords, long moreBytes) {
        return new Tally(records + moreRecords, bytes + moreBytes);
    }
}
