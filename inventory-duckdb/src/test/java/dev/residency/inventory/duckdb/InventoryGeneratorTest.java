package dev.residency.inventory.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.CategoryShare;
import dev.residency.data.PopulationSpec;
import dev.residency.geo.Jurisdiction;
import dev.residency.inventory.InventoryColumns;
import dev.residency.inventory.InventoryFixtures;
import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.InventoryGroup;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.InventorySource;
import dev.residency.inventory.ScanProgress;
import dev.residency.topology.Topology;
import dev.residency.units.DataSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator writes the population's shape: homes in blocks proportional to users, the home's
 * placement, a size of exactly the median where sigma is 0, unique ids (the engine's uniqueness check
 * passes), holds near the fraction, and the same rows every time.
 */
final class InventoryGeneratorTest {

    private static final Topology TOPOLOGY = InventoryFixtures.TOPOLOGY;

    @TempDir
    Path temp;

    private static PopulationSpec spec() {
        return PopulationSpec.builder()
                .seed(7)
                .users(Jurisdiction.US, 3)
                .users(Jurisdiction.SG, 1)
                .category(new CategoryShare(Category.PROFILE, 1, DataSize.ofBytes(1000), 0))
                .category(new CategoryShare(Category.VIDEOS, 3, DataSize.ofBytes(5_000_000), 1.5))
                .place(Jurisdiction.US, "sg", "va")
                .place(Jurisdiction.SG, "sg")
                .legalHoldFraction(0.1)
                .build();
    }

    @Test
    void write_4000Objects_shapeOfThePopulation() throws Exception {
        DuckDbSettings settings = new DuckDbSettings("1GB", 1, Optional.empty());
        Path dir = temp.resolve("inv");
        new InventoryGenerator(settings).write(spec(), 4000, 1500, dir, InventoryFormat.PARQUET, ScanProgress.NONE);
        InventorySource source = new InventorySource(
                dir.resolve("*.parquet").toString(), InventoryFormat.PARQUET, InventoryColumns.DEFAULT, 8, true);
        InventoryScan scan = new DuckDbInventoryEngine(settings)
                .scan(
                        source,
                        TOPOLOGY,
                        ImmutableMap.of("profile", Category.PROFILE, "videos", Category.VIDEOS),
                        ScanProgress.NONE);
        assertThat(scan.rowsRead()).isEqualTo(4000);
        long us = 0;
        long held = 0;
        long profiles = 0;
        for (InventoryGroup g : scan.groups()) {
            if (g.key().home().equals(Jurisdiction.US)) {
                us += g.objects();
                // va and sg, in index order.
                assertThat(g.key().siteIds(TOPOLOGY)).containsExactly("va", "sg");
            } else {
                assertThat(g.key().siteIds(TOPOLOGY)).containsExactly("sg");
            }
            if (g.key().legalHold()) {
                held += g.objects();
            }
            if (g.key().category().equals(Category.PROFILE)) {
                profiles += g.objects();
                // sigma 0: every profile is exactly its 1000-byte median.
                assertThat(g.bytes()).isEqualTo(1000 * g.objects());
            }
        }
        // US has 3 of 4 users: ids 0 … 2999.
        assertThat(us).isEqualTo(3000);
        // Holds: Binomial(4000, 0.1), mean 400, sd 19: within 5 sd.
        assertThat(held).isBetween(305L, 495L);
        // Profiles: weight 1 of 4, Binomial(4000, 0.25), mean 1000, sd 27.4: within 5 sd.
        assertThat(profiles).isBetween(863L, 1137L);
        assertThat(dir.resolve("data_2.parquet")).exists();
    }

    /**
     * Parquet 2 encodings, as the class promises and as the measurements in docs/inventories.md were
     * taken: the integer columns delta-encoded, the text columns dictionary-encoded, zstd everywhere.
     */
    @Test
    void write_parquet_parquet2EncodingsAndZstd() throws Exception {
        DuckDbSettings settings = new DuckDbSettings("1GB", 1, Optional.empty());
        Path dir = temp.resolve("enc");
        new InventoryGenerator(settings).write(spec(), 3000, 3000, dir, InventoryFormat.PARQUET, ScanProgress.NONE);
        java.util.Map<String, String> encodings = new java.util.TreeMap<>();
        java.util.Set<String> codecs = new java.util.TreeSet<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet r =
                        s.executeQuery("SELECT path_in_schema, encodings, compression FROM" + " parquet_metadata("
                                + Sql.literal(dir.resolve("data_0.parquet").toString()) + ")")) {
            while (r.next()) {
                encodings.merge(r.getString(1), r.getString(2), (a, b) -> a.equals(b) ? a : a + "," + b);
                codecs.add(r.getString(3));
            }
        }
        assertThat(encodings)
                .containsEntry("object_id", "DELTA_BINARY_PACKED")
                .containsEntry("bytes", "DELTA_BINARY_PACKED")
                .containsEntry("home", "RLE_DICTIONARY")
                .containsEntry("category", "RLE_DICTIONARY")
                .containsEntry("sites", "RLE_DICTIONARY");
        assertThat(codecs).containsExactly("ZSTD");
    }

    @Test
    void write_twice_sameRows() throws Exception {
        DuckDbSettings settings = new DuckDbSettings("1GB", 1, Optional.empty());
        InventoryGenerator generator = new InventoryGenerator(settings);
        generator.write(spec(), 500, 500, temp.resolve("a"), InventoryFormat.CSV, ScanProgress.NONE);
        generator.write(spec(), 500, 200, temp.resolve("b"), InventoryFormat.PARQUET, ScanProgress.NONE);
        assertThat(InventoryRows.sorted(temp.resolve("a").resolve("*.csv"), "csv"))
                .hasSize(500)
                .isEqualTo(InventoryRows.sorted(temp.resolve("b").resolve("*.parquet"), "parquet"));
    }

    @Test
    void write_failingAfterTheSecondFile_leavesNoFileAndNoFolder() {
        DuckDbSettings settings = new DuckDbSettings("1GB", 1, Optional.empty());
        Path dir = temp.resolve("interrupted");
        // 4,000 rows in files of 1,500: three files; the listener fails after the second one is written,
        // as a full disk or a cancelled run would fail a long write halfway.
        int[] updates = {0};
        ScanProgress failing = (stage, fraction) -> {
            if (++updates[0] == 2) {
                throw new IllegalStateException("cancelled");
            }
        };
        assertThatThrownBy(() -> new InventoryGenerator(settings)
                        .write(spec(), 4000, 1500, dir, InventoryFormat.PARQUET, failing))
                .isInstanceOf(IllegalStateException.class);
        assertThat(updates[0]).isEqualTo(2);
        assertThat(dir).doesNotExist();
    }

    @Test
    void write_failingInAFolderThatExisted_keepsTheEmptyFolder() throws Exception {
        DuckDbSettings settings = new DuckDbSettings("1GB", 1, Optional.empty());
        Path dir = Files.createDirectory(temp.resolve("given"));
        ScanProgress failing = (stage, fraction) -> {
            throw new IllegalStateException("cancelled");
        };
        assertThatThrownBy(() ->
                        new InventoryGenerator(settings).write(spec(), 4000, 1500, dir, InventoryFormat.CSV, failing))
                .isInstanceOf(IllegalStateException.class);
        assertThat(dir).isEmptyDirectory();
    }
}
