package dev.residency.inventory.duckdb;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.inventory.InventoryEngine;
import dev.residency.inventory.InventoryException;
import dev.residency.inventory.InventoryFormat;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The DuckDB engine meets the checks' contract ({@link InventoryValidationContract}); and names the
 * line of a CSV cell that does not convert or a CSV line with an extra cell, as DuckDB's reader
 * reports it.
 */
final class InventoryValidationTest extends InventoryValidationContract {

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
}
