package dev.residency.sim.migration;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.report.Milestone;
import java.util.Arrays;

/**
 * Counts down, per {@link Subjects subject}, the batches not yet cut over, the deletion jobs not yet
 * done and the backups not yet gone, and notes the instant each count first reaches zero (see {@link
 * Milestone} for what the milestones mean). A subject with nothing to do is clean from time 0.
 */
final class MilestoneTracker {

    private final Subjects subjects;
    private final int[] batchesLeft;
    private final int[] jobsLeft;
    private final int[] backupsLeft;
    private final double[] live;
    private final double[] full;
    private final double[] receipt;

    MilestoneTracker(Subjects subjects) {
        this.subjects = subjects;
        int n = subjects.size();
        batchesLeft = new int[n];
        jobsLeft = new int[n];
        backupsLeft = new int[n];
        live = new double[n];
        full = new double[n];
        receipt = new double[n];
        Arrays.fill(live, Double.NaN);
        Arrays.fill(full, Double.NaN);
        Arrays.fill(receipt, Double.NaN);
        for (int g = 0; g < n; g++) {
            batchesLeft[g] = subjects.batchCount(g);
            jobsLeft[g] = subjects.deletionCount(g);
            backupsLeft[g] = subjects.deletionCount(g);
            update(g, 0);
        }
    }

    /** Notes that a copy into site {@code site} began at {@code now}. */
    void receiving(int site, double now) {
        int g = subjects.site(site);
        if (Double.isNaN(receipt[g])) {
            receipt[g] = now;
        }
    }

    /** Notes that batch {@code b} was cut over (or aborted by the deadline rule) at {@code now}. */
    void batchDone(int b, double now) {
        for (int g : subjects.ofBatch(b)) {
            batchesLeft[g]--;
            update(g, now);
        }
    }

    /** Notes that deletion job {@code d} finished at {@code now}; without backups they are gone too. */
    void jobDone(int d, boolean keepsBackups, double now) {
        for (int g : subjects.ofDeletion(d)) {
            jobsLeft[g]--;
            if (!keepsBackups) {
                backupsLeft[g]--;
            }
            update(g, now);
        }
    }

    /** Notes that the last backup of deletion job {@code d} went at {@code now}. */
    void backupGone(int d, double now) {
        for (int g : subjects.ofDeletion(d)) {
            backupsLeft[g]--;
            update(g, now);
        }
    }

    private void update(int g, double now) {
        if (Double.isNaN(live[g]) && batchesLeft[g] == 0 && jobsLeft[g] == 0) {
            live[g] = now;
        }
        if (Double.isNaN(full[g]) && batchesLeft[g] == 0 && backupsLeft[g] == 0) {
            full[g] = now;
        }
    }

    ImmutableList<Milestone> milestones() {
        ImmutableList.Builder<Milestone> list = ImmutableList.builder();
        for (int g = 0; g < subjects.size(); g++) {
            list.add(new Milestone(subjects.kind(g), subjects.name(g), live[g], full[g], receipt[g]));
        }
        return list.build();
    }
}
