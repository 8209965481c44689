package dev.residency.inventory.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.inventory.InMemoryInventoryEngine;
import dev.residency.inventory.InventoryColumns;
import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.InventorySource;
import dev.residency.inventory.ManifestSummary;
import dev.residency.inventory.ScanProgress;
import dev.residency.inventory.UnitActions;
import dev.residency.inventory.duckdb.DuckDbInventoryEngine;
import dev.residency.inventory.duckdb.DuckDbSettings;
import dev.residency.inventory.duckdb.ManifestRows;
import dev.residency.inventory.duckdb.StoreExport;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.Planners;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.TransferBatch;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.testing.RandomInstances;
import dev.residency.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
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
        SplittableRandom rng = new SplittableRandom(seed);
        Topology topology = RandomInstances.topology(rng);
        ImmutableList<Category> categories = RandomInstances.categories(rng);
        RecordStore store =
                RandomInstances.recordStore(rng, topology, categories, 1 + rng.nextInt(400), rng.nextDouble() * 0.2);
        ResidencyPolicy policy = RandomInstances.policy(rng, topology, categories);
        int shards = List.of(1, 2, 7, 64, 1024).get(rng.nextInt(5));
        int files = 1 + rng.nextInt(3);
        String path = writeInFiles(store, files);
        InventorySource source =
                new InventorySource(path, InventoryFormat.PARQUET, InventoryColumns.DEFAULT, shards, true);
        ImmutableMap<String, Category> known =
                categories.stream().collect(ImmutableMap.toImmutableMap(Category::name, c -> c));
        String where = "seed " + seed + " (" + files + " files, " + shards + " shards, " + store.size() + " objects)";

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

        MigrationPlan plan = plan(s1, policy);
        assertThat(plan(s4, policy)).as(where).isEqualTo(plan);
        assertThat(plan(sm, policy)).as(where).isEqualTo(plan);

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

        Map<Integer, Long> copied = new TreeMap<>();
        for (String row : spark4) {
            String[] cell = row.split(",", -1);
            if (cell[2].equals("copy")) {
                copied.merge(Integer.parseInt(cell[6]), Long.parseLong(cell[1]), Long::sum);
            }
        }
        Map<Integer, Long> planned = plan.batches().stream()
                .collect(Collectors.toMap(TransferBatch::id, TransferBatch::bytes, Long::sum, TreeMap::new));
        assertThat(copied).as(where).isEqualTo(planned);
    }

    /** Writes the store as Parquet, split by id residue into {@code files} files in descending id order. */
    private String writeInFiles(RecordStore store, int files) throws Exception {
        Path whole = temp.resolve("whole.parquet");
        StoreExport.write(store, whole, InventoryFormat.PARQUET);
        if (files == 1) {
            return whole.toString();
        }
        Path dir = temp.resolve("parts");
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            for (int k = 0; k < files; k++) {
                s.execute("COPY (SELECT * FROM read_parquet('" + whole + "') WHERE object_id % " + files + " = " + k
                        + " ORDER BY object_id DESC) TO '" + dir.resolve("part-" + k + ".parquet")
                        + "' (FORMAT parquet)");
            }
        }
        return dir.resolve("part-*.parquet").toString();
    }

    private static MigrationPlan plan(InventoryScan scan, ResidencyPolicy policy) {
        return Planners.byName("flow")
                .plan(PlanningProblem.builder()
                        .store(scan.store())
                        .policy(policy)
                        .build());
    }
}
