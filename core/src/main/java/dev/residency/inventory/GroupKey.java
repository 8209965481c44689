package dev.residency.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import dev.residency.data.Category;
import dev.residency.geo.Jurisdiction;
import dev.residency.topology.Topology;
import java.util.Comparator;

/**
 * What makes objects alike for planning: home jurisdiction, category, replica set and legal hold, as
 * in {@link dev.residency.data.RecordGroups}. Ordered by home code, category name, site indices
 * (lexicographically) and hold: the canonical order of units.
 *
 * @param home the owner's home jurisdiction
 * @param category the data category
 * @param sites the topology indices of the sites holding a copy, sorted, without duplicates, not empty
 * @param legalHold whether the objects are under legal hold
 */
public record GroupKey(Jurisdiction home, Category category, ImmutableIntArray sites, boolean legalHold)
        implements Comparable<GroupKey> {

    private static final Comparator<GroupKey> ORDER = Comparator.comparing(GroupKey::home)
            .thenComparing(k -> k.category().name())
            .thenComparing(GroupKey::sites, GroupKey::compareSites)
            .thenComparing(GroupKey::legalHold);

    /**
     * Creates a key.
     *
     * @throws IllegalArgumentException if {@code sites} is empty, unsorted or has duplicates
     */
    public GroupKey {
        checkNotNull(home, "home");
        checkNotNull(category, "category");
        checkNotNull(sites, "sites");
        checkArgument(!sites.isEmpty(), "a group needs at least one site");
        for (int i = 1; i < sites.length(); i++) {
            checkArgument(sites.get(i - 1) < sites.get(i), "sites must be sorted and distinct: %s", sites);
        }
        sites = sites.trimmed();
    }

    /** Returns the ids of the sites on {@code topology}, in index order. */
    public ImmutableList<String> siteIds(Topology topology) {
        return sites.stream().mapToObj(s -> topology.site(s).id()).collect(ImmutableList.toImmutableList());
    }

    @Override
    public int compareTo(GroupKey other) {
        return ORDER.compare(this, other);
    }

    private static int compareSites(ImmutableIntArray a, ImmutableIntArray b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
