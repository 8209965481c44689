package dev.residency.inventory.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.inventory.InventoryColumns;
import dev.residency.inventory.InventoryEngine;
import dev.residency.inventory.InventoryException;
import dev.residency.inventory.InventoryFixtures;
import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.InventoryGroup;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.InventorySource;
import dev.residency.inventory.ScanProgress;
import dev.residency.inventory.UnitActions;
import dev.residency.plan.PlanFixtures;
import dev.residency.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every inventory engine's checks meet: bad inventories are refused before planning,
 * with the scenario field, the column, the value and (where the format allows) the file and row
 * named; good ones are read with the counts worked out by hand. Each engine's test extends it with
 * {@link #engine()} (public, in the inventory-duckdb test-jar, for the Spark engine's module);
 * fixtures are written with DuckDB.
 */
public abstract class InventoryValidationContract {

    private static final Topology TOPOLOGY = InventoryFixtures.TOPOLOGY;
    private static final ImmutableMap<String, Category> CATEGORIES = InventoryFixtures.CATEGORIES;
    private static final String COLUMNS = "object_id, home, category, sites, bytes, legal_hold";

    /** A fresh folder per test. */
    @TempDir
    protected Path temp;

    /** Returns the engine under test. */
    protected abstract InventoryEngine engine();

    /** Writes the rows of {@code select} to a new Parquet file and returns it. */
    protected Path parquet(String select) throws Exception {
        Path file = temp.resolve("inv-" + System.nanoTime() + ".parquet");
        try (Connection c = SharedDuckDb.connect();
                Statement s = c.createStatement()) {
            s.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet)");
        }
        return file;
    }

    /** Writes {@code lines} to a new CSV file and returns it. */
    protected Path csv(String... lines) throws IOException {
        Path file = temp.resolve("inv-" + System.nanoTime() + ".csv");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** Returns a query of {@code values} rows with the default columns. */
    protected static String rows(String... values) {
        StringBuilder b = new StringBuilder("SELECT * FROM (VALUES ");
        b.append(String.join(", ", values));
        return b.append(") t(" + COLUMNS + ")").toString();
    }

    /** Scans {@code file} with the default columns and 4 shards. */
    protected InventoryScan scan(Path file, InventoryFormat format) throws InventoryException {
        return scan(file.toString(), format, InventoryColumns.DEFAULT, false);
    }

    /** Scans {@code path} with {@code columns} and 4 shards. */
    protected InventoryScan scan(String path, InventoryFormat format, InventoryColumns columns, boolean unique)
            throws InventoryException {
        return engine().scan(
                        new InventorySource(path, format, columns, 4, unique), TOPOLOGY, CATEGORIES, ScanProgress.NONE);
    }

    @Test
    public void scan_goodParquet_groupsCountedByHand() throws Exception {
        // Objects 1 and 2: US profile on va;sg (10 + 20 bytes); object 3: US profile on sg;va (the same
        // set, 5 bytes); object 4: SG videos on sg under hold (7 bytes). Two groups: 3 objects / 35 bytes, 1 / 7.
        Path file = parquet(rows(
                "(1::BIGINT, 'US', 'profile', 'va;sg', 10::BIGINT, false)",
                "(2, 'US', 'profile', 'va;sg', 20, false)",
                "(3, 'US', 'profile', 'sg;va', 5, NULL)",
                "(4, 'SG', 'videos', 'sg', 7, true)"));
        InventoryScan scan = scan(file, InventoryFormat.PARQUET);
        assertThat(scan.rowsRead()).isEqualTo(4);
        assertThat(scan.groups())
                .extracting(InventoryGroup::objects, InventoryGroup::bytes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, 7L), org.assertj.core.groups.Tuple.tuple(3L, 35L));
        assertThat(scan.groups().get(0).key().legalHold()).isTrue();
    }

    @Test
    public void scan_noFileMatches_refusedNamingPath() {
        assertThatThrownBy(() -> scan(
                        temp.resolve("none-*.parquet").toString(),
                        InventoryFormat.PARQUET,
                        InventoryColumns.DEFAULT,
                        false))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("population.inventory.path")
                .hasMessageContaining("no file matches");
    }

    @Test
    public void scan_fileNotParquet_refusedNamingPath() throws Exception {
        Path file = csv("object_id,home", "1,US");
        Path renamed = Files.move(file, temp.resolve("fake.parquet"));
        assertThatThrownBy(() -> scan(renamed, InventoryFormat.PARQUET))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("population.inventory.path")
                .hasMessageContaining("fake.parquet")
                .hasMessageContaining("not a readable Parquet file");
    }

    @Test
    public void scan_missingColumn_refusedNamingColumnAndListingOthers() throws Exception {
        Path file = parquet(rows("(1::BIGINT, 'US', 'profile', 'va', 10::BIGINT, false)"));
        InventoryColumns columns =
                new InventoryColumns("object_id", "home", "category", "sites", "size", Optional.of("legal_hold"));
        assertThatThrownBy(() -> scan(file.toString(), InventoryFormat.PARQUET, columns, false))
                .hasMessageContaining("population.inventory.columns.bytes")
                .hasMessageContaining("column \"size\" is not in the inventory")
                .hasMessageContaining("object_id, home, category, sites, bytes, legal_hold");
    }

    @Test
    public void scan_bytesAsText_refusedNamingType() throws Exception {
        Path file = parquet(rows("(1::BIGINT, 'US', 'profile', 'va', '10', false)"));
        assertThatThrownBy(() -> scan(file, InventoryFormat.PARQUET))
                .hasMessageContaining("population.inventory.columns.bytes")
                .hasMessageContaining("column \"bytes\" has type ")
                .hasMessageContaining("expected a whole number");
    }

    @Test
    public void scan_idAsDouble_refusedNamingType() throws Exception {
        Path file = parquet(rows("(1.5::DOUBLE, 'US', 'profile', 'va', 10::BIGINT, false)"));
        assertThatThrownBy(() -> scan(file, InventoryFormat.PARQUET))
                .hasMessageContaining("population.inventory.columns.id")
                .hasMessageContaining("has type DOUBLE");
    }

    @Test
    public void scan_holdAsInteger_refusedNamingType() throws Exception {
        Path file = parquet(rows("(1::BIGINT, 'US', 'profile', 'va', 10::BIGINT, 0)"));
        assertThatThrownBy(() -> scan(file, InventoryFormat.PARQUET))
                .hasMessageContaining("population.inventory.columns.legalHold")
                .hasMessageContaining("column \"legal_hold\" has type ")
                .hasMessageContaining("expected BOOLEAN");
    }

    @Test
    public void scan_negativeBytes_refusedNamingRowAndValue() throws Exception {
        Path file = parquet(rows(
                "(1::BIGINT, 'US', 'profile', 'va', 10::BIGINT, false)",
                "(2, 'US', 'profile', 'va', 11, false)",
                "(3, 'US', 'profile', 'va', -5, false)"));
        assertThatThrownBy(() -> scan(file, InventoryFormat.PARQUET))
                .hasMessageContaining("population.inventory.columns.bytes")
                .hasMessageContaining("must not be negative (smallest: -5)")
                .hasMessageContaining("row 3 (object_id 3)");
    }

    @Test
    public void scan_nullBytes_refusedNamingRow() throws Exception {
        Path file = parquet(rows(
                "(1::BIGINT, 'US', 'profile', 'va', 10::BIGINT, false)", "(2, 'US', 'profile', 'va', NULL, false)"));
        assertThatThrownBy(() -> scan(file, InventoryFormat.PARQUET))
                .hasMessageContaining("population.inventory.columns.bytes")
                .hasMessageContaining("is empty")
                .hasMessageContaining("row 2 (object_id 2)");
    }

    @Test
    public void scan_nullId_refusedNamingRow() throws Exception {
        Path file = parquet(rows("(NULL::BIGINT, 'US', 'profile', 'va', 10::BIGINT, false)"));
        assertThatThrownBy(() -> scan(file, InventoryFormat.PARQUET))
                .hasMessageContaining("population.inventory.columns.id")
                .hasMessageContaining("column \"object_id\" is empty")
                .hasMessageContaining("row 1");
    }

    @Test
    public void scan_unknownSite_refusedNamingValueAndRow() throws Exception {
        Path file = parquet(rows(
                "(1::BIGINT, 'US', 'profile', 'va', 10::BIGINT, false)",
                "(2, 'US', 'profile', 'va;tokyo', 10, false)"));
        assertThatThrownBy(() -> scan(file, InventoryFormat.PARQUET))
                .hasMessageContaining("population.inventory.columns.sites")
                .hasMessageContaining("\"va;tokyo\" names unknown data center \"tokyo\"")
                .hasMessageContaining("row 2 (object_id 2)");
    }

    @Test
    public void scan_emptySites_refused() throws Exception {
        Path file = parquet(rows("(1::BIGINT, 'US', 'profile', '', 10::BIGINT, false)"));
        assertThatThrownBy(() -> scan(file, InventoryFormat.PARQUET))
                .hasMessageContaining("population.inventory.columns.sites")
                .hasMessageContaining("is empty")
                .hasMessageContaining("row 1");
    }

    @Test
    public void scan_unknownCategory_refusedListingKnown() throws Exception {
        Path file = parquet(rows("(7::BIGINT, 'US', 'selfies', 'va', 10::BIGINT, false)"));
        assertThatThrownBy(() -> scan(file, InventoryFormat.PARQUET))
                .hasMessageContaining("population.inventory.columns.category")
                .hasMessageContaining("\"selfies\" is not a category of the scenario (known: profile, videos)")
                .hasMessageContaining("object_id 7");
    }

    @Test
    public void scan_badHomeCode_refused() throws Exception {
        Path file = parquet(rows("(1::BIGINT, 'USA', 'profile', 'va', 10::BIGINT, false)"));
        assertThatThrownBy(() -> scan(file, InventoryFormat.PARQUET))
                .hasMessageContaining("population.inventory.columns.home")
                .hasMessageContaining("\"USA\" is not a jurisdiction code");
    }

    @Test
    public void scan_duplicateIdPromisedUnique_refusedNamingId() throws Exception {
        Path file = parquet(rows(
                "(1::BIGINT, 'US', 'profile', 'va', 10::BIGINT, false)",
                "(9, 'US', 'profile', 'va', 10, false)",
                "(9, 'SG', 'videos', 'sg', 3, false)"));
        assertThatThrownBy(() -> scan(file.toString(), InventoryFormat.PARQUET, InventoryColumns.DEFAULT, true))
                .hasMessageContaining("population.inventory.columns.id")
                .hasMessageContaining("object id 9 appears 2 times")
                .hasMessageContaining("row 2");
    }

    @Test
    public void scan_duplicateIdNotPromisedUnique_accepted() throws Exception {
        Path file = parquet(
                rows("(9::BIGINT, 'US', 'profile', 'va', 10::BIGINT, false)", "(9, 'US', 'profile', 'va', 10, false)"));
        assertThat(scan(file, InventoryFormat.PARQUET).objects()).isEqualTo(2);
    }

    @Test
    public void scan_csvUnknownSite_refusedNamingFileAndObject() throws Exception {
        Path file = csv(
                "object_id,home,category,sites,bytes,legal_hold",
                "1,US,profile,va,10,false",
                "2,US,profile,lhr,10,false");
        assertThatThrownBy(() -> scan(file, InventoryFormat.CSV))
                .hasMessageContaining("population.inventory.columns.sites")
                .hasMessageContaining("unknown data center \"lhr\"")
                .hasMessageContaining(file.getFileName().toString())
                .hasMessageContaining("object_id 2");
    }

    @Test
    public void scan_csvMissingColumn_refused() throws Exception {
        Path file = csv("object_id,home,category,bytes", "1,US,profile,10");
        assertThatThrownBy(() -> scan(file, InventoryFormat.CSV))
                .hasMessageContaining("population.inventory.columns.sites")
                .hasMessageContaining("column \"sites\" is not in the inventory");
    }

    @Test
    public void scan_headerOnly_refusedAsEmpty() throws Exception {
        Path file = parquet(rows("(1::BIGINT, 'US', 'profile', 'va', 10::BIGINT, false)") + " WHERE false");
        assertThatThrownBy(() -> scan(file, InventoryFormat.PARQUET))
                .hasMessageContaining("population.inventory.path")
                .hasMessageContaining("has no rows");
    }

    @Test
    public void writeManifests_folderNotEmpty_refusedBeforeWriting() throws Exception {
        Path file = parquet(rows("(1::BIGINT, 'US', 'profile', 'va', 10::BIGINT, false)"));
        InventoryScan scan = scan(file, InventoryFormat.PARQUET);
        Path out = Files.createDirectories(temp.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        var plan = dev.residency.plan.Planners.byName("flow")
                .plan(dev.residency.plan.PlanningProblem.builder()
                        .store(scan.store())
                        .policy(PlanFixtures.keepIn(
                                dev.residency.geo.Jurisdiction.US, dev.residency.geo.Jurisdiction.US))
                        .build());
        InventorySource source =
                new InventorySource(file.toString(), InventoryFormat.PARQUET, InventoryColumns.DEFAULT, 4, false);
        assertThatThrownBy(() -> engine().writeManifests(
                                source,
                                scan,
                                UnitActions.of(plan, scan),
                                out,
                                InventoryFormat.PARQUET,
                                ScanProgress.NONE))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("is not empty");
        assertThat(Files.list(out)).hasSize(1);
    }
}
