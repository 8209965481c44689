package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.math.LongMath;
import dev.residency.data.Category;
import dev.residency.data.CategoryShare;
import dev.residency.data.PopulationGenerator;
import dev.residency.data.PopulationSpec;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.InventorySource;
import dev.residency.inventory.InventoryUnit;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Topology;
import dev.residency.units.DataSize;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a scenario's user records come from: generated from parameters, or expanded from aggregated
 * rows. Either way counts are synthetic (one record stands for the scenario's {@code scale} real
 * ones) and bytes are real. Implementations are immutable and thread-safe.
 */
public sealed interface PopulationSource {

    /**
     * Builds the records on {@code topology}; the same source always gives the same store.
     *
     * @throws IllegalArgumentException if a site id is not in the topology
     */
    RecordStore build(Topology topology);

    /** Returns the expected number of synthetic records, for heap estimates before building. */
    double expectedRecords();

    /** Returns the synthetic users per home jurisdiction. */
    ImmutableMap<Jurisdiction, Long> users();

    /** Returns the names of the categories the records may have. */
    ImmutableSet<String> categoryNames();

    /** Returns this source with {@code factor} times fewer synthetic users and records, bytes kept. */
    PopulationSource rescaled(int factor);

    /**
     * A population drawn by {@link PopulationGenerator}.
     *
     * @param spec the generator's parameters, already scaled
     */
    record Generated(PopulationSpec spec) implements PopulationSource {

        /** Creates the source. */
        public Generated {
            checkNotNull(spec, "spec");
        }

        @Override
        public RecordStore build(Topology topology) {
            return PopulationGenerator.generate(spec, topology);
        }

        @Override
        public double expectedRecords() {
            return spec.expectedRecords();
        }

        @Override
        public ImmutableMap<Jurisdiction, Long> users() {
            Map<Jurisdiction, Long> users = new LinkedHashMap<>();
            spec.users().forEach((j, n) -> users.put(j, (long) n));
            return ImmutableMap.copyOf(users);
        }

        @Override
        public ImmutableSet<String> categoryNames() {
            return spec.categories().stream().map(c -> c.category().name()).collect(ImmutableSet.toImmutableSet());
        }

        /** Divides every jurisdiction's users by {@code factor} (at least 1 if it had any) and multiplies sizes by it. */
        @Override
        public Generated rescaled(int factor) {
            checkArgument(factor >= 1, "factor must be at least 1, was %s", factor);
            Map<Jurisdiction, Integer> users = new LinkedHashMap<>();
            spec.users()
                    .forEach((j, n) -> users.put(j, n == 0 ? 0 : (int) Math.max(1, Math.round((double) n / factor))));
            ImmutableList<CategoryShare> shares = spec.categories().stream()
                    .map(s -> new CategoryShare(
                            s.category(),
                            s.weight(),
                            DataSize.ofBytes(Math.multiplyExact(s.medianSize().bytes(), (long) factor)),
                            s.sigma()))
                    .collect(ImmutableList.toImmutableList());
            return new Generated(new PopulationSpec(
                    spec.seed(),
                    ImmutableMap.copyOf(users),
                    spec.meanRecordsPerUser(),
                    shares,
                    spec.placements(),
                    spec.defaultPlacement(),
                    spec.legalHoldFraction()));
        }
    }

    /**
     * A population given as aggregated rows. {@link #build} expands each row into {@code records}
     * equal records of {@code totalBytes / records} bytes, the remainder on the first. The users of
     * one home jurisdiction are one block of ids shared by all its rows (the same people own records
     * of many categories), as large as the largest {@code users} of those rows; a row's records go to
     * its first {@code users} ids in turn.
     *
     * @param rows the rows, not empty
     */
    record Aggregated(ImmutableList<AggregateRow> rows) implements PopulationSource {

        /** The most records one aggregated population expands into: what one record store holds. */
        public static final long MAX_RECORDS = Integer.MAX_VALUE - 9L;

        /**
         * Creates the source.
         *
         * @throws IllegalArgumentException if there are no rows or more records than one store holds
         */
        public Aggregated {
            rows = ImmutableList.copyOf(rows);
            checkArgument(!rows.isEmpty(), "an aggregated population needs at least one row");
            long total = rows.stream().mapToLong(AggregateRow::records).reduce(0, LongMath::saturatedAdd);
            checkArgument(total <= MAX_RECORDS, "%s records do not fit in one store", total);
        }

