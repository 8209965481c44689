package dev.residency.inventory;

import static dev.residency.inventory.HandPlans.SG;
import static dev.residency.inventory.HandPlans.VA;
import static dev.residency.inventory.HandPlans.deletion;
import static dev.residency.inventory.HandPlans.legalHold;
import static dev.residency.inventory.HandPlans.plan;
import static dev.residency.inventory.HandPlans.sgToVa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.audit.Tally;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.MigrationPlan;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A plan's decisions per unit, worked out by hand on a hand-made plan: the actions in unit, batch,
 * action and site order, the action table in batch, action, site, source and reason order with each
 * row's id, and each unit's outcome counted once (a copy wins over a block, a block over a deletion,
 * the first deletion's reason over later ones).
 */
final class UnitActionsTest {

    /**
     * Seven units of one group (US profile on sg), shards 0 to 6; unit {@code u} has {@code u + 1}
     * objects of {@code 100 (u + 1)} bytes in all.
     */
    static InventoryScan sevenUnits() throws InventoryException {
        InventoryScan.Builder b = InventoryScan.builder(InventoryFixtures.TOPOLOGY, InventoryFixtures.CATEGORIES, 8);
        GroupKey key = b.key(InventoryColumns.DEFAULT, "US", "profile", "sg", false);
        for (int u = 6; u >= 0; u--) {
            b.add(key, u, u + 1, 100L * (u + 1));
        }
        return b.build(28);
    }

    /**
     * Units 0 and 1 go in batch 0, unit 2 in batch 1, each source copy deleted after its batch; unit 3
     * is deleted as unmovable; unit 4 is both blocked and deleted for storage; unit 5 is deleted at sg
     * (policy) and at va (excess replica); unit 6 is untouched. Listed out of order on purpose.
     */
    private static UnitActions mixed(InventoryScan scan) {
        MigrationPlan plan = plan(
                List.of(sgToVa(0, 1, 0), sgToVa(1, 2)),
                List.of(
                        deletion(VA, DeletionReason.EXCESS_REPLICA, -1, 5),
                        deletion(SG, DeletionReason.AFTER_MOVE, 1, 2),
                        deletion(VA, DeletionReason.NO_STORAGE, -1, 4),
                        deletion(SG, DeletionReason.POLICY_DELETE, -1, 5),
                        deletion(SG, DeletionReason.UNMOVABLE, -1, 3),
                        deletion(SG, DeletionReason.AFTER_MOVE, 0, 0, 1)),
                List.of(legalHold(4)));
        return UnitActions.of(plan, scan);
    }

    @Test
    void all_orderedByUnitBatchActionSite() throws InventoryException {
        UnitActions actions = mixed(sevenUnits());
        assertThat(actions.all())
                .containsExactly(
                        new UnitAction(0, "copy", 0, "sg", "va", ""),
                        new UnitAction(0, "delete", 0, "", "sg", "AFTER_MOVE"),
                        new UnitAction(1, "copy", 0, "sg", "va", ""),
                        new UnitAction(1, "delete", 0, "", "sg", "AFTER_MOVE"),
                        new UnitAction(2, "copy", 1, "sg", "va", ""),
                        new UnitAction(2, "delete", 1, "", "sg", "AFTER_MOVE"),
                        new UnitAction(3, "delete", -1, "", "sg", "UNMOVABLE"),
                        new UnitAction(4, "blocked", -1, "", "", "LEGAL_HOLD"),
                        new UnitAction(4, "delete", -1, "", "va", "NO_STORAGE"),
                        new UnitAction(5, "delete", -1, "", "sg", "POLICY_DELETE"),
                        new UnitAction(5, "delete", -1, "", "va", "EXCESS_REPLICA"));
        assertThat(actions.batchCount()).isEqualTo(2);
    }

    @Test
    void table_distinctActionsInTableOrder_idsByIndex() throws InventoryException {
        UnitActions actions = mixed(sevenUnits());
        // Batch -1 first: "blocked" < "delete"; deletions by site (sg < va), then reason.
        assertThat(actions.table())
                .containsExactly(
                        new UnitAction(0, "blocked", -1, "", "", "LEGAL_HOLD"),
                        new UnitAction(0, "delete", -1, "", "sg", "POLICY_DELETE"),
                        new UnitAction(0, "delete", -1, "", "sg", "UNMOVABLE"),
                        new UnitAction(0, "delete", -1, "", "va", "EXCESS_REPLICA"),
                        new UnitAction(0, "delete", -1, "", "va", "NO_STORAGE"),
                        new UnitAction(0, "copy", 0, "sg", "va", ""),
                        new UnitAction(0, "delete", 0, "", "sg", "AFTER_MOVE"),
                        new UnitAction(0, "copy", 1, "sg", "va", ""),
                        new UnitAction(0, "delete", 1, "", "sg", "AFTER_MOVE"));
        int[] ids =
                IntStream.range(0, actions.all().size()).map(actions::actionId).toArray();
        assertThat(ids).containsExactly(5, 6, 5, 6, 7, 8, 2, 0, 4, 1, 3);
    }

    @Test
    void objectsByOutcome_eachUnitOnce_copyThenBlockThenFirstDeletion() throws InventoryException {
        InventoryScan scan = sevenUnits();
        // move: units 0, 1, 2 (1 + 2 + 3 objects, 100 + 200 + 300 bytes); unit 3 unmovable (4, 400);
        // unit 4 blocked, not deleted (5, 500); unit 5 by its first deletion, at sg (6, 600); unit 6
        // untouched, not counted.
        assertThat(mixed(scan).objectsByOutcome(scan))
                .containsExactly(
                        entry("blocked (LEGAL_HOLD)", 5, 500),
                        entry("delete (POLICY_DELETE)", 6, 600),
                        entry("delete (UNMOVABLE)", 4, 400),
                        entry("move", 6, 600));
    }

    @Test
    void objectsByOutcome_copyWinsOverBlockAndDeletion() throws InventoryException {
        InventoryScan scan = sevenUnits();
        // Unit 6 (7 objects, 700 bytes) is blocked, deleted and copied: it counts as moved, once.
        MigrationPlan plan = plan(
                List.of(sgToVa(0, 6)), List.of(deletion(SG, DeletionReason.NO_ROUTE, -1, 6)), List.of(legalHold(6)));
        assertThat(UnitActions.of(plan, scan).objectsByOutcome(scan)).containsExactly(entry("move", 7, 700));
    }

    @Test
    void of_emptyPlan_noActions() throws InventoryException {
        InventoryScan scan = sevenUnits();
        UnitActions actions = UnitActions.of(plan(List.of(), List.of(), List.of()), scan);
        assertThat(actions.all()).isEmpty();
        assertThat(actions.table()).isEmpty();
        assertThat(actions.batchCount()).isZero();
        assertThat(actions.objectsByOutcome(scan)).isEmpty();
    }

    @Test
    void of_recordOutsideTheScan_refusedNamingIt() throws InventoryException {
        InventoryScan scan = sevenUnits();
        assertThatThrownBy(() -> UnitActions.of(plan(List.of(sgToVa(0, 7)), List.of(), List.of()), scan))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the plan names record 7, not one of the scan's 7 units");
        assertThatThrownBy(() -> UnitActions.of(
                        plan(List.of(), List.of(deletion(SG, DeletionReason.UNMOVABLE, -1, -1)), List.of()), scan))
                .hasMessage("the plan names record -1, not one of the scan's 7 units");
        assertThatThrownBy(() -> UnitActions.of(plan(List.of(), List.of(), List.of(legalHold(9))), scan))
                .hasMessage("the plan names record 9, not one of the scan's 7 units");
        assertThat(UnitActions.of(plan(List.of(sgToVa(0, 6)), List.of(), List.of()), scan)
                        .all())
                .hasSize(1);
    }

    @Test
    void actionId_outOfRange_refused() throws InventoryException {
        UnitActions actions = mixed(sevenUnits());
        assertThat(actions.actionId(10)).isEqualTo(3);
        assertThatThrownBy(() -> actions.actionId(11)).hasMessage("index out of range: 11");
        assertThatThrownBy(() -> actions.actionId(-1)).hasMessage("index out of range: -1");
    }

    @Test
    void unitAction_badValues_refused() {
        assertThat(new UnitAction(0, "blocked", -1, "", "", "LEGAL_HOLD").unit())
                .isZero();
        assertThatThrownBy(() -> new UnitAction(-1, "copy", 0, "sg", "va", ""))
                .hasMessage("unit must not be negative, was -1");
        assertThatThrownBy(() -> new UnitAction(0, "copy", -2, "sg", "va", ""))
                .hasMessage("batch must be -1 or a batch id, was -2");
        assertThatThrownBy(() -> new UnitAction(0, "move", 0, "sg", "va", ""))
                .hasMessage("action must be copy, delete or blocked, was \"move\"");
    }

    private static Map.Entry<String, Tally> entry(String outcome, long objects, long bytes) {
        return Map.entry(outcome, new Tally(objects, bytes));
    }
}
