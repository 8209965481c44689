package dev.residency.inventory.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.inventory.InventoryEngine;
import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.InventoryGroup;
import dev.residency.inventory.duckdb.InventoryValidationContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Spark engine meets the checks' contract ({@link InventoryValidationContract}: the same refusals,
 * fields, values, files and rows as the DuckDB engine); and, reading CSV as text, names the cell and
 * object of a CSV cell that is not a whole number or not a boolean, and reads a good CSV inventory to
 * the same groups as its Parquet twin.
 */
final class SparkInventoryValidationTest extends InventoryValidationContract {

    private final SparkInventoryEngine engine = new SparkInventoryEngine(LocalSpark.shared(), 0);

    @Override
    protected InventoryEngine engine() {
        return engine;
    }

    @Test
    void scan_csvCellNotANumber_refusedNamingCellAndObject() throws Exception {
        Path file = csv(
                "object_id,home,category,sites,bytes,legal_hold",
                "1,US,profile,va,10,false",
                "2,US,profile,va,12kB,false");
        assertThatThrownBy(() -> scan(file, InventoryFormat.CSV))
                .hasMessageContaining("population.inventory.columns.bytes")
                .hasMessageContaining("\"12kB\" is not a whole number")
                .hasMessageContaining(file.getFileName().toString())
                .hasMessageContaining("object_id 2");
    }

    @Test
    void scan_csvHoldNotABoolean_refusedNamingObject() throws Exception {
        Path file = csv(
                "object_id,home,category,sites,bytes,legal_hold",
                "1,US,profile,va,10,maybe",
                "2,US,profile,va,12,false");
        assertThatThrownBy(() -> scan(file, InventoryFormat.CSV))
                .hasMessageContaining("population.inventory.columns.legalHold")
                .hasMessageContaining("is not a boolean")
                .hasMessageContaining("object_id 1");
    }

    @Test
    void scan_goodCsv_sameGroupsAsParquet() throws Exception {
        // Objects 1 and 2: US profile on va;sg (10 + 20 bytes), object 3 the same set written sg|va
        // (5 bytes), object 4 SG videos on sg under hold (7 bytes): groups of 1 / 7 and 3 / 35.
        Path file = csv(
                "object_id,home,category,sites,bytes,legal_hold",
                "1,US,profile,va;sg,10,false",
                "2,US,profile,va;sg,20,",
                "3,US,profile,sg|va,5,false",
                "4,SG,videos,sg,7,true");
        assertThat(scan(file, InventoryFormat.CSV).groups())
                .extracting(InventoryGroup::objects, InventoryGroup::bytes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, 7L), org.assertj.core.groups.Tuple.tuple(3L, 35L));
    }
}
