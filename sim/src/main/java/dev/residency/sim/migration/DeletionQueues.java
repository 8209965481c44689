package dev.residency.sim.migration;

import com.google.common.collect.ImmutableSortedMap;
import dev.residency.plan.Deletion;
import dev.residency.sim.engine.Simulator;
import dev.residency.sim.migration.MigrationEvent.BackupGone;
import dev.residency.sim.migration.MigrationEvent.DeletionDone;
import dev.residency.sim.migration.MigrationEvent.ReleaseDeletion;
import dev.residency.units.Durations;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The deletion side of a run. Each site works through its queue of deletion jobs one at a time, and
 * each job in <b>chunks</b> of the scenario's deletion chunk size (the last one smaller), one after
 * another at the site's deletion rate: a chunk takes its bytes over the rate. A chunk fails with the
 * scenario's probability and is done again at once, so a failure costs one chunk's time, not the
 * job's. A finished chunk's bytes leave live systems (shared among home jurisdictions in proportion
 * to the job's bytes) and, unless backups are crypto-shredded, stay in backups until the retention has
 * passed after <em>that chunk</em>, so a large job's backups age out progressively. A site that fails
 * lets its running chunk finish and then pauses; the job resumes, with its progress, when the site is
 * repaired.
 *
 * <p>Invariant 1 is checked when a job starts: a job that removes the source copies of a moved batch
 * may start only once that batch is cut over, that is, after its compliant copy was verified.
 */
final class DeletionQueues {

    /** The reason under which the deadline rule deletes the copies of a batch it aborted. */
    static final String FORCED = "FORCED";

    /** Where a deletion job is. */
    private enum JobState {
        /** Waiting for its batch's cut-over or its earliest start. */
        HELD,
        /** In its site's queue (also a started job paused by a site failure). */
        QUEUED,
        /** A chunk of it is being deleted. */
        RUNNING,
        /** Every chunk is deleted. */
        DONE
    }

    private final MigrationSetup setup;
    private final Simulator<MigrationEvent> sim;
    private final Ledger ledger;
    private final UniformRandomProvider failures;
    private final IntPredicate cutOver;
    private final MilestoneTracker milestones;
    private final StorageMeter storage;
    private final JobState[] state;
    private final boolean[] forced;
    private final long[][] extra;
    /** Per job, the bytes per home deleted so far (null until its first chunk is done). */
    private final long[][] deletedSoFar;
    /** Per job, the bytes deleted so far, all homes. */
    private final long[] doneBytes;
    /** Per job, the bytes of its chunks whose backups are still kept, per home, oldest first. */
    private final List<ArrayDeque<long[]>> backupChunks;

    private final int[][] afterBatch;
    private final List<ArrayDeque<Integer>> queues = new ArrayList<>();
    private final int[] running;
    private final int[] siteDown;
    private final TreeMap<String, Long> deletedByReason = new TreeMap<>();
    private final double rate;
    private final double failureProbability;
    private final double retention;
    private final boolean shred;
    private final long chunkBytes;
    private int retries;

    DeletionQueues(
            MigrationSetup setup,
            Simulator<MigrationEvent> sim,
            Ledger ledger,
            UniformRandomProvider failures,
            IntPredicate cutOver,
            MilestoneTracker milestones,
            StorageMeter storage) {
        this.setup = setup;
        this.sim = sim;
        this.ledger = ledger;
        this.failures = failures;
        this.cutOver = cutOver;
        this.milestones = milestones;
        this.storage = storage;
        int jobs = setup.plan().deletions().size();
        state = new JobState[jobs];
        Arrays.fill(state, JobState.HELD);
        forced = new boolean[jobs];
        extra = new long[jobs][];
        deletedSoFar = new long[jobs][];
        doneBytes = new long[jobs];
        backupChunks = new ArrayList<>(jobs);
        for (int d = 0; d < jobs; d++) {
            backupChunks.add(new ArrayDeque<>(1));
        }
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
        Arrays.fill(running, -1);
        siteDown = new int[sites];
        var run = setup.scenario().run();
        rate = run.deletionRate().bytesPerSecond();
        failureProbability = run.deletionFailureProbability();
        retention = Durations.seconds(run.backups().retention());
        shred = run.backups().cryptoShred();
        chunkBytes = run.deletionChunkBytes();
    }

    /**
     * Queues job {@code d} if it is still held; before its approval gate ({@link
     * MigrationSetup#deletionGate}) it is released again at the gate instead.
     */
    void release(int d) {
        if (state[d] != JobState.HELD) {
            return;
        }
        if (sim.now() < setup.deletionGate(d)) {
            sim.scheduleAt(setup.deletionGate(d), new ReleaseDeletion(d));
            return;
        }
        state[d] = JobState.QUEUED;
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
        if (state[target] != JobState.HELD) {
            throw new IllegalStateException("deletion job " + target + " started before batch " + b + " was cut over");
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
        state[d] = JobState.RUNNING;
        running[site] = d;
        startChunk(d);
    }

    /** Schedules the end of job {@code d}'s next chunk. */
    private void startChunk(int d) {
        long remaining = bytes(d) - doneBytes[d];
        sim.schedule(Math.min(chunkBytes, remaining) / rate, new DeletionDone(d));
    }

    /**
     * Handles the end of an attempt at job {@code d}'s current chunk: a failure repeats the chunk; a
     * success deletes it, and the job goes on with its next chunk, or is done.
     */
    void done(int d) {
        if (state[d] != JobState.RUNNING) {
            return; // completed by the deadline rule meanwhile
        }
        int site = setup.deletion(d).site();
        if (failureProbability > 0 && failures.nextDouble() < failureProbability) {
            retries++;
        } else {
            long total = bytes(d);
            deleteChunk(d, Math.min(total, doneBytes[d] + chunkBytes), !shred);
            if (doneBytes[d] == total) {
                finish(d, !shred);
                running[site] = -1;
                startNext(site);
                return;
            }
        }
        if (siteDown[site] > 0) {
            // The site failed during the chunk: the job waits, first in line, with its progress.
            state[d] = JobState.QUEUED;
            running[site] = -1;
            queues.get(site).addFirst(d);
            return;
        }
        startChunk(d);
    }

    /** Deletes job {@code d}'s bytes up to {@code upTo} (all homes), shared among homes in proportion. */
    private void deleteChunk(int d, long upTo, boolean keepBackups) {
        long[] byHome = bytesByHome(d);
        long total = bytes(d);
        if (deletedSoFar[d] == null) {
            deletedSoFar[d] = new long[byHome.length];
        }
        long[] chunk = new long[byHome.length];
        long sum = 0;
        for (int h = 0; h < byHome.length; h++) {
            // The last chunk takes exactly what is left, so the homes' shares add up to the job.
            long target = upTo == total ? byHome[h] : (long) Math.floor(byHome[h] * ((double) upTo / total));
            chunk[h] = Math.max(0, target - deletedSoFar[d][h]);
            deletedSoFar[d][h] += chunk[h];
            sum += chunk[h];
        }
        doneBytes[d] = upTo;
        ledger.deleted(chunk, keepBackups);
        String reason = forced[d] ? FORCED : setup.deletion(d).reason().name();
        deletedByReason.merge(reason, sum, Long::sum);
        double held = stored(d, sum);
        storage.change(setup.deletion(d).site(), -held, keepBackups ? held : 0, sim.now());
        if (keepBackups && sum > 0) {
            backupChunks.get(d).add(chunk);
            sim.schedule(retention, new BackupGone(d));
        }
    }

    /** Marks job {@code d} done: its forced loss is counted and its milestones move. */
    private void finish(int d, boolean keepBackups) {
        state[d] = JobState.DONE;
        if (forced[d]) {
            ledger.forcedDeletion(d);
        }
        boolean backupsLeft = keepBackups && !backupChunks.get(d).isEmpty();
        milestones.jobDone(d, backupsLeft, sim.now());
    }

    /** Handles the end of the retention of job {@code d}'s oldest chunk still in backups. */
    void backupGone(int d) {
        long[] chunk = backupChunks.get(d).poll();
        if (chunk == null) {
            return; // shredded by the deadline rule meanwhile
        }
        ledger.backupGone(chunk);
        storage.change(setup.deletion(d).site(), 0, -stored(d, sum(chunk)), sim.now());
        if (state[d] == JobState.DONE && backupChunks.get(d).isEmpty()) {
            milestones.backupGone(d, sim.now());
        }
    }

    /** Applies the deadline rule: every job not yet done completes now, and every backup is shredded. */
    void enforce() {
        for (int d = 0; d < state.length; d++) {
            boolean kept = !backupChunks.get(d).isEmpty();
            for (long[] chunk = backupChunks.get(d).poll();
                    chunk != null;
                    chunk = backupChunks.get(d).poll()) {
                ledger.backupGone(chunk);
                storage.change(setup.deletion(d).site(), 0, -stored(d, sum(chunk)), sim.now());
            }
            if (state[d] != JobState.DONE) {
                // Finishing without backups counts the job's backups gone as well.
                deleteChunk(d, bytes(d), false);
                finish(d, false);
            } else if (kept) {
                milestones.backupGone(d, sim.now());
            }
        }
        Arrays.fill(running, -1);
        queues.forEach(ArrayDeque::clear);
    }

    /** Marks a site failed or repaired; a failed site starts no new chunk. */
    void setSiteUp(int site, boolean up) {
        siteDown[site] += up ? -1 : 1;
        if (siteDown[site] == 0) {
            startNext(site);
        }
    }

    /** Returns the bytes per home still to delete (jobs not done, less their deleted chunks), recomputed from their states. */
    long[] pendingBytesByHome() {
        long[] sum = new long[setup.jurisdictions().size()];
        for (int d = 0; d < state.length; d++) {
            if (state[d] != JobState.DONE) {
                long[] byHome = bytesByHome(d);
                for (int h = 0; h < sum.length; h++) {
                    sum[h] += byHome[h] - (deletedSoFar[d] == null ? 0 : deletedSoFar[d][h]);
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

    /**
     * Returns the part of {@code bytes} deleted by job {@code d} that the storage meter counts: the
     * population's copies, not the live writes attached to the job, which storage leaves out (the
     * job's share of each is the same in every chunk).
     */
    private double stored(int d, long bytes) {
        long total = bytes(d);
        return total == 0 ? 0 : bytes * ((double) setup.deletionFootprint(d).bytes() / total);
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long v : values) {
            sum += v;
        }
        return sum;
    }

    private long bytes(int d) {
        long sum = 0;
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
