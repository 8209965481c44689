package dev.residency.sim.migration;

import dev.residency.sim.report.TimeSeries;
import java.util.Arrays;

/** Collects the samples of a run's {@link TimeSeries} in growable primitive arrays. */
final class SeriesRecorder {

    private final MigrationSetup setup;
    private final Ledger ledger;
    private final int homes;
    private int size;
    private double[] seconds = new double[64];
    private long[][] violating;
    private long[] backups = new long[64];
    private long[] inFlight = new long[64];
    private long[] backlog = new long[64];
    private double[] utilisation = new double[64];

    SeriesRecorder(MigrationSetup setup, Ledger ledger) {
        this.setup = setup;
        this.ledger = ledger;
        this.homes = setup.jurisdictions().size();
        violating = new long[homes][64];
    }

    /** Records a sample at {@code t}; a second sample at the same instant replaces the first. */
    void sample(double t, double[] pendingWrites, long inFlightBytes, double meanUtilisation) {
        if (size > 0 && seconds[size - 1] == t) {
            size--;
        }
        if (size == seconds.length) {
            int capacity = size * 2;
            seconds = Arrays.copyOf(seconds, capacity);
            for (int h = 0; h < homes; h++) {
                violating[h] = Arrays.copyOf(violating[h], capacity);
            }
            backups = Arrays.copyOf(backups, capacity);
            inFlight = Arrays.copyOf(inFlight, capacity);
            backlog = Arrays.copyOf(backlog, capacity);
            utilisation = Arrays.copyOf(utilisation, capacity);
        }
        seconds[size] = t;
        for (int h = 0; h < homes; h++) {
            violating[h][size] = ledger.violating(h, pendingWrites[h]);
        }
        backups[size] = ledger.backupsTotal();
        inFlight[size] = inFlightBytes;
        backlog[size] = ledger.backlog();
        utilisation[size] = meanUtilisation;
        size++;
    }

    /** Returns the instant of the last sample, or NaN if none. */
    double lastSampleSeconds() {
        return size == 0 ? Double.NaN : seconds[size - 1];
    }

    TimeSeries build() {
        long[][] rows = new long[homes][];
        for (int h = 0; h < homes; h++) {
            rows[h] = Arrays.copyOf(violating[h], size);
        }
        return new TimeSeries(
                setup.jurisdictions(),
                Arrays.copyOf(seconds, size),
                rows,
                Arrays.copyOf(backups, size),
                Arrays.copyOf(inFlight, size),
                Arrays.copyOf(backlog, size),
                Arrays.copyOf(utilisation, size));
    }
}