        @Override
        public RecordStore build(Topology topology) {
            long total = rows.stream().mapToLong(AggregateRow::records).sum();
            RecordStore.Builder builder = RecordStore.builder(topology, (int) total);
            Map<Jurisdiction, Long> firstUser = new LinkedHashMap<>();
            long next = 0;
            for (Map.Entry<Jurisdiction, Long> e : users().entrySet()) {
                firstUser.put(e.getKey(), next);
                next += e.getValue();
            }
            checkArgument(next < Integer.MAX_VALUE, "%s users do not fit in one store", next);
            for (AggregateRow row : rows) {
                int home = builder.jurisdiction(row.home());
                int category = builder.category(row.category());
                int[] sites = new int[row.sites().size()];
                for (int i = 0; i < sites.length; i++) {
                    OptionalInt index = topology.indexOf(row.sites().get(i));
                    checkArgument(
                            index.isPresent(),
                            "row of %s %s names unknown site \"%s\"",
                            row.home(),
                            row.category(),
                            row.sites().get(i));
                    sites[i] = index.getAsInt();
                }
                int replicaSet = builder.replicaSet(sites);
                long each = row.totalBytes() / row.records();
                long remainder = row.totalBytes() - each * row.records();
                int base = (int) (long) firstUser.get(row.home());
                for (long r = 0; r < row.records(); r++) {
                    int user = base + (int) (r % row.users());
                    builder.add(user, home, category, r == 0 ? each + remainder : each, replicaSet, row.legalHold());
                }
            }
            return builder.build();
        }

        @Override
        public double expectedRecords() {
            return rows.stream().mapToLong(AggregateRow::records).sum();
        }

        @Override
        public ImmutableMap<Jurisdiction, Long> users() {
            Map<Jurisdiction, Long> users = new LinkedHashMap<>();
            for (AggregateRow row : rows) {
                users.merge(row.home(), row.users(), Math::max);
            }
            return ImmutableMap.copyOf(users);
        }

        @Override
        public ImmutableSet<String> categoryNames() {
            return rows.stream().map(r -> r.category().name()).collect(ImmutableSet.toImmutableSet());
        }

        @Override
        public Aggregated rescaled(int factor) {
            return new Aggregated(rows.stream().map(r -> r.rescaled(factor)).collect(ImmutableList.toImmutableList()));
        }
    }

    /**
     * A population read from an object inventory by an inventory engine (module
     * residency-inventory-duckdb): real objects, never rescaled. Until the engine's scan is attached
     * ({@link #withScan}) it cannot be built; afterwards {@link #build} gives the scan's planning store,
     * one record per unit (docs/inventories.md).
     *
     * @param source where the inventory is and how to read it
     * @param categories the scenario's categories by name, which the inventory's may use
     * @param scan the engine's scan, once made
     */
    record Inventory(InventorySource source, ImmutableMap<String, Category> categories, Optional<InventoryScan> scan)
            implements PopulationSource {

        /** Creates the source. */
        public Inventory {
            checkNotNull(source, "source");
            categories = ImmutableMap.copyOf(categories);
            checkNotNull(scan, "scan");
        }

        /** Returns this source with the engine's {@code scan} attached. */
        public Inventory withScan(InventoryScan newScan) {
            return new Inventory(source, categories, Optional.of(newScan));
        }

        /**
         * Returns the scan's planning store.
         *
         * @throws IllegalStateException if the inventory was not scanned yet
         * @throws IllegalArgumentException if {@code topology}'s sites (ids, in order) are not those the scan
         *     was made on; links and capacities may differ, as when a replication draws a link's bandwidth,
         *     because the scan's records name sites by index only
         */
        @Override
        public RecordStore build(Topology topology) {
            InventoryScan s = scan.orElseThrow(() -> new IllegalStateException(
                    "population.inventory: scan the inventory with an inventory engine before building the store"));
            List<String> scanned = siteIds(s.topology());
            List<String> here = siteIds(topology);
            checkArgument(scanned.equals(here), "the inventory was scanned on the sites %s, not on %s", scanned, here);
            return s.store();
        }

        private static List<String> siteIds(Topology topology) {
            return topology.sites().stream().map(DataCenter::id).toList();
        }

        /** Returns the number of planning units once scanned, 0 before. */
        @Override
        public double expectedRecords() {
            return scan.map(s -> s.units().size()).orElse(0);
        }

        /** Returns, once scanned, the units per home jurisdiction (each unit is one record of one user); empty before. */
        @Override
        public ImmutableMap<Jurisdiction, Long> users() {
            Map<Jurisdiction, Long> users = new LinkedHashMap<>();
            scan.ifPresent(s -> {
                for (InventoryUnit u : s.units()) {
                    users.merge(u.key().home(), 1L, Long::sum);
                }
            });
            return ImmutableMap.copyOf(users);
        }

        @Override
        public ImmutableSet<String> categoryNames() {
            return categories.keySet();
        }

        /** Returns this source: an inventory's objects are real and are not thinned out. */
        @Override
        public Inventory rescaled(int factor) {
            checkArgument(factor >= 1, "factor must be at least 1, was %s", factor);
            return this;
        }
    }
}
