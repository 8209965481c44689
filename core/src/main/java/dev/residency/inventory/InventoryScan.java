package dev.residency.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an engine's scan of an inventory returns: its planning units in canonical order (by {@link
 * GroupKey}, then shard), with the number of rows read. The unit's position in {@link #units()} is
 * its record index in {@link #store()}, and so its index in the plan's batches and deletions.
 *
 * <p>Engines feed raw cell values to a {@link Builder}, which checks and normalises them the same way
 * for every engine (site lists in any order, duplicates ignored). Immutable and thread-safe.
 */
public final class InventoryScan {

    /** The field path of the inventory section in a scenario, the prefix of every error's field. */
    public static final String FIELD = "population.inventory";

    private final Topology topology;
    private final ImmutableList<InventoryUnit> units;
    private final ImmutableMap<UnitId, Integer> indexOf;
    private final long rowsRead;
    private final int shards;

    private InventoryScan(Topology topology, List<InventoryUnit> units, long rowsRead, int shards) {
        this.topology = topology;
        this.units = ImmutableList.copyOf(units);
        ImmutableMap.Builder<UnitId, Integer> index = ImmutableMap.builderWithExpectedSize(units.size());
        for (int i = 0; i < units.size(); i++) {
            index.put(new UnitId(units.get(i).key(), units.get(i).shard()), i);
        }
        this.indexOf = index.buildOrThrow();
        this.rowsRead = rowsRead;
        this.shards = shards;
    }

    private record UnitId(GroupKey key, int shard) {}

    /**
     * Returns a builder checking raw values against {@code topology}'s sites and the known {@code
     * categories} (by name), for units of at most {@code shards} shards per group.
     */
    public static Builder builder(Topology topology, Map<String, Category> categories, int shards) {
        return new Builder(topology, categories, shards);
    }

    /** Returns the topology whose site indices the keys use. */
    public Topology topology() {
        return topology;
    }

    /** Returns the units in canonical order. */
    public ImmutableList<InventoryUnit> units() {
        return units;
    }

    /** Returns the number of shards per group the units were made with. */
    public int shards() {
        return shards;
    }

    /** Returns the number of inventory rows the engine read. */
    public long rowsRead() {
        return rowsRead;
    }

    /** Returns the number of objects, the sum over units. */
    public long objects() {
        return units.stream().mapToLong(InventoryUnit::objects).sum();
    }

    /** Returns the bytes of all objects, the sum over units. */
    public long bytes() {
        return units.stream().mapToLong(InventoryUnit::bytes).sum();
    }

    /** Returns the index of the unit of group {@code key} and shard {@code shard}, if it has objects. */
    public Optional<Integer> unitIndex(GroupKey key, int shard) {
        return Optional.ofNullable(indexOf.get(new UnitId(key, shard)));
    }

    /** Returns the groups (units summed over shards) in canonical order. */
    public ImmutableList<InventoryGroup> groups() {
        List<InventoryGroup> out = new ArrayList<>();
        GroupKey current = null;
        long objects = 0;
        long bytes = 0;
        for (InventoryUnit u : units) {
            if (!u.key().equals(current)) {
                if (current != null) {
                    out.add(new InventoryGroup(current, objects, bytes));
                }
                current = u.key();
                objects = 0;
                bytes = 0;
            }
            objects += u.objects();
            bytes += u.bytes();
        }
        if (current != null) {
            out.add(new InventoryGroup(current, objects, bytes));
        }
        return ImmutableList.copyOf(out);
    }

    /**
     * Returns the store the planner plans on: one record per unit, in unit order, of the unit's bytes,
     * home, category, replica set and hold; record {@code i}'s user id is {@code i} (an inventory does
     * not say who owns what beyond the home jurisdiction).
     *
     * @throws IllegalArgumentException if there are more units than a store holds
     */
    public RecordStore store() {
        checkArgument(units.size() < Integer.MAX_VALUE - 8, "%s units do not fit in one store", units.size());
        RecordStore.Builder b = RecordStore.builder(topology, units.size());
        for (int i = 0; i < units.size(); i++) {
            InventoryUnit u = units.get(i);
            GroupKey k = u.key();
            b.add(
                    i,
                    b.jurisdiction(k.home()),
                    b.category(k.category()),
                    u.bytes(),
                    b.replicaSet(k.sites().toArray()),
                    k.legalHold());
        }
        return b.build();
    }

    /** Returns the unit at {@code index}. */
    public InventoryUnit unit(int index) {
        checkElementIndex(index, units.size(), "unit");
        return units.get(index);
    }

    /**
     * Collects raw unit rows from an engine: group columns as read, a shard, counts. Rows of the same
     * normalised key and shard are summed. Not thread-safe.
     */
    public static final class Builder {
        private final Topology topology;
        private final ImmutableMap<String, Category> categories;
        private final int shards;
        private final Map<List<Object>, GroupKey> parsed = new HashMap<>();
        private final Map<UnitId, long[]> totals = new HashMap<>();

        private Builder(Topology topology, Map<String, Category> categories, int shards) {
            this.topology = checkNotNull(topology, "topology");
            this.categories = ImmutableMap.copyOf(categories);
            checkArgument(
                    shards >= 1 && shards <= ObjectShards.MAX_SHARDS,
                    "shards must be in 1..%s, was %s",
                    ObjectShards.MAX_SHARDS,
                    shards);
            this.shards = shards;
        }

        /**
         * Returns the normalised key of raw cells (each may be null for an SQL NULL).
         *
         * @param columns the column mapping, for the messages
         * @throws InventoryException naming the column and value if a cell is empty, not a jurisdiction
         *     code, not a known category, or names an unknown site
         */
        public GroupKey key(InventoryColumns columns, String home, String category, String sites, Boolean legalHold)
                throws InventoryException {
            List<Object> raw = java.util.Arrays.asList(home, category, sites, legalHold);
            GroupKey known = parsed.get(raw);
            if (known != null) {
                return known;
            }
            GroupKey key = RawCells.key(topology, categories, columns, home, category, sites, legalHold);
            parsed.put(raw, key);
            return key;
        }

        /**
         * Adds {@code objects} objects of {@code bytes} bytes of group {@code key} in shard {@code
         * shard}.
         *
         * @throws IllegalArgumentException if the shard is out of range or a count is negative
         */
        public Builder add(GroupKey key, int shard, long objects, long bytes) {
            checkNotNull(key, "key");
            checkElementIndex(shard, shards, "shard");
            checkArgument(
                    objects >= 1 && bytes >= 0,
                    "objects must be positive and bytes not negative: %s, %s",
                    objects,
                    bytes);
            long[] t = totals.computeIfAbsent(new UnitId(key, shard), k -> new long[2]);
            t[0] += objects;
            t[1] = Math.addExact(t[1], bytes);
            return this;
        }

        /** Returns the scan, recording that the engine read {@code rowsRead} rows. */
        public InventoryScan build(long rowsRead) {
            checkArgument(rowsRead >= 0, "rowsRead must not be negative, was %s", rowsRead);
            List<InventoryUnit> units = new ArrayList<>(totals.size());
            totals.forEach((id, t) -> units.add(new InventoryUnit(id.key(), id.shard(), t[0], t[1])));
            units.sort((a, b) -> {
                int c = a.key().compareTo(b.key());
                return c != 0 ? c : Integer.compare(a.shard(), b.shard());
            });
            return new InventoryScan(topology, units, rowsRead, shards);
        }
    }
}
