package dev.residency.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inventory path of the CLI: {@code inventory} writes a synthetic inventory from a scenario's
 * population; {@code plan} and {@code run} of a scenario whose population is that inventory scan it
 * with DuckDB, report rows read, groups and where the manifests are, and write them; a bad inventory
 * or flag exits 2 having written nothing.
 */
final class InventoryCliTest {

    private static final String FLEET = """
            sites:
              - {id: src, jurisdiction: SG, operator: Old, storage: 10 PB, ingest: 100 Gbps, egress: 100 Gbps}
              - {id: dst, jurisdiction: US, operator: New, storage: 10 PB, ingest: 100 Gbps, egress: 100 Gbps}
            links:
              - {from: src, to: dst, bandwidth: 10 Gbps}
            policy:
              rules:
                - {name: us-in-us, homes: [US], allowed: {jurisdictions: [US]}}
            run:
              start: 2020-08-02
              deadline: 2020-09-15
              replications: 1
            """;

    @TempDir
    Path temp;

    private Path scenario(String name, String population) throws IOException {
        Path file = temp.resolve(name + ".yaml");
        Files.writeString(file, "name: " + name + "\n" + FLEET + population);
        return file;
    }

    private Path generated() throws IOException {
        Path source = scenario("gen", """
                population:
                  scale: 10
                  users: {US: 100, SG: 50}
                  categories:
                    - {name: videos, medianSize: 1 MB}
                    - {name: derived, medianSize: 10 kB}
                  placements: {US: [src], SG: [src]}
                  legalHoldFraction: 0.01
                """);
        CliRunner r = CliRunner.run(
                "inventory",
                source.toString(),
                "--objects",
                "3000",
                "--out",
                temp.resolve("inv").toString(),
                "--quiet");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote 3,000 objects").contains("population:");
        return scenario(
                "inv", "population:\n  inventory:\n    path: inv/*.parquet\n    uniqueIds: true\n    shards: 16\n");
    }

    @Test
    void plan_inventoryPopulation_writesPlanAndManifestsAndReportsTheScan() throws IOException {
        Path s = generated();
        Path out = temp.resolve("plan");
        CliRunner r = CliRunner.run("plan", s.toString(), "--out", out.toString(), "--manifests", "csv");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("3,000 rows read by duckdb")
                .contains("groups")
                .contains("manifests");
        assertThat(out.resolve("inventory.txt")).exists();
        assertThat(out.resolve("plan.json")).exists();
        // US objects (two thirds, by users) are moved: batch 0 has a CSV manifest.
        assertThat(out.resolve("manifests").resolve("batch=0").resolve("data_0.csv"))
                .exists();
    }

    @Test
    void run_inventoryPopulation_writesReportAndManifests() throws IOException {
        Path s = generated();
        Path out = temp.resolve("run");
        CliRunner r = CliRunner.run("run", s.toString(), "--out", out.toString(), "--quiet", "--threads", "1");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("rows read by duckdb");
        assertThat(out.resolve("report.md")).exists();
        assertThat(Files.list(out.resolve("manifests"))).isNotEmpty();
    }

    @Test
    void plan_inventoryWithUnknownSite_exitsTwoNamingColumnAndWritesNothing() throws Exception {
        Path bad = temp.resolve("bad.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            st.execute("COPY (SELECT 1::BIGINT AS object_id, 'US' AS home, 'videos' AS category, 'lhr' AS sites,"
                    + " 5::BIGINT AS bytes, false AS legal_hold) TO '" + bad + "' (FORMAT parquet)");
        }
        Path s = scenario("bad", "population:\n  inventory:\n    path: bad.parquet\n");
        Path out = temp.resolve("never");
        CliRunner r = CliRunner.run("plan", s.toString(), "--out", out.toString());
        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err())
                .contains("population.inventory.columns.sites")
                .contains("unknown data center \"lhr\"")
                .contains("row 1");
        assertThat(out).doesNotExist();
    }

    @Test
    void plan_badManifestFormat_exitsTwo() throws IOException {
        Path s = scenario("x", "population:\n  inventory:\n    path: none.parquet\n");
        CliRunner r = CliRunner.run("plan", s.toString(), "--manifests", "orc");
        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--manifests: \"orc\"");
    }

    @Test
    void validate_inventoryPopulation_namesTheInventoryInsteadOfCountingRecords() throws IOException {
        // validate does not read an inventory (it may hold 10^9 rows), so it cannot count records:
        // it used to print "about 0 synthetic records".
        Path s = scenario("x", "population:\n  inventory:\n    path: none.parquet\n");
        CliRunner r = CliRunner.run("validate", s.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("an inventory at ")
                .contains("none.parquet")
                .doesNotContain("synthetic records");
    }

    @Test
    void run_inventoryWithADrawnLinkBandwidth_plansEachReplicationOnTheScannedSites() throws IOException {
        generated();
        // Each replication draws the link's bandwidth, so its topology differs from the one the inventory
        // was scanned on while its sites are the same: the run used to die with an internal error.
        Path file = temp.resolve("drawn.yaml");
        Files.writeString(
                file,
                "name: drawn\n"
                        + FLEET.replace("bandwidth: 10 Gbps", "bandwidth: {choice: [10 Gbps, 40 Gbps]}")
                                .replace("replications: 1", "replications: 6")
                        + "population:\n  inventory:\n    path: inv/*.parquet\n");
        Path out = temp.resolve("drawn-run");
        CliRunner r = CliRunner.run("run", file.toString(), "--out", out.toString(), "--quiet", "--threads", "1");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(out.resolve("report.md")).exists();
    }
}
