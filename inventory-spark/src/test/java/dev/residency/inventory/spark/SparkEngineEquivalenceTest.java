package dev.residency.inventory.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.inventory.InMemoryInventoryEngine;
import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.InventorySource;
import dev.residency.inventory.ManifestSummary;
import dev.residency.inventory.ScanProgress;
import dev.residency.inventory.UnitActions;
import dev.residency.inventory.duckdb.DuckDbInventoryEngine;
import dev.residency.inventory.duckdb.DuckDbSettings;
import dev.residency.inventory.duckdb.ManifestRows;
import dev.residency.inventory.duckdb.RandomInventory;
import dev.residency.inventory.duckdb.SharedDuckDb;
import dev.residency.plan.MigrationPlan;
import dev.residency.testing.RandomInstances;
import dev.residency.topology.Topology;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The determinism rule across engines, Spark included: for random inventories (random topologies,
 * categories, policies and objects, split into 1 to 3 Parquet files whose rows run in descending id
 * order), the Spark engine on 1 and on 4 partitions, the DuckDB engine and the in-memory reference
 * engine give the same units, the planner the same plan on every scan, and the manifests (Parquet from
 * Spark on 1 partition, CSV from Spark on 4, Parquet from DuckDB, CSV from the reference) the same
 * rows, hash for hash, read back by DuckDB. Each batch's copy rows add up to the batch's bytes. One
 * local session on 4 threads ({@link LocalSpark}) serves every seed.
 */
final class SparkEngineEquivalenceTest {

    private static SparkSession spark;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        spark = LocalSpark.shared();
    }

    static LongStream seeds() {
        return RandomInstances.seeds(4);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void engines_sameInventory_sameUnitsPlanAndManifests(long seed) throws Exception {
        RandomInventory inventory = RandomInventory.of(seed, temp);
        RecordStore store = inventory.store();
        Topology topology = inventory.topology();
        InventorySource source = inventory.source();
        ImmutableMap<String, Category> known = inventory.categories();
        String where = inventory.where();

        SparkInventoryEngine one = new SparkInventoryEngine(spark, 1);
        SparkInventoryEngine four = new SparkInventoryEngine(spark, 4);
        DuckDbInventoryEngine duck = new DuckDbInventoryEngine(DuckDbSettings.DEFAULTS);
        InMemoryInventoryEngine memory = new InMemoryInventoryEngine(store);
        InventoryScan s1 = one.scan(source, topology, known, ScanProgress.NONE);
        InventoryScan s4 = four.scan(source, topology, known, ScanProgress.NONE);
        InventoryScan sd = duck.scan(source, topology, known, ScanProgress.NONE);
        InventoryScan sm = memory.scan(source, topology, known, ScanProgress.NONE);
        assertThat(s1.units()).as(where).isEqualTo(sm.units());
        assertThat(s4.units()).as(where).isEqualTo(sm.units());
        assertThat(sd.units()).as(where).isEqualTo(sm.units());
        assertThat(s1.rowsRead()).as(where).isEqualTo(store.size());
        assertThat(s4.rowsRead()).as(where).isEqualTo(store.size());

        MigrationPlan plan = inventory.plan(s1);
        assertThat(inventory.plan(s4)).as(where).isEqualTo(plan);
        assertThat(inventory.plan(sm)).as(where).isEqualTo(plan);

        ManifestSummary w1 = one.writeManifests(
                source,
                s1,
                UnitActions.of(plan, s1),
                temp.resolve("spark1"),
                InventoryFormat.PARQUET,
                ScanProgress.NONE);
        ManifestSummary w4 = four.writeManifests(
                source, s4, UnitActions.of(plan, s4), temp.resolve("spark4"), InventoryFormat.CSV, ScanProgress.NONE);
        duck.writeManifests(
                source, sd, UnitActions.of(plan, sd), temp.resolve("duck"), InventoryFormat.PARQUET, ScanProgress.NONE);
        memory.writeManifests(
                source, sm, UnitActions.of(plan, sm), temp.resolve("memory"), InventoryFormat.CSV, ScanProgress.NONE);
        List<String> spark1 = ManifestRows.read(temp.resolve("spark1"), "parquet");
        if (!spark1.isEmpty()) {
            assertThat(pageKinds(temp.resolve("spark1")))
                    .as(where + ": Spark's manifests are Parquet 2 (data pages v2), as DuckDB's")
                    .containsOnly("DATA_PAGE_V2", "DICTIONARY_PAGE");
        }
        List<String> spark4 = ManifestRows.read(temp.resolve("spark4"), "csv");
        List<String> duckRows = ManifestRows.read(temp.resolve("duck"), "parquet");
        List<String> memoryRows = ManifestRows.read(temp.resolve("memory"), "csv");
        String expected = ManifestRows.hash(memoryRows);
        assertThat(ManifestRows.hash(spark1)).as(where).isEqualTo(expected);
        assertThat(ManifestRows.hash(spark4)).as(where).isEqualTo(expected);
        assertThat(ManifestRows.hash(duckRows)).as(where).isEqualTo(expected);
        // One manifest row per object: the expanded rows' distinct object ids.
        long objects = memoryRows.stream()
                .map(r -> r.substring(0, r.indexOf(',')))
                .distinct()
                .count();
        assertThat(w1.rows()).as(where).isEqualTo(objects);
        assertThat(w4.rows()).as(where).isEqualTo(objects);
        assertThat(w1.partitions()).as(where).isEqualTo(w4.partitions());

        assertThat(RandomInventory.copiedBytesByBatch(spark4))
                .as(where)
                .isEqualTo(RandomInventory.plannedBytesByBatch(plan));
    }

    /** Returns the kinds of page in the manifest files below {@code directory}, as DuckDB reads them. */
    private static Set<String> pageKinds(Path directory) throws Exception {
        Set<String> kinds = new TreeSet<>();
        String glob = directory.resolve("batch=*").resolve("*.parquet").toString();
        try (Connection c = SharedDuckDb.connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT DISTINCT unnest(encoding_stats).page_type FROM parquet_metadata('" + glob + "')")) {
            while (r.next()) {
                kinds.add(r.getString(1));
            }
        }
        return kinds;
    }
}
