package dev.residency.inventory.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.ScanProgress;
import dev.residency.inventory.UnitActions;
import dev.residency.inventory.duckdb.DuckDbInventoryEngine;
import dev.residency.inventory.duckdb.DuckDbSettings;
import dev.residency.inventory.duckdb.ManifestRows;
import dev.residency.inventory.duckdb.SharedDuckDb;
import dev.residency.inventory.duckdb.TwoSiteScenario;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.io.PlanWriter;
import dev.residency.sim.migration.ScenarioPlans;
import dev.residency.sim.scenario.PopulationSource;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.ScenarioSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code spark-submit} job: for a scenario whose population is an object inventory it writes the
 * same plan and the same manifests (hash of the rows) as the embedded DuckDB path computes for that
 * scenario, plus the report, by default beside the inventory; a bad flag, scenario or inventory exits
 * 2 and an output folder that is not empty exits 3, having written nothing.
 */
final class SparkPlanJobTest {

    @TempDir
    Path temp;

    private record Result(int status, String out, String err) {}

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SparkPlanJob.run(
                LocalSpark.shared(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Writes 300 objects: ids 1..300, a third SG-homed, videos or derived, all on src, every 50th held. */
    private Path scenario(String name, String sites) throws Exception {
        Path inventory = Files.createDirectories(temp.resolve("inv"));
        try (Connection c = SharedDuckDb.connect();
                Statement s = c.createStatement()) {
            s.execute("COPY (SELECT i::BIGINT AS object_id, CASE WHEN i % 3 = 0 THEN 'SG' ELSE 'US' END AS home,"
                    + " CASE WHEN i % 2 = 0 THEN 'videos' ELSE 'derived' END AS category, '" + sites + "' AS sites,"
                    + " (i * 1000 + 7)::BIGINT AS bytes, i % 50 = 0 AS legal_hold FROM range(1, 301) t(i)) TO '"
                    + inventory.resolve("part-0.parquet") + "' (FORMAT parquet)");
        }
        return TwoSiteScenario.write(temp, name, TwoSiteScenario.inventory("inv/*.parquet", true, 8));
    }

    @Test
    void run_inventoryScenario_samePlanAndManifestsAsTheEmbeddedEngine() throws Exception {
        Path file = scenario("inv", "src");
        Result r = run(file.toString(), "--partitions", "3");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("300 rows read by spark").contains("Verifier: the plan is sound");
        // The default output folder is beside the inventory.
        Path out = temp.resolve("inv").resolve("inv-plan");
        // Sizes in units, as the CLI's inventory.txt (InventoryReport): sum of i * 1000 + 7 for i in
        // 1..300 = 1000 * 45,150 + 7 * 300 = 45,152,100 bytes.
        String report = Files.readString(out.resolve("inventory.txt"));
        assertThat(report).contains("45.152 MB").doesNotContain("45,152,100").doesNotContain(" bytes");
        assertThat(report.lines().filter(l -> l.contains(" objects ")))
                .isNotEmpty()
                .allMatch(l -> l.matches(".* objects +[0-9.]+ (B|kB|MB|GB|TB|PB)"), "a size in units");

        Scenario scenario = ScenarioSource.of(file).load();
        PopulationSource.Inventory inventory = (PopulationSource.Inventory) scenario.population();
        DuckDbInventoryEngine duck = new DuckDbInventoryEngine(DuckDbSettings.DEFAULTS);
        InventoryScan scan =
                duck.scan(inventory.source(), scenario.topology(), inventory.categories(), ScanProgress.NONE);
        Scenario scanned = new Scenario(
                scenario.name(),
                scenario.description(),
                scenario.topology(),
                inventory.withScan(scan),
                scenario.scale(),
                scenario.policy(),
                scenario.planning(),
                scenario.run(),
                scenario.assumptions());
        MigrationPlan plan = ScenarioPlans.plan(scanned, scanned.population().build(scanned.topology()));
        assertThat(Files.readString(out.resolve("plan.json"))).isEqualTo(PlanWriter.json(plan, scenario.topology()));
        assertThat(plan.batches()).isNotEmpty();
        duck.writeManifests(
                inventory.source(),
                scan,
                UnitActions.of(plan, scan),
                temp.resolve("duck"),
                InventoryFormat.PARQUET,
                ScanProgress.NONE);
        assertThat(ManifestRows.hash(ManifestRows.read(out.resolve("manifests"), "parquet")))
                .isEqualTo(ManifestRows.hash(ManifestRows.read(temp.resolve("duck"), "parquet")));
    }

    @Test
    void run_unknownSiteInInventory_exitsTwoNamingColumnAndWritesNothing() throws Exception {
        Path file = scenario("bad", "lhr");
        Path out = temp.resolve("never");
        Result r = run(file.toString(), "--out", out.toString());

        assertThat(r.status()).isEqualTo(SparkPlanJob.BAD_INPUT);
        assertThat(r.err())
                .contains("population.inventory.columns.sites")
                .contains("unknown data center \"lhr\"")
                // The first offending group in canonical order is SG derived: object 3, the file's row 3.
                .contains("row 3 (object_id 3)");
        assertThat(out).doesNotExist();
    }

    @Test
    void run_badFlags_exitTwoNamingFlagAndValue() throws Exception {
        Path file = scenario("flags", "src");
        Path out = temp.resolve("never");

        Result manifests = run(file.toString(), "--out", out.toString(), "--manifests", "orc");
        Result partitions = run(file.toString(), "--out", out.toString(), "--partitions", "0");
        Result missing = run("no-such-scenario.yaml");

        assertThat(manifests.status()).isEqualTo(SparkPlanJob.BAD_INPUT);
        assertThat(manifests.err()).contains("--manifests: \"orc\"");
        assertThat(partitions.status()).isEqualTo(SparkPlanJob.BAD_INPUT);
        assertThat(partitions.err()).contains("--partitions: \"0\"");
        assertThat(missing.status()).isEqualTo(SparkPlanJob.BAD_INPUT);
        assertThat(missing.err()).contains("\"no-such-scenario.yaml\" is neither a built-in scenario nor a file");
        assertThat(out).doesNotExist();
    }

    @Test
    void run_outputFolderNotEmpty_exitsThreeAndKeepsIt() throws Exception {
        Path file = scenario("full", "src");
        Path out = Files.createDirectories(temp.resolve("full-out"));
        Files.writeString(out.resolve("keep.txt"), "mine");

        Result r = run(file.toString(), "--out", out.toString());

        assertThat(r.status()).isEqualTo(SparkPlanJob.OUTPUT);
        assertThat(r.err()).contains("is not empty");
        try (var files = Files.list(out)) {
            assertThat(files).containsExactly(out.resolve("keep.txt"));
        }
    }

    @Test
    void run_generatedPopulation_exitsTwoPointingToTheCli() throws IOException {
        Result r = run("microsoft-tiktok-2020");

        assertThat(r.status()).isEqualTo(SparkPlanJob.BAD_INPUT);
        assertThat(r.err()).contains("has no inventory population");
    }
}
