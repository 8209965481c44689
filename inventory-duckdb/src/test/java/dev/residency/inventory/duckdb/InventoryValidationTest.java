package dev.residency.inventory.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.geo.Jurisdiction;
import dev.residency.inventory.InventoryColumns;
import dev.residency.inventory.InventoryEngine;
import dev.residency.inventory.InventoryException;
import dev.residency.inventory.InventoryFixtures;
import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.InventorySource;
import dev.residency.inventory.ManifestSummary;
import dev.residency.inventory.ScanProgress;
import dev.residency.inventory.UnitActions;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanFixtures;
import dev.residency.plan.Planners;
import dev.residency.plan.PlanningProblem;
import dev.residency.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The DuckDB engine meets the checks' contract ({@link InventoryValidationContract}); and names the
 * line of a CSV cell that does not convert or a CSV line with an extra cell, as DuckDB's reader
 * reports it; and refuses to write manifests when the inventory's files changed after the scan (a file
 * rewritten, added, removed or touched), writing nothing.
 */
final class InventoryValidationTest extends InventoryValidationContract {

    private static final Topology TOPOLOGY = InventoryFixtures.TOPOLOGY;
    private static final ImmutableMap<String, Category> CATEGORIES = InventoryFixtures.CATEGORIES;

    private final DuckDbInventoryEngine engine =
            new DuckDbInventoryEngine(new DuckDbSettings("1GB", 1, Optional.empty()));

    @Override
    protected InventoryEngine engine() {
        return engine;
    }

    @Test
    void scan_csvCellNotANumber_refusedNamingLineAndColumn() throws Exception {
        Path file = csv(
                "object_id,home,category,sites,bytes,legal_hold",
                "1,US,profile,va,10,false",
                "2,US,profile,va,12kB,false");
        assertThatThrownBy(() -> scan(file, InventoryFormat.CSV))
                .hasMessageContaining("population.inventory.columns.bytes")
                .hasMessageContaining("line 3");
    }

    @Test
    void scan_csvRowWithExtraCell_refusedNamingLine() throws Exception {
        Path file = csv(
                "object_id,home,category,sites,bytes,legal_hold",
                "1,US,profile,va,10,false",
                "2,US,profile,va,10,false,x");
        assertThatThrownBy(() -> scan(file, InventoryFormat.CSV))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("population.inventory")
                .hasMessageContaining("line 3");
    }

    @Test
    void writeManifests_fileRewrittenSinceScan_refusedNamingFileAndWritesNothing() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("inv"));
        Path file = dir.resolve("a.parquet");
        copy(rows("(1::BIGINT, 'US', 'profile', 'va', 10::BIGINT, false)"), file);
        InventorySource source = source(dir.resolve("*.parquet"));
        InventoryScan scan = engine.scan(source, TOPOLOGY, CATEGORIES, ScanProgress.NONE);
        // Another object now: the file is rewritten with two rows (its size changes).
        copy(
                rows("(1::BIGINT, 'US', 'profile', 'va', 10::BIGINT, false)", "(2, 'US', 'profile', 'va', 5, false)"),
                file);
        Path out = temp.resolve("out");
        assertThatThrownBy(() -> write(source, scan, out))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("population.inventory.path")
                .hasMessageContaining("changed since it was scanned")
                .hasMessageContaining(file + " changed (size ");
        assertThat(out).doesNotExist();
    }

    @Test
    void writeManifests_fileAddedOrRemovedSinceScan_refusedNamingFile() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("inv"));
        Path a = dir.resolve("a.parquet");
        copy(rows("(1::BIGINT, 'US', 'profile', 'va', 10::BIGINT, false)"), a);
        InventorySource source = source(dir.resolve("*.parquet"));
        InventoryScan scan = engine.scan(source, TOPOLOGY, CATEGORIES, ScanProgress.NONE);
        Path b = dir.resolve("b.parquet");
        copy(rows("(2::BIGINT, 'US', 'profile', 'va', 10::BIGINT, false)"), b);
        assertThatThrownBy(() -> write(source, scan, temp.resolve("out1"))).hasMessageContaining(b + " is new");
        Files.delete(b);
        Files.delete(a);
        assertThatThrownBy(() -> write(source, scan, temp.resolve("out2"))).hasMessageContaining(a + " is gone");
    }

    @Test
    void writeManifests_fileTouchedSinceScan_refused() throws Exception {
        Path file = Files.createDirectories(temp.resolve("inv")).resolve("a.parquet");
        copy(rows("(1::BIGINT, 'US', 'profile', 'va', 10::BIGINT, false)"), file);
        InventorySource source = source(file);
        InventoryScan scan = engine.scan(source, TOPOLOGY, CATEGORIES, ScanProgress.NONE);
        Files.setLastModifiedTime(
                file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 60_000));
        assertThatThrownBy(() -> write(source, scan, temp.resolve("out")))
                .hasMessageContaining(file + " changed (modified again, same size)");
    }

    @Test
    void writeManifests_inventoryUnchanged_writes() throws Exception {
        Path file = Files.createDirectories(temp.resolve("inv")).resolve("a.parquet");
        copy(rows("(1::BIGINT, 'US', 'profile', 'va', 10::BIGINT, false)"), file);
        InventorySource source = source(file);
        InventoryScan scan = engine.scan(source, TOPOLOGY, CATEGORIES, ScanProgress.NONE);
        assertThat(write(source, scan, temp.resolve("out")).directory()).exists();
    }

    private static InventorySource source(Path path) {
        return new InventorySource(path.toString(), InventoryFormat.PARQUET, InventoryColumns.DEFAULT, 4, false);
    }

    private static void copy(String select, Path file) throws Exception {
        try (Connection c = SharedDuckDb.connect();
                Statement s = c.createStatement()) {
            s.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet)");
        }
    }

    private ManifestSummary write(InventorySource source, InventoryScan scan, Path out) throws Exception {
        MigrationPlan plan = Planners.byName("flow")
                .plan(PlanningProblem.builder()
                        .store(scan.store())
                        .policy(PlanFixtures.keepIn(Jurisdiction.US, Jurisdiction.US))
                        .build());
        return engine.writeManifests(
                source, scan, UnitActions.of(plan, scan), out, InventoryFormat.PARQUET, ScanProgress.NONE);
    }
}
