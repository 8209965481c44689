package dev.residency.inventory.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.RecordGroups;
import dev.residency.data.RecordStore;
import dev.residency.inventory.InMemoryInventoryEngine;
import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.InventoryGroup;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.InventorySource;
import dev.residency.inventory.InventoryUnit;
import dev.residency.inventory.ObjectShards;
import dev.residency.inventory.ScanProgress;
import dev.residency.inventory.UnitActions;
import dev.residency.plan.BlockedGroup;
import dev.residency.plan.Deletion;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.TransferBatch;
import dev.residency.testing.RandomInstances;
import dev.residency.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The determinism rule across engines: for random inventories (random topologies, categories,
 * policies and objects, split into 1 to 3 files), the DuckDB engine and the in-memory reference engine
 * give the same units, the groups equal {@link RecordGroups}' aggregation of the same records, the
 * planner gives the same plan on both scans, and the manifests (Parquet and CSV from DuckDB, CSV from
 * the reference) hold the same rows, hash for hash, one row per object, also when DuckDB writes them
 * one inventory file at a time. Each batch's copy rows add up
 * to the batch's bytes, and each object's actions are those the plan gives its unit, worked out from
 * the plan's batches, deletions and blocked groups without the engines' fate tables.
 */
final class EngineEquivalenceTest {

    @TempDir
    Path temp;

    static LongStream seeds() {
        return RandomInstances.seeds(12);
    }

