package dev.residency.sim.migration;

import com.google.common.collect.ImmutableSortedMap;
import com.google.common.primitives.ImmutableIntArray;
import dev.residency.data.RecordStore;
import dev.residency.plan.TransferBatch;
import dev.residency.sim.report.ForcedLoss;
import java.util.BitSet;
import java.util.TreeMap;

/**
 * The byte accounts of one run, kept per home jurisdiction: violating copies still on live systems
 * (split into the blocked floor that no deletion will touch and the copies some deletion job will
 * remove), copies that remain only in backups, what was deleted, and what the deadline rule forced.
 * {@link #checkConservation} recomputes the live account from the deletion jobs' states and checks
 * invariant 2 (bytes at start plus live writes = deleted + still present) at every sample.
 */
final class Ledger {

    private final MigrationSetup setup;
    private final int homes;
    private final long[] liveDeletable;
    private final long[] backups;
    private long deleted;
    private long writesAttached;
    private long backlog;
    private final BitSet forcedUsers = new BitSet();
    private final BitSet delivered = new BitSet();
    private final BitSet lost = new BitSet();
    private long forcedBytes;
    private long forcedRecords;
    private final long[] forcedByCategory;
    private long lostWrites;

    Ledger(MigrationSetup setup) {
        this.setup = setup;
        this.homes = setup.jurisdictions().size();
        liveDeletable = new long[homes];
        for (int d = 0; d < setup.plan().deletions().size(); d++) {
            long[] bytes = setup.deletionFootprint(d).bytesByHome();
            for (int h = 0; h < homes; h++) {
                liveDeletable[h] += bytes[h];
            }
        }
        backups = new long[homes];
        forcedByCategory = new long[setup.store().categories().size()];
        for (TransferBatch b : setup.plan().batches()) {
            // A chain of legs moves its bytes once: its last leg counts them, not its staging copies.
            if (!b.staging()) {
                backlog += b.bytes();
            }
        }
    }

    void writesAttached(long[] byHome) {
        for (int h = 0; h < homes; h++) {
            liveDeletable[h] += byHome[h];
            writesAttached += byHome[h];
        }
    }

    void deleted(long[] byHome, boolean keepBackups) {
        for (int h = 0; h < homes; h++) {
            liveDeletable[h] -= byHome[h];
            deleted += byHome[h];
            if (keepBackups) {
                backups[h] += byHome[h];
            }
        }
    }

    void backupGone(long[] byHome) {
        for (int h = 0; h < homes; h++) {
            backups[h] -= byHome[h];
        }
    }

    /** Notes that batch {@code b} is cut over or aborted; a staging leg's bytes were never in the backlog. */
    void batchDone(int b) {
        TransferBatch batch = setup.plan().batches().get(b);
        if (!batch.staging()) {
            backlog -= batch.bytes();
        }
    }

    /** Notes that batch {@code b} was cut over: its records now have a verified compliant copy. */
    void cutOver(int b) {
        TransferBatch batch = setup.plan().batches().get(b);
        for (int k = 0; k < batch.records().length(); k++) {
            delivered.set(batch.records().get(k));
        }
    }

    /**
     * Counts as lost the records whose violating copies the deadline rule's deletion {@code d} removed
     * while they had no compliant copy: none before the migration and no cut-over batch delivering
     * one. Each record counts once, however many of its copies or batches the rule touched.
     */
    void forcedDeletion(int d) {
        RecordStore store = setup.store();
        ImmutableIntArray records = setup.deletion(d).records();
        for (int k = 0; k < records.length(); k++) {
            int i = records.get(k);
            if (lost.get(i) || delivered.get(i) || setup.compliantAtStart(i)) {
                continue;
            }
            lost.set(i);
            forcedUsers.set(store.user(i));
            forcedByCategory[store.categoryIndex(i)] += store.bytes(i);
            forcedBytes += store.bytes(i);
            forcedRecords++;
        }
    }

    /** Counts live writes that never reached a destination because the deadline rule cut a batch over early. */
    void lostWrites(long bytes) {
        lostWrites += bytes;
    }

    ForcedLoss forcedLoss() {
        TreeMap<String, Long> byCategory = new TreeMap<>();
        for (int c = 0; c < forcedByCategory.length; c++) {
            if (forcedByCategory[c] > 0) {
                byCategory.put(setup.store().categories().get(c).name(), forcedByCategory[c]);
            }
        }
        return new ForcedLoss(
                forcedBytes,
                forcedRecords,
                forcedUsers.cardinality(),
                ImmutableSortedMap.copyOf(byCategory),
                lostWrites);
    }

    /** Returns violating live bytes of home {@code h}, given the writes not yet attached to a deletion. */
    long violating(int h, double pendingWrites) {
        return setup.blockedFloor(h) + liveDeletable[h] + Math.round(pendingWrites);
    }

    long violatingTotal(long pendingWrites) {
        long sum = pendingWrites;
        for (int h = 0; h < homes; h++) {
            sum += setup.blockedFloor(h) + liveDeletable[h];
        }
        return sum;
    }

    long liveDeletableTotal() {
        long sum = 0;
        for (long v : liveDeletable) {
            sum += v;
        }
        return sum;
    }

    long backupsTotal() {
        long sum = 0;
        for (long v : backups) {
            sum += v;
        }
        return sum;
    }

    long blockedTotal() {
        long sum = 0;
        for (int h = 0; h < homes; h++) {
            sum += setup.blockedFloor(h);
        }
        return sum;
    }

    long backlog() {
        return backlog;
    }

    /**
     * Checks invariant 2 at time {@code now}: the violating bytes at the start plus the live writes
     * attached so far equal the bytes deleted plus those still on live systems, where the latter is
     * recomputed independently from the deletion jobs' states.
     *
     * @throws IllegalStateException if the accounts disagree
     */
    void checkConservation(DeletionQueues deletions, double now) {
        long[] recomputed = deletions.pendingBytesByHome();
        long initial = 0;
        long present = 0;
        for (int h = 0; h < homes; h++) {
            if (recomputed[h] != liveDeletable[h] || liveDeletable[h] < 0 || backups[h] < 0) {
                throw new IllegalStateException(String.format(
                        "invariant violated at t=%.0fs: %s live violating bytes are %d by the ledger but %d by the"
                                + " deletion jobs (backups %d)",
                        now, setup.jurisdictions().get(h), liveDeletable[h], recomputed[h], backups[h]));
            }
            initial += setup.initialViolating(h);
            present += setup.blockedFloor(h) + liveDeletable[h];
        }
        if (initial + writesAttached != deleted + present) {
            throw new IllegalStateException(String.format(
                    "conservation violated at t=%.0fs: %d at start + %d written != %d deleted + %d present",
                    now, initial, writesAttached, deleted, present));
        }
    }
}
