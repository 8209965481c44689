package dev.residency.sim.migration;

import com.google.common.collect.ImmutableSortedMap;
import dev.residency.plan.Deletion;
import dev.residency.sim.engine.Simulator;
import dev.residency.sim.migration.MigrationEvent.BackupGone;
import dev.residency.sim.migration.MigrationEvent.DeletionDone;
import dev.residency.units.Durations;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The deletion side of a run: each site works through its queue of deletion jobs one at a time at
 * the scenario's deletion rate; a job fails with the scenario's probability and goes to the back of
 * the queue. A finished job's bytes leave live systems and, unless backups are crypto-shredded, stay
 * in backups until the retention has passed.
 *
 * <p>Invariant 1 is checked when a job starts: a job that removes the source copies of a moved batch
 * may start only once that batch is cut over, that is, after its compliant copy was verified.
 */
final class DeletionQueues {

    /** The reason under which the deadline rule deletes the copies of a batch it aborted. */
    static final String FORCED = "FORCED";

    private static final int HELD = 0;
    private static final int QUEUED = 1;
    private static final int RUNNING = 2;
    private static final int DONE = 3;

    private final MigrationSetup setup;
    private final Simulator<MigrationEvent> sim;
    private final Ledger ledger;
    private final UniformRandomProvider failures;
    private final IntPredicate cutOver;
    private final MilestoneTracker milestones;
    private final int[] state;
    private final boolean[] forced;
    private final long[][] extra;
    private final boolean[] backupPending;
    private final int[][] afterBatch;
    private final List<ArrayDeque<Integer>> queues = new ArrayList<>();
    private final int[] running;
    private final int[] siteDown;
    private final TreeMap<String, Long> deletedByReason = new TreeMap<>();
    private final double rate;
    private final double failureProbability;
    private final double retention;
    private final boolean shred;
    private int retries;