    /** Other, fewer seeds for the comparison of key modes (each writes the manifests twice). */
    static LongStream fewerSeeds() {
        return RandomInstances.seeds(6).map(s -> 1_000 + s);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void engines_sameInventory_sameGroupsPlanAndManifests(long seed) throws Exception {
        RandomInventory inventory = RandomInventory.of(seed, temp);
        RecordStore store = inventory.store();
        Topology topology = inventory.topology();
        InventorySource source = inventory.source();
        ImmutableMap<String, Category> known = inventory.categories();
        int shards = source.shards();
        String where = inventory.where();

        DuckDbInventoryEngine duck = new DuckDbInventoryEngine(DuckDbSettings.DEFAULTS);
        InMemoryInventoryEngine memory = new InMemoryInventoryEngine(store);
        InventoryScan a = duck.scan(source, topology, known, ScanProgress.NONE);
        InventoryScan b = memory.scan(source, topology, known, ScanProgress.NONE);
        assertThat(a.units()).as(where).isEqualTo(b.units());
        assertThat(a.rowsRead()).as(where).isEqualTo(store.size());
        assertThat(groupsOf(a)).as(where).isEqualTo(recordGroups(store));

        MigrationPlan planA = inventory.plan(a);
        MigrationPlan planB = inventory.plan(b);
        assertThat(planA).as(where).isEqualTo(planB);

        UnitActions actions = UnitActions.of(planA, a);
        duck.writeManifests(
                source, a, actions, temp.resolve("duck-parquet"), InventoryFormat.PARQUET, ScanProgress.NONE);
        duck.writeManifests(source, a, actions, temp.resolve("duck-csv"), InventoryFormat.CSV, ScanProgress.NONE);
        memory.writeManifests(
                source,
                b,
                UnitActions.of(planB, b),
                temp.resolve("memory-csv"),
                InventoryFormat.CSV,
                ScanProgress.NONE);
        List<String> parquetRows = ManifestRows.read(temp.resolve("duck-parquet"), "parquet");
        List<String> csvRows = ManifestRows.read(temp.resolve("duck-csv"), "csv");
        List<String> memoryRows = ManifestRows.read(temp.resolve("memory-csv"), "csv");
        assertThat(ManifestRows.hash(parquetRows)).as(where).isEqualTo(ManifestRows.hash(memoryRows));
        assertThat(csvRows).as(where).isEqualTo(memoryRows);
        // Written one file at a time (a chunk per file, as a large inventory is): the same rows, from the
        // same scan (chunking is the write's alone); Parquet on even seeds, CSV on odd ones.
        DuckDbInventoryEngine chunked =
                new DuckDbInventoryEngine(DuckDbSettings.DEFAULTS, ManifestQuery.UnitKeys.HASHED, 1);
        boolean parquet = seed % 2 == 0;
        chunked.writeManifests(
                source,
                a,
                actions,
                temp.resolve("duck-chunked"),
                parquet ? InventoryFormat.PARQUET : InventoryFormat.CSV,
                ScanProgress.NONE);
        assertThat(ManifestRows.read(temp.resolve("duck-chunked"), parquet ? "parquet" : "csv"))
                .as(where)
                .isEqualTo(parquet ? parquetRows : csvRows);

        Map<Integer, Long> copied = RandomInventory.copiedBytesByBatch(parquetRows);
        Map<Integer, Long> planned = RandomInventory.plannedBytesByBatch(planA);
        assertThat(copied.keySet()).as(where).isEqualTo(planned.keySet());
        assertThat(copied).as(where).isEqualTo(planned);
        assertThat(parquetRows).as(where).isEqualTo(expectedRows(store, a, planA, shards));
    }

    /**
     * The manifest pass finds a row's unit by a hash of its cells and shard: it writes the same rows as
     * the join on the cells themselves (the way kept for a collision of hashes), and the rows worked
     * out from the plan, when a group's sites are spelled three ways in the inventory (as written,
     * reversed, and with '|'), so that one unit has several hashes.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("fewerSeeds")
    void writeManifests_hashedOrCellKeys_sameRows(long seed) throws Exception {
        RandomInventory inventory = RandomInventory.of(seed, temp);
        Path respelled = temp.resolve("respelled.parquet");
        try (Connection c = SharedDuckDb.connect();
                Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * REPLACE (CASE object_id % 3 WHEN 1 THEN replace(sites, ';', '|')"
                    + " WHEN 2 THEN array_to_string(list_reverse(string_split(sites, ';')), ';') ELSE sites END"
                    + " AS sites) FROM read_parquet('" + inventory.source().path() + "')) TO '" + respelled
                    + "' (FORMAT parquet)");
        }
        InventorySource source = new InventorySource(
                respelled.toString(),
                InventoryFormat.PARQUET,
                inventory.source().columns(),
                inventory.source().shards(),
                true);
        String where = inventory.where() + ", sites spelled three ways";
        DuckDbInventoryEngine hashed = new DuckDbInventoryEngine(DuckDbSettings.DEFAULTS);
        DuckDbInventoryEngine cells = new DuckDbInventoryEngine(DuckDbSettings.DEFAULTS, ManifestQuery.UnitKeys.CELLS);
        InventoryScan a = hashed.scan(source, inventory.topology(), inventory.categories(), ScanProgress.NONE);
        InventoryScan b = cells.scan(source, inventory.topology(), inventory.categories(), ScanProgress.NONE);
        // The scan grouped on a hash of the cells (the default) and on the cells: the same units.
        assertThat(a.units()).as(where).isEqualTo(b.units());
        MigrationPlan plan = inventory.plan(a);
        hashed.writeManifests(
                source, a, UnitActions.of(plan, a), temp.resolve("hashed"), InventoryFormat.PARQUET, ScanProgress.NONE);
        cells.writeManifests(
                source, b, UnitActions.of(plan, b), temp.resolve("cells"), InventoryFormat.PARQUET, ScanProgress.NONE);
        List<String> hashedRows = ManifestRows.read(temp.resolve("hashed"), "parquet");
        assertThat(hashedRows).as(where).isEqualTo(ManifestRows.read(temp.resolve("cells"), "parquet"));
        assertThat(hashedRows).as(where).isEqualTo(expectedRows(inventory.store(), a, plan, source.shards()));
    }

    /**
     * A scan whose units' hashes match none of the cells' combinations (as when the files change between
     * the spellings' passes and the grouping) groups on the cells instead: the same units. Forced by a
     * "hash" that is random per row, so that no unit's value is among the combinations'.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("fewerSeeds")
    void scan_unitHashesMatchNoCells_groupsOnCells(long seed) throws Exception {
        RandomInventory inventory = RandomInventory.of(seed, temp);
        InventorySource source = inventory.source();
        InventoryScan expected = new DuckDbInventoryEngine(DuckDbSettings.DEFAULTS, ManifestQuery.UnitKeys.CELLS)
                .scan(source, inventory.topology(), inventory.categories(), ScanProgress.NONE);
        DuckDbInventoryEngine unmatched = new DuckDbInventoryEngine(
                DuckDbSettings.DEFAULTS,
                new ManifestQuery.UnitKeys(Optional.of("CAST(floor(random() * 9e18) AS UBIGINT)")));
        InventoryScan scan = unmatched.scan(source, inventory.topology(), inventory.categories(), ScanProgress.NONE);
        assertThat(scan.units()).as(inventory.where()).isEqualTo(expected.units());
        assertThat(scan.rowsRead()).isEqualTo(expected.rowsRead());
    }

    /**
     * When two units' hashes collide, the manifest pass joins on the cells and shard instead, and writes
     * the same rows as the hash join and as worked out from the plan. The collision is forced by a hash
     * that is the same constant for every unit: were that hash joined on, every row would match every
     * unit the plan touches (at least two here: the seed is stepped until the plan touches two), so an
     * object would have several rows and the comparison would fail.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("fewerSeeds")
    void writeManifests_unitHashesCollide_joinsOnCellsWithSameRows(long seed) throws Exception {
        DuckDbInventoryEngine hashed = new DuckDbInventoryEngine(DuckDbSettings.DEFAULTS);
        // The first of the seeds seed, seed + 7,919, ... whose plan gives a fate to two units or more: with
        // fewer, a join on the colliding hash would write the right rows too.
        RandomInventory inventory = null;
        InventoryScan a = null;
        MigrationPlan plan = null;
        UnitActions actions = null;
        long touched = 0;
        for (int k = 0; k < 20 && touched < 2; k++) {
            Path folder = temp.resolve("try-" + k);
            Files.createDirectories(folder);
            inventory = RandomInventory.of(seed + 7_919L * k, folder);
            a = hashed.scan(inventory.source(), inventory.topology(), inventory.categories(), ScanProgress.NONE);
            plan = inventory.plan(a);
            UnitActions drawn = UnitActions.of(plan, a);
            actions = drawn;
            touched = IntStream.range(0, drawn.units())
                    .filter(u -> drawn.fateOf(u).isPresent())
                    .count();
        }
        String where = inventory.where() + ", " + touched + " units with a fate";
        assertThat(touched).as(where).isGreaterThanOrEqualTo(2);
        InventorySource source = inventory.source();
        DuckDbInventoryEngine colliding = new DuckDbInventoryEngine(
                DuckDbSettings.DEFAULTS, new ManifestQuery.UnitKeys(Optional.of("CAST(7 AS UBIGINT)")));
        InventoryScan b = colliding.scan(source, inventory.topology(), inventory.categories(), ScanProgress.NONE);
        // The scan too falls back to the cells when the hashes of the cells' combinations collide.
        assertThat(b.units()).as(where).isEqualTo(a.units());
        hashed.writeManifests(source, a, actions, temp.resolve("hashed"), InventoryFormat.PARQUET, ScanProgress.NONE);
        colliding.writeManifests(
                source,
                b,
                UnitActions.of(plan, b),
                temp.resolve("collided"),
                InventoryFormat.PARQUET,
                ScanProgress.NONE);
        List<String> collidedRows = ManifestRows.read(temp.resolve("collided"), "parquet");
        assertThat(collidedRows).as(where).isEqualTo(ManifestRows.read(temp.resolve("hashed"), "parquet"));
        assertThat(collidedRows).as(where).isEqualTo(expectedRows(inventory.store(), a, plan, source.shards()));
    }

    /**
     * Returns the manifests' rows as {@link ManifestRows#read} gives them, worked out from the plan
     * directly: each object's unit found by its own cells and shard, and every batch, deletion and
     * blocked group of the plan listing its units' objects.
     */
    private static List<String> expectedRows(RecordStore store, InventoryScan scan, MigrationPlan plan, int shards) {
        Map<String, Integer> unitOfCells = new HashMap<>();
        for (int u = 0; u < scan.units().size(); u++) {
            InventoryUnit unit = scan.unit(u);
            String key = unit.key().home().code() + "|" + unit.key().category().name() + "|"
                    + String.join(";", unit.key().siteIds(scan.topology())) + "|"
                    + unit.key().legalHold() + "|"
                    + unit.shard();
            unitOfCells.put(key, u);
        }
        Map<Integer, List<Integer>> objectsOfUnit = new HashMap<>();
        for (int i = 0; i < store.size(); i++) {
            String sites = store.replicaSets().sites(store.replicaSet(i)).stream()
                    .mapToObj(x -> store.topology().site(x).id())
                    .sorted()
                    .collect(Collectors.joining(";"));
            String key = store.jurisdictions().get(store.homeIndex(i)).code() + "|"
                    + store.categories().get(store.categoryIndex(i)).name() + "|" + sites + "|"
                    + store.legalHold(i) + "|" + ObjectShards.shardOf(i, shards);
            objectsOfUnit
                    .computeIfAbsent(unitOfCells.get(key), u -> new ArrayList<>())
                    .add(i);
        }
        List<String[]> rows = new ArrayList<>();
        Topology t = scan.topology();
        for (TransferBatch b : plan.batches()) {
            for (int u : b.records().toArray()) {
                for (int i : objectsOfUnit.get(u)) {
                    rows.add(new String[] {
                        Integer.toString(i),
                        Long.toString(store.bytes(i)),
                        "copy",
                        t.site(b.source()).id(),
                        t.site(b.destination()).id(),
                        "",
                        Integer.toString(b.id())
                    });
                }
            }
        }
        for (Deletion d : plan.deletions()) {
            for (int u : d.records().toArray()) {
                for (int i : objectsOfUnit.get(u)) {
                    rows.add(new String[] {
                        Integer.toString(i),
                        Long.toString(store.bytes(i)),
                        "delete",
                        "",
                        t.site(d.site()).id(),
                        d.reason().name(),
                        Integer.toString(d.afterBatch().orElse(-1))
                    });
                }
            }
        }
        for (BlockedGroup g : plan.blocked()) {
            for (int u : g.records().toArray()) {
                for (int i : objectsOfUnit.get(u)) {
                    rows.add(new String[] {
                        Integer.toString(i),
                        Long.toString(store.bytes(i)),
                        "blocked",
                        "",
                        "",
                        g.reason().name(),
                        "-1"
                    });
                }
            }
        }
        // The reader's order: object, batch, action, site, source, reason.
        rows.sort(Comparator.<String[]>comparingLong(r -> Long.parseLong(r[0]))
                .thenComparingInt(r -> Integer.parseInt(r[6]))
                .thenComparing(r -> r[2])
                .thenComparing(r -> r[4])
                .thenComparing(r -> r[3])
                .thenComparing(r -> r[5]));
        return rows.stream().map(r -> String.join(",", r)).collect(Collectors.toList());
    }

    private static Map<String, List<Long>> groupsOf(InventoryScan scan) {
        Map<String, List<Long>> out = new HashMap<>();
        for (InventoryGroup g : scan.groups()) {
            String key = g.key().home().code() + "|" + g.key().category().name() + "|"
                    + String.join(";", g.key().siteIds(scan.topology())) + "|"
                    + g.key().legalHold();
            out.put(key, List.of(g.objects(), g.bytes()));
        }
        return out;
    }

    private static Map<String, List<Long>> recordGroups(RecordStore store) {
        RecordGroups groups = RecordGroups.of(store);
        Map<String, List<Long>> out = new HashMap<>();
        for (int g = 0; g < groups.count(); g++) {
            String sites = store.replicaSets().sites(groups.replicaSet(g)).stream()
                    .mapToObj(s -> store.topology().site(s).id())
                    .collect(Collectors.joining(";"));
            String key = store.jurisdictions().get(groups.home(g)).code() + "|"
                    + store.categories().get(groups.category(g)).name() + "|" + sites + "|" + groups.legalHold(g);
            out.put(key, List.of(groups.records(g), groups.bytes(g)));
        }
        return out;
    }
}
