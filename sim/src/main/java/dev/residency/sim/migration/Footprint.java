package dev.residency.sim.migration;

import com.google.common.primitives.ImmutableIntArray;
import dev.residency.data.RecordStore;

/**
 * What a set of records weighs, broken down the ways a run reports it: bytes and distinct users per
 * home jurisdiction (indices of the store's jurisdiction table) and bytes per category (indices of
 * its category table). Computed once per batch or deletion and shared by all replications.
 *
 * @param records how many records
 * @param bytes their total size
 * @param bytesByHome bytes per home-jurisdiction index
 * @param usersByHome distinct users per home-jurisdiction index
 * @param bytesByCategory bytes per category index
 */
record Footprint(long records, long bytes, long[] bytesByHome, long[] usersByHome, long[] bytesByCategory) {

    /** Measures {@code recordIndices} of {@code store}. Users are counted as distinct runs of equal ids in index order, which is exact for stores built user by user (as generators and loaders do). */
    static Footprint of(RecordStore store, ImmutableIntArray recordIndices) {
        int homes = store.jurisdictions().size();
        long[] bytesByHome = new long[homes];
        long[] usersByHome = new long[homes];
        long[] bytesByCategory = new long[store.categories().size()];
        long total = 0;
        int lastUser = -1;
        for (int k = 0; k < recordIndices.length(); k++) {
            int i = recordIndices.get(k);
            long b = store.bytes(i);
            int h = store.homeIndex(i);
            bytesByHome[h] += b;
            bytesByCategory[store.categoryIndex(i)] += b;
            total += b;
            int user = store.user(i);
            if (user != lastUser) {
                usersByHome[h]++;
                lastUser = user;
            }
        }
        return new Footprint(recordIndices.length(), total, bytesByHome, usersByHome, bytesByCategory);
    }
}
