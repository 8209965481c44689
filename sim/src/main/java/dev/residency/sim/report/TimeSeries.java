package dev.residency.sim.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.geo.Jurisdiction;
import java.util.Arrays;

/**
 * Quantities of one run sampled at the instants {@code 0, Δ, 2Δ, …} of simulated time, where Δ is
 * chosen so that a deadline falls on a sample (see {@code MigrationSetup}); a run that ends adds one
 * last sample at the next grid instant, so all replications of a scenario share their sample
 * instants. Under an enforced deadline the sample at the deadline shows the state after enforcement.
 * Arrays are indexed by sample; the per-jurisdiction array by jurisdiction, then sample. Accessors
 * return copies.
 */
public final class TimeSeries implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final ImmutableList<Jurisdiction> jurisdictions;
    private final double[] seconds;
    private final long[][] violatingByJurisdiction;
    private final long[] backupBytes;
    private final long[] inFlightBytes;
    private final long[] backlogBytes;
    private final double[] linkUtilisation;

    /**
     * Creates a series; all arrays must have one entry per sample.
     *
     * @param jurisdictions the home jurisdictions of {@code violatingByJurisdiction}'s rows
     * @param seconds the sample instants, simulated seconds since the start, increasing
     * @param violatingByJurisdiction per jurisdiction: bytes of copies outside allowed places, live
     *     systems only
     * @param backupBytes bytes of violating copies that remain only in backups
     * @param inFlightBytes bytes being copied (remaining in active transfers)
     * @param backlogBytes bytes of batches not yet cut over
     * @param linkUtilisation mean utilisation over the links that carry migration traffic, in [0, 1]
     */
    public TimeSeries(
            ImmutableList<Jurisdiction> jurisdictions,
            double[] seconds,
            long[][] violatingByJurisdiction,
            long[] backupBytes,
            long[] inFlightBytes,
            long[] backlogBytes,
            double[] linkUtilisation) {
        this.jurisdictions = checkNotNull(jurisdictions, "jurisdictions");
        int n = seconds.length;
        checkArgument(violatingByJurisdiction.length == jurisdictions.size(), "one row per jurisdiction");
        for (long[] row : violatingByJurisdiction) {
            checkArgument(row.length == n, "violating row length %s != samples %s", row.length, n);
        }
        checkArgument(
                backupBytes.length == n
                        && inFlightBytes.length == n
                        && backlogBytes.length == n
                        && linkUtilisation.length == n,
                "every series needs %s samples",
                n);
        this.seconds = seconds.clone();
        this.violatingByJurisdiction =
                Arrays.stream(violatingByJurisdiction).map(long[]::clone).toArray(long[][]::new);
        this.backupBytes = backupBytes.clone();
        this.inFlightBytes = inFlightBytes.clone();
        this.backlogBytes = backlogBytes.clone();
        this.linkUtilisation = linkUtilisation.clone();
    }

    /** Returns the jurisdictions of the per-jurisdiction rows. */
    public ImmutableList<Jurisdiction> jurisdictions() {
        return jurisdictions;
    }

    /** Returns the number of samples. */
    public int size() {
        return seconds.length;
    }

    /** Returns sample {@code i}'s instant in simulated seconds. */
    public double seconds(int i) {
        return seconds[i];
    }

    /** Returns violating live-copy bytes of jurisdiction row {@code j} at sample {@code i}. */
    public long violating(int j, int i) {
        return violatingByJurisdiction[j][i];
    }

    /** Returns violating live-copy bytes of all jurisdictions at sample {@code i}. */
    public long violatingTotal(int i) {
        long sum = 0;
        for (long[] row : violatingByJurisdiction) {
            sum += row[i];
        }
        return sum;
    }

    /** Returns violating bytes left only in backups at sample {@code i}. */
    public long backup(int i) {
        return backupBytes[i];
    }

    /** Returns bytes remaining in active transfers at sample {@code i}. */
    public long inFlight(int i) {
        return inFlightBytes[i];
    }

    /** Returns bytes of batches not yet cut over at sample {@code i}. */
    public long backlog(int i) {
        return backlogBytes[i];
    }

    /** Returns the mean utilisation of migration links at sample {@code i}. */
    public double linkUtilisation(int i) {
        return linkUtilisation[i];
    }

    /** Returns the violating bytes, live copies plus backups, at sample {@code i}. */
    public long violatingWithBackups(int i) {
        return violatingTotal(i) + backupBytes[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeries t
                && jurisdictions.equals(t.jurisdictions)
                && Arrays.equals(seconds, t.seconds)
                && Arrays.deepEquals(violatingByJurisdiction, t.violatingByJurisdiction)
                && Arrays.equals(backupBytes, t.backupBytes)
                && Arrays.equals(inFlightBytes, t.inFlightBytes)
                && Arrays.equals(backlogBytes, t.backlogBytes)
                && Arrays.equals(linkUtilisation, t.linkUtilisation);
    }

    @Override
    public int hashCode() {
        int h = jurisdictions.hashCode();
        h = 31 * h + Arrays.hashCode(seconds);
        h = 31 * h + Arrays.deepHashCode(violatingByJurisdiction);
        h = 31 * h + Arrays.hashCode(backupBytes);
        h = 31 * h + Arrays.hashCode(inFlightBytes);
        h = 31 * h + Arrays.hashCode(backlogBytes);
        return 31 * h + Arrays.hashCode(linkUtilisation);
    }

    @Override
    public String toString() {
        return "TimeSeries[" + size() + " samples, " + jurisdictions + "]";
    }
}
