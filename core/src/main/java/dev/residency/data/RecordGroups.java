package dev.residency.data;

import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;

/**
 * The records of a store aggregated by (home jurisdiction, category, replica set, legal hold): the
 * unit at which audits and planners reason, since every record of a group is treated alike. One pass
 * over the store with an open-addressing hash table on a packed {@code long} key; groups are numbered
 * in order of first appearance, so the numbering is deterministic.
 *
 * <p>Optionally keeps, per record, the group it belongs to (4 bytes per record), for the planner to
 * split group-level decisions back into record batches. Immutable and thread-safe once made.
 */
public final class RecordGroups {

    private final RecordStore store;
    private final int count;
    private final int[] home;
    private final int[] category;
    private final int[] replicaSet;
    private final boolean[] legalHold;
    private final long[] records;
    private final long[] bytes;
    private final int[] groupOfRecord;

    private RecordGroups(RecordStore store, boolean keepRecordMapping) {
        this.store = store;
        int n = store.size();
        int[] mapping = keepRecordMapping ? new int[n] : null;
        int tableSize = Integer.highestOneBit(Math.max(64, store.replicaSets().size() * 64)) << 1;
        long[] keys = new long[tableSize];
        int[] slots = new int[tableSize];
        Arrays.fill(slots, -1);
        int mask = tableSize - 1;
        int groups = 0;
        long[] keyOf = new long[64];
        long[] recordCount = new long[64];
        long[] byteCount = new long[64];
        for (int i = 0; i < n; i++) {
            long key = ((long) store.replicaSetOfRaw(i) << 24)
                    | ((long) store.homeRaw(i) << 8)
                    | ((long) store.categoryRaw(i) << 1)
                    | (store.legalHoldRaw(i) ? 1 : 0);
            int h = (int) mix(key) & mask;
            while (slots[h] >= 0 && keys[h] != key) {
                h = (h + 1) & mask;
            }
            int g = slots[h];
            if (g < 0) {
                g = groups++;
                if (g == keyOf.length) {
                    keyOf = Arrays.copyOf(keyOf, g * 2);
                    recordCount = Arrays.copyOf(recordCount, g * 2);
                    byteCount = Arrays.copyOf(byteCount, g * 2);
                }
                keyOf[g] = key;
                keys[h] = key;
                slots[h] = g;
                if (groups * 2 > tableSize) {
                    tableSize <<= 1;
                    mask = tableSize - 1;
                    keys = new long[tableSize];
                    slots = new int[tableSize];
                    Arrays.fill(slots, -1);
                    for (int k = 0; k < groups; k++) {
                        int p = (int) mix(keyOf[k]) & mask;
                        while (slots[p] >= 0) {
                            p = (p + 1) & mask;
                        }
                        keys[p] = keyOf[k];
                        slots[p] = k;
                    }
                }
            }
            recordCount[g]++;
            byteCount[g] += store.bytesRaw(i);
            if (mapping != null) {
                mapping[i] = g;
            }
        }
        this.count = groups;
        this.home = new int[groups];
        this.category = new int[groups];
        this.replicaSet = new int[groups];
        this.legalHold = new boolean[groups];
        for (int g = 0; g < groups; g++) {
            long key = keyOf[g];
            replicaSet[g] = (int) (key >>> 24);
            home[g] = (int) ((key >>> 8) & 0xFFFF);
            category[g] = (int) ((key >>> 1) & 0x7F);
            legalHold[g] = (key & 1) != 0;
        }
        this.records = Arrays.copyOf(recordCount, groups);
        this.bytes = Arrays.copyOf(byteCount, groups);
        this.groupOfRecord = mapping;
    }

    /** Aggregates {@code store} without keeping the record-to-group mapping. */
    public static RecordGroups of(RecordStore store) {
        return new RecordGroups(checkNotNull(store, "store"), false);
    }

    /** Aggregates {@code store} and keeps, per record, the index of its group. */
    public static RecordGroups withRecordMapping(RecordStore store) {
        return new RecordGroups(checkNotNull(store, "store"), true);
    }

    private static long mix(long key) {
        // The finaliser of MurmurHash3 (fmix64): spreads the packed fields over all bits.
        key ^= key >>> 33;
        key *= 0xff51afd7ed558ccdL;
        key ^= key >>> 33;
        key *= 0xc4ceb9fe1a85ec53L;
        return key ^ (key >>> 33);
    }

    /** Returns the store the groups were made from. */
    public RecordStore store() {
        return store;
    }

    /** Returns the number of groups. */
    public int count() {
        return count;
    }

    /** Returns group {@code g}'s home-jurisdiction index in the store's table. */
    public int home(int g) {
        checkElementIndex(g, count, "group");
        return home[g];
    }

    /** Returns group {@code g}'s category index in the store's table. */
    public int category(int g) {
        checkElementIndex(g, count, "group");
        return category[g];
    }

    /** Returns group {@code g}'s replica-set id. */
    public int replicaSet(int g) {
        checkElementIndex(g, count, "group");
        return replicaSet[g];
    }

    /** Returns whether group {@code g}'s records are under legal hold. */
    public boolean legalHold(int g) {
        checkElementIndex(g, count, "group");
        return legalHold[g];
    }

    /** Returns the number of records in group {@code g}. */
    public long records(int g) {
        checkElementIndex(g, count, "group");
        return records[g];
    }

    /** Returns the total size of group {@code g}'s records in bytes (each record counted once). */
    public long bytes(int g) {
        checkElementIndex(g, count, "group");
        return bytes[g];
    }

    /** Returns whether the record-to-group mapping was kept. */
    public boolean hasRecordMapping() {
        return groupOfRecord != null;
    }

    /**
     * Returns the group of record {@code i}.
     *
     * @throws IllegalStateException if the groups were made without the mapping
     */
    public int groupOf(int i) {
        if (groupOfRecord == null) {
            throw new IllegalStateException("groups were made without the record mapping; use withRecordMapping");
        }
        return groupOfRecord[i];
    }
}
