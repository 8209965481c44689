package dev.residency.inventory;

import static dev.residency.inventory.HandPlans.SG;
import static dev.residency.inventory.HandPlans.VA;
import static dev.residency.inventory.HandPlans.deletion;
import static dev.residency.inventory.HandPlans.legalHold;
import static dev.residency.inventory.HandPlans.plan;
import static dev.residency.inventory.HandPlans.sgToVa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.residency.audit.Tally;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.MigrationPlan;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A plan's decisions per unit, worked out by hand on a hand-made plan: each unit's actions in batch,
 * action, site, source and reason order, the distinct fates numbered in canonical order, each unit's
 * fate and manifest rows, and each unit's outcome counted once (a copy wins over a block, a block over a deletion,
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
    void fates_distinctActionListsInCanonicalOrder_eachSortedByBatchActionSiteSourceReason() throws InventoryException {
        UnitActions actions = mixed(sevenUnits());
        // Each unit's actions sorted by batch, then action ("blocked" < "copy" < "delete"), then site:
        //   u0, u1: copy 0 sg->va, delete 0 at sg (AFTER_MOVE)   (one fate, shared)
        //   u2:     copy 1 sg->va, delete 1 at sg (AFTER_MOVE)
        //   u3:     delete -1 at sg (UNMOVABLE)
        //   u4:     blocked -1 (LEGAL_HOLD), delete -1 at va (NO_STORAGE)
        //   u5:     delete -1 at sg (POLICY_DELETE), delete -1 at va (EXCESS_REPLICA)
        // Fates compared action by action: u4's starts with batch -1 "blocked", the smallest; u5's and
        // u3's start with batch -1 delete at sg, POLICY_DELETE < UNMOVABLE; then batch 0, then batch 1.
        UnitAction copy0 = new UnitAction("copy", 0, "sg", "va", "");
        UnitAction after0 = new UnitAction("delete", 0, "", "sg", "AFTER_MOVE");
        UnitAction copy1 = new UnitAction("copy", 1, "sg", "va", "");
        UnitAction after1 = new UnitAction("delete", 1, "", "sg", "AFTER_MOVE");
        assertThat(actions.fates())
                .containsExactly(
                        new Fate(
                                0,
                                -1,
                                ImmutableList.of(
                                        new UnitAction("blocked", -1, "", "", "LEGAL_HOLD"),
                                        new UnitAction("delete", -1, "", "va", "NO_STORAGE"))),
                        new Fate(
                                1,
                                -1,
                                ImmutableList.of(
                                        new UnitAction("delete", -1, "", "sg", "POLICY_DELETE"),
                                        new UnitAction("delete", -1, "", "va", "EXCESS_REPLICA"))),
                        new Fate(2, -1, ImmutableList.of(new UnitAction("delete", -1, "", "sg", "UNMOVABLE"))),
                        new Fate(3, 0, ImmutableList.of(copy0, after0)),
                        new Fate(4, 1, ImmutableList.of(copy1, after1)));
        int[] fateOfUnit =
                IntStream.range(0, 6).map(u -> actions.fateOf(u).orElseThrow()).toArray();
        assertThat(fateOfUnit).containsExactly(3, 3, 4, 2, 0, 1);
        assertThat(actions.fateOf(6)).isEmpty();
        assertThat(actions.actionsOf(6)).isEmpty();
        assertThat(actions.actionsOf(1)).containsExactly(copy0, after0);
        assertThat(actions.units()).isEqualTo(7);
        assertThat(actions.batchCount()).isEqualTo(2);
    }

    @Test
    void manifestRows_oneRowPerObjectOfATouchedUnit() throws InventoryException {
        InventoryScan scan = sevenUnits();
        // Units 0 to 5 are touched: 1 + 2 + 3 + 4 + 5 + 6 = 21 objects; unit 6's 7 objects get no row.
        assertThat(mixed(scan).manifestRows(scan)).isEqualTo(21);
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
        assertThat(actions.fates()).isEmpty();
        assertThat(actions.fateOf(0)).isEmpty();
        assertThat(actions.manifestRows(scan)).isZero();
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
                        .actionsOf(6))
                .hasSize(1);
    }

    @Test
    void fateOf_outOfRange_refused() throws InventoryException {
        UnitActions actions = mixed(sevenUnits());
        assertThat(actions.fateOf(6)).isEmpty();
        assertThatThrownBy(() -> actions.fateOf(7)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> actions.fateOf(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void unitAction_badValues_refused() {
        assertThatThrownBy(() -> new UnitAction("copy", -2, "sg", "va", ""))
                .hasMessage("batch must be -1 or a batch id, was -2");
        assertThatThrownBy(() -> new UnitAction("move", 0, "sg", "va", ""))
                .hasMessage("action must be copy, delete or blocked, was \"move\"");
    }

    private static Map.Entry<String, Tally> entry(String outcome, long objects, long bytes) {
        return Map.entry(outcome, new Tally(objects, bytes));
    }
}
