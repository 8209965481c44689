package dev.residency.inventory;

import static dev.residency.inventory.HandPlans.SG;
import static dev.residency.inventory.HandPlans.deletion;
import static dev.residency.inventory.HandPlans.plan;
import static dev.residency.inventory.HandPlans.sgToVa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.plan.DeletionReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lines of {@code inventory.txt} shared by the CLI and the Spark job, worked out by hand on seven
 * units (unit {@code u}: {@code u + 1} objects, {@code 100 (u + 1)} bytes): sizes in decimal units,
 * counts with separators, bad counts refused with the value named.
 */
final class InventoryReportTest {

    private static final InventorySource SOURCE =
            new InventorySource("inv/*.parquet", InventoryFormat.PARQUET, InventoryColumns.DEFAULT, 8, false);

    @Test
    void scan_sevenUnits_statesRowsGroupsUnitsAndSizeInUnits() throws InventoryException {
        // 28 objects, 100 * (1 + ... + 7) = 2,800 bytes = 2.8 kB.
        assertThat(InventoryReport.scan(SOURCE, UnitActionsTest.sevenUnits(), "duckdb", 1.25))
                .isEqualTo("Inventory inv/*.parquet (parquet): 28 rows read by duckdb in 1.3 s; 1 groups, 7 planning"
                        + " units (8 shards per group), 2.8 kB." + System.lineSeparator());
    }

    @Test
    void outcomes_movedAndUnmovable_oneLinePerOutcomeWithSizeInUnits() throws InventoryException {
        InventoryScan scan = UnitActionsTest.sevenUnits();
        // Units 0 and 1 moved in batch 0 (3 objects, 300 B), unit 3 deleted as unmovable (4, 400 B).
        UnitActions actions = UnitActions.of(
                plan(
                        List.of(sgToVa(0, 0, 1)),
                        List.of(
                                deletion(SG, DeletionReason.AFTER_MOVE, 0, 0, 1),
                                deletion(SG, DeletionReason.UNMOVABLE, -1, 3)),
                        List.of()),
                scan);
        assertThat(InventoryReport.outcomes(actions, scan).lines())
                .satisfiesExactly(
                        l -> assertThat(l).isEqualTo("Objects by outcome:"),
                        l -> assertThat(l).matches("  delete \\(UNMOVABLE\\) +4 objects +400 B"),
                        l -> assertThat(l).matches("  move +3 objects +300 B"));
    }

    @Test
    void manifests_rowsFoldersFormatAndFolder() {
        assertThat(InventoryReport.manifests(1_234_567, 43, InventoryFormat.CSV, 12.34, "hdfs:///plans/x/manifests"))
                .isEqualTo("Manifests: 1,234,567 rows in 43 batch folders (csv), written in 12.3 s, in"
                        + " hdfs:///plans/x/manifests" + System.lineSeparator());
    }

    @Test
    void manifests_negativeRows_refusedNamingTheValue() {
        assertThatThrownBy(() -> InventoryReport.manifests(-1, 3, InventoryFormat.PARQUET, 1, "m"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }
}
