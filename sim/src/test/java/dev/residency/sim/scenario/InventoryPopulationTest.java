package dev.residency.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.inventory.InventoryColumns;
import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.InventorySource;
import dev.residency.testing.TwoSiteFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code population: {inventory: ...}} form: read with its defaults or with every field given,
 * the path resolved against the scenario file's folder, real objects (scale 1, never rescaled), and no
 * store until an engine's scan is attached.
 */
final class InventoryPopulationTest {

    /** A scenario without population: a name and the two-site fleet shared with the engines' tests. */
    private static final String FLEET = "name: inv\n" + TwoSiteFleet.YAML;

    @TempDir
    Path temp;

    @Test
    void load_defaults_parquetWithGeneratorColumns() {
        Scenario s = ScenarioLoader.load(FLEET + "population:\n  inventory:\n    path: /data/inv/*.parquet\n", "t");
        PopulationSource.Inventory inv = (PopulationSource.Inventory) s.population();
        assertThat(inv.source())
                .isEqualTo(new InventorySource(
                        "/data/inv/*.parquet", InventoryFormat.PARQUET, InventoryColumns.DEFAULT, 1024, false));
        assertThat(s.scale()).isEqualTo(1);
        assertThat(inv.scan()).isEmpty();
        assertThat(inv.rescaled(10)).isSameAs(inv);
        assertThatThrownBy(() -> inv.build(s.topology())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void load_everyField_readAndPathResolvedAgainstTheFile() throws Exception {
        Path file = temp.resolve("s.yaml");
        Files.writeString(file, FLEET + """
                        population:
                          inventory:
                            path: exports/inv-*.csv
                            format: csv
                            shards: 16
                            uniqueIds: true
                            columns: {id: key, home: country, category: kind, sites: copies, bytes: size, legalHold: held}
                        """);
        PopulationSource.Inventory inv =
                (PopulationSource.Inventory) ScenarioLoader.load(file).population();
        assertThat(inv.source())
                .isEqualTo(new InventorySource(
                        temp.resolve("exports/inv-*.csv").toString(),
                        InventoryFormat.CSV,
                        new InventoryColumns("key", "country", "kind", "copies", "size", Optional.of("held")),
                        16,
                        true));
    }

    @Test
    void load_columnsWithoutLegalHold_noHoldColumn() {
        Scenario s = ScenarioLoader.load(
                FLEET + "population:\n  inventory:\n    path: a.parquet\n"
                        + "    columns: {id: k, home: h, category: c, sites: s, bytes: b}\n",
                "t");
        assertThat(((PopulationSource.Inventory) s.population())
                        .source()
                        .columns()
                        .legalHold())
                .isEmpty();
    }
}
