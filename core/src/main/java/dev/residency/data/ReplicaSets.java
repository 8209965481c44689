package dev.residency.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An interning table of replica sets: each distinct set of data-center indices that holds copies of
 * some record gets one small integer id, so that a record store keeps an {@code int} per record
 * instead of a set. Sets are kept sorted and without duplicates, so two ids are equal exactly when
 * the sets are equal by value.
 *
 * <p>Interning is not thread-safe; reading ids and sets after the table is published is.
 */
public final class ReplicaSets {

    private final List<ImmutableIntArray> sets = new ArrayList<>();
    private final Map<ImmutableIntArray, Integer> ids = new HashMap<>();
    private final int siteCount;

    /**
     * Creates an empty table for sites {@code 0 … siteCount-1}.
     *
     * @throws IllegalArgumentException if {@code siteCount} is not positive
     */
    public ReplicaSets(int siteCount) {
        checkArgument(siteCount > 0, "siteCount must be positive: %s", siteCount);
        this.siteCount = siteCount;
    }

    /**
     * Returns the id of the set of {@code sites} (in any order; duplicates are ignored), adding it if
     * new.
     *
     * @throws IllegalArgumentException if {@code sites} is empty: every record has at least one copy
     * @throws IndexOutOfBoundsException if a site index is outside the topology
     */
    public int intern(int... sites) {
        checkArgument(sites.length > 0, "a replica set needs at least one site");
        int[] sorted = sites.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            checkElementIndex(sorted[i], siteCount, "site");
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        ImmutableIntArray key = ImmutableIntArray.copyOf(Arrays.copyOf(sorted, n));
        Integer id = ids.get(key);
        if (id == null) {
            id = sets.size();
            sets.add(key);
            ids.put(key, id);
        }
        return id;
    }

    /** Returns the sorted site indices of set {@code id}. */
    public ImmutableIntArray sites(int id) {
        return sets.get(id);
    }

    /** Returns whether set {@code id} holds a copy at {@code site}. */
    public boolean contains(int id, int site) {
        return sets.get(id).contains(site);
    }

    /** Returns the number of distinct sets. */
    public int size() {
        return sets.size();
    }

    /** Returns the number of sites the indices refer to. */
    public int siteCount() {
        return siteCount;
    }

    /** Returns all sets in id order. */
    public ImmutableList<ImmutableIntArray> all() {
        return ImmutableList.copyOf(sets);
    }
}
