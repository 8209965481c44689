package dev.residency.sim.migration;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The bytes each site holds over one run, integrated over time. Holdings are piecewise constant: they
 * change only at events (a copy arriving, a deletion chunk done, a backup aging out), so the integral
 * is exact as a sum of holding × interval, added at every change. Live copies and backups are kept
 * apart but priced alike. Not thread-safe; one per run.
 */
final class StorageMeter {

    private final double[] live;
    private final double[] backups;
    private final double[] byteSeconds;
    private final double[] since;

    /** Starts with {@code heldAtStart[s]} live bytes at each site {@code s} at time 0. */
    StorageMeter(long[] heldAtStart) {
        int sites = heldAtStart.length;
        live = new double[sites];
        for (int s = 0; s < sites; s++) {
            live[s] = heldAtStart[s];
        }
        backups = new double[sites];
        byteSeconds = new double[sites];
        since = new double[sites];
    }

    /**
     * Changes site {@code site}'s holdings at time {@code now} by {@code liveDelta} live bytes and
     * {@code backupDelta} backup bytes, after accruing what it held since its last change.
     *
     * @throws IllegalArgumentException if {@code now} is before the site's last change
     */
    void change(int site, double liveDelta, double backupDelta, double now) {
        accrue(site, now);
        live[site] += liveDelta;
        backups[site] += backupDelta;
    }

    private void accrue(int site, double now) {
        checkArgument(now >= since[site], "time %s is before the last change %s at site %s", now, since[site], site);
        byteSeconds[site] += (live[site] + backups[site]) * (now - since[site]);
        since[site] = now;
    }

    /** Returns the byte-seconds each site held from 0 to {@code end} (not before any change). */
    double[] byteSecondsUntil(double end) {
        for (int s = 0; s < live.length; s++) {
            accrue(s, end);
        }
        return byteSeconds.clone();
    }

    /** Returns the live bytes site {@code site} holds now. */
    double live(int site) {
        return live[site];
    }

    /** Returns the backup bytes site {@code site} holds now. */
    double backups(int site) {
        return backups[site];
    }
}