    DeletionQueues(
            MigrationSetup setup,
            Simulator<MigrationEvent> sim,
            Ledger ledger,
            UniformRandomProvider failures,
            IntPredicate cutOver,
            MilestoneTracker milestones) {
        this.setup = setup;
        this.sim = sim;
        this.ledger = ledger;
        this.failures = failures;
        this.cutOver = cutOver;
        this.milestones = milestones;
        int jobs = setup.plan().deletions().size();
        state = new int[jobs];
        forced = new boolean[jobs];
        extra = new long[jobs][];
        backupPending = new boolean[jobs];
        int batches = setup.plan().batches().size();
        List<List<Integer>> after = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            after.add(new ArrayList<>());
        }
        for (int d = 0; d < jobs; d++) {
            if (setup.deletion(d).afterBatch().isPresent()) {
                after.get(setup.deletion(d).afterBatch().getAsInt()).add(d);
            }
        }
        afterBatch = new int[batches][];
        for (int b = 0; b < batches; b++) {
            afterBatch[b] = after.get(b).stream().mapToInt(Integer::intValue).toArray();
        }
        int sites = setup.topology().siteCount();
        for (int s = 0; s < sites; s++) {
            queues.add(new ArrayDeque<>());
        }
        running = new int[sites];
        java.util.Arrays.fill(running, -1);
        siteDown = new int[sites];
        var run = setup.scenario().run();
        rate = run.deletionRate().bytesPerSecond();
        failureProbability = run.deletionFailureProbability();
        retention = Durations.seconds(run.backups().retention());
        shred = run.backups().cryptoShred();
    }

    /** Queues job {@code d} if it is still held. */
    void release(int d) {
        if (state[d] != HELD) {
            return;
        }
        state[d] = QUEUED;
        int site = setup.deletion(d).site();
        queues.get(site).add(d);
        startNext(site);
    }

    /** Releases the jobs that wait for batch {@code b}; {@code forced} marks them as the deadline rule's. */
    void releaseAfter(int b, boolean forcedByDeadline) {
        for (int d : afterBatch[b]) {
            forced[d] |= forcedByDeadline;
            release(d);
        }
    }

    /**
     * Adds the live writes that reached batch {@code b}'s source to the job deleting its source copy
     * (see {@link MigrationSetup#sourceDeletion}); batches without one add nothing, and their writes
     * were never counted as violating.
     */
    void attachWrites(int b, long[] byHome) {
        int target = setup.sourceDeletion(b);
        if (target < 0) {
            return;
        }
        if (state[target] == DONE) {
            throw new IllegalStateException("deletion job " + target + " finished before batch " + b + " was cut over");
        }
        extra[target] = byHome.clone();
        ledger.writesAttached(byHome);
    }

    private void startNext(int site) {
        if (running[site] >= 0 || siteDown[site] > 0) {
            return;
        }
        Integer d = queues.get(site).poll();
        if (d == null) {
            return;
        }
        Deletion job = setup.deletion(d);
        if (job.afterBatch().isPresent() && !cutOver.test(job.afterBatch().getAsInt())) {
            throw new IllegalStateException(String.format(
                    "invariant 1 violated at t=%.0fs: deletion job %d at %s would remove copies of batch %d before"
                            + " its compliant copy was verified and cut over",
                    sim.now(),
                    d,
                    setup.topology().site(site).id(),
                    job.afterBatch().getAsInt()));
        }
        state[d] = RUNNING;
        running[site] = d;
        sim.schedule(bytes(d) / rate, new DeletionDone(d));
    }

    /** Handles the end of job {@code d}'s attempt: success, or a failure that queues it again. */
    void done(int d) {
        if (state[d] != RUNNING) {
            return; // completed by the deadline rule meanwhile
        }
        int site = setup.deletion(d).site();
        running[site] = -1;
        if (failureProbability > 0 && failures.nextDouble() < failureProbability) {
            retries++;
            state[d] = QUEUED;
            queues.get(site).add(d);
        } else {
            complete(d, !shred);
        }
        startNext(site);
    }

    private void complete(int d, boolean keepBackups) {
        state[d] = DONE;
        long[] byHome = bytesByHome(d);
        ledger.deleted(byHome, keepBackups);
        if (forced[d]) {
            ledger.forcedDeletion(d);
        }
        String reason = forced[d] ? FORCED : setup.deletion(d).reason().name();
        long total = 0;
        for (long v : byHome) {
            total += v;
        }
        deletedByReason.merge(reason, total, Long::sum);
        if (keepBackups) {
            backupPending[d] = true;
            sim.schedule(retention, new BackupGone(d));
        }
        milestones.jobDone(d, keepBackups, sim.now());
    }

    /** Handles the end of job {@code d}'s backup retention. */
    void backupGone(int d) {
        if (backupPending[d]) {
            backupPending[d] = false;
            ledger.backupGone(bytesByHome(d));
            milestones.backupGone(d, sim.now());
        }
    }

    /** Applies the deadline rule: every job not yet done completes now, and every backup is shredded. */
    void enforce() {
        for (int d = 0; d < state.length; d++) {
            if (state[d] != DONE) {
                complete(d, false);
            }
            backupGone(d);
        }
        java.util.Arrays.fill(running, -1);
        queues.forEach(ArrayDeque::clear);
    }

    /** Marks a site failed or repaired; a failed site starts no new deletion job. */
    void setSiteUp(int site, boolean up) {
        siteDown[site] += up ? -1 : 1;
        if (siteDown[site] == 0) {
            startNext(site);
        }
    }

    /** Returns the bytes per home of the jobs not yet done, recomputed from their states. */
    long[] pendingBytesByHome() {
        long[] sum = new long[setup.jurisdictions().size()];
        for (int d = 0; d < state.length; d++) {
            if (state[d] != DONE) {
                long[] byHome = bytesByHome(d);
                for (int h = 0; h < sum.length; h++) {
                    sum[h] += byHome[h];
                }
            }
        }
        return sum;
    }

    private long[] bytesByHome(int d) {
        long[] base = setup.deletionFootprint(d).bytesByHome();
        if (extra[d] == null) {
            return base;
        }
        long[] sum = base.clone();
        for (int h = 0; h < sum.length; h++) {
            sum[h] += extra[d][h];
        }
        return sum;
    }

    private double bytes(int d) {
        double sum = 0;
        for (long v : bytesByHome(d)) {
            sum += v;
        }
        return sum;
    }

    ImmutableSortedMap<String, Long> deletedByReason() {
        return ImmutableSortedMap.copyOf(deletedByReason);
    }

    int retries() {
        return retries;
    }
}
