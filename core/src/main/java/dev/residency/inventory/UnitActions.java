package dev.residency.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.primitives.ImmutableIntArray;
import dev.residency.audit.Tally;
import dev.residency.plan.BlockedGroup;
import dev.residency.plan.Deletion;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.TransferBatch;
import dev.residency.topology.Topology;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A plan's decisions per unit of an inventory scan, ready for an engine to expand into per-object
 * manifest rows: the plan's batches, deletions and blocked groups list record indices of the scan's
 * {@link InventoryScan#store()}, which are unit indices. Every unit the plan touches gets one {@link
 * Fate}, the list of its actions; the distinct fates are numbered in canonical order ({@link
 * #fates()}), so that every engine writes the same number for the same object. Immutable and
 * thread-safe.
 */
public final class UnitActions {

    private final ImmutableList<Fate> fates;
    private final int[] fateOfUnit;
    private final int batches;

    private UnitActions(List<List<UnitAction>> actionsOfUnit, int batches) {
        this.batches = batches;
        TreeMap<ImmutableList<UnitAction>, Integer> ids = new TreeMap<>(Fate.ORDER);
        List<ImmutableList<UnitAction>> lists = new ArrayList<>(actionsOfUnit.size());
        for (List<UnitAction> a : actionsOfUnit) {
            ImmutableList<UnitAction> sorted =
                    a == null ? ImmutableList.of() : ImmutableList.sortedCopyOf(UnitAction.ORDER, a);
            lists.add(sorted);
            if (!sorted.isEmpty()) {
                ids.putIfAbsent(sorted, 0);
            }
        }
        ImmutableList.Builder<Fate> table = ImmutableList.builderWithExpectedSize(ids.size());
        int next = 0;
        for (Map.Entry<ImmutableList<UnitAction>, Integer> e : ids.entrySet()) {
            table.add(new Fate(next, Fate.firstBatch(e.getKey()), e.getKey()));
            e.setValue(next++);
        }
        this.fates = table.build();
        this.fateOfUnit = new int[lists.size()];
        for (int u = 0; u < lists.size(); u++) {
            fateOfUnit[u] = lists.get(u).isEmpty() ? -1 : ids.get(lists.get(u));
        }
    }

    /**
     * Returns the actions of {@code plan}, made on {@code scan}'s store.
     *
     * @throws IllegalArgumentException if the plan names a record that is not a unit of the scan
     */
    public static UnitActions of(MigrationPlan plan, InventoryScan scan) {
        checkNotNull(plan, "plan");
        checkNotNull(scan, "scan");
        Topology topology = scan.topology();
        int units = scan.units().size();
        List<List<UnitAction>> actionsOfUnit = new ArrayList<>(Collections.nCopies(units, null));
        for (TransferBatch b : plan.batches()) {
            UnitAction copy = new UnitAction(
                    UnitAction.COPY,
                    b.id(),
                    topology.site(b.source()).id(),
                    topology.site(b.destination()).id(),
                    "");
            for (int unit : checked(b.records(), units)) {
                add(actionsOfUnit, unit, copy);
            }
        }
        for (Deletion d : plan.deletions()) {
            UnitAction delete = new UnitAction(
                    UnitAction.DELETE,
                    d.afterBatch().orElse(-1),
                    "",
                    topology.site(d.site()).id(),
                    d.reason().name());
            for (int unit : checked(d.records(), units)) {
                add(actionsOfUnit, unit, delete);
            }
        }
        for (BlockedGroup g : plan.blocked()) {
            UnitAction blocked =
                    new UnitAction(UnitAction.BLOCKED, -1, "", "", g.reason().name());
            for (int unit : checked(g.records(), units)) {
                add(actionsOfUnit, unit, blocked);
            }
        }
        return new UnitActions(actionsOfUnit, plan.batches().size());
    }

    private static void add(List<List<UnitAction>> actionsOfUnit, int unit, UnitAction action) {
        List<UnitAction> list = actionsOfUnit.get(unit);
        if (list == null) {
            list = new ArrayList<>(3);
            actionsOfUnit.set(unit, list);
        }
        list.add(action);
    }

    private static int[] checked(ImmutableIntArray records, int units) {
        int[] r = records.toArray();
        for (int i : r) {
            checkArgument(i >= 0 && i < units, "the plan names record %s, not one of the scan's %s units", i, units);
        }
        return r;
    }

    /** Returns the distinct fates in canonical order ({@link Fate#ORDER}); a fate's id is its index. */
    public ImmutableList<Fate> fates() {
        return fates;
    }

    /** Returns the number of units (of the scan the actions were made on). */
    public int units() {
        return fateOfUnit.length;
    }

    /**
     * Returns the id of the fate of unit {@code unit}, or empty if the plan does not touch it (its
     * objects get no manifest row).
     *
     * @throws IndexOutOfBoundsException if the unit is not one of the scan's
     */
    public OptionalInt fateOf(int unit) {
        checkElementIndex(unit, fateOfUnit.length, "unit");
        int f = fateOfUnit[unit];
        return f < 0 ? OptionalInt.empty() : OptionalInt.of(f);
    }

    /** Returns the actions of unit {@code unit}, in canonical order; empty if the plan does not touch it. */
    public ImmutableList<UnitAction> actionsOf(int unit) {
        OptionalInt f = fateOf(unit);
        return f.isPresent() ? fates.get(f.getAsInt()).actions() : ImmutableList.of();
    }

    /** Returns the number of transfer batches in the plan. */
    public int batchCount() {
        return batches;
    }

    /**
     * Returns the number of manifest rows for {@code scan}: its objects in units with a fate, one row each.
     *
     * @throws IllegalArgumentException if the scan has another number of units
     */
    public long manifestRows(InventoryScan scan) {
        checkArgument(
                scan.units().size() == fateOfUnit.length,
                "the scan has %s units, the actions were made for %s",
                scan.units().size(),
                fateOfUnit.length);
        long rows = 0;
        for (int u = 0; u < fateOfUnit.length; u++) {
            if (fateOfUnit[u] >= 0) {
                rows += scan.unit(u).objects();
            }
        }
        return rows;
    }

    /**
     * Returns, per outcome, the objects and bytes it concerns, each object counted once: "move" if a
     * batch copies it, else "blocked (REASON)", else "delete (REASON)" with its first deletion's
     * reason; untouched objects are not counted.
     */
    public ImmutableSortedMap<String, Tally> objectsByOutcome(InventoryScan scan) {
        TreeMap<String, Tally> out = new TreeMap<>();
        for (int unit = 0; unit < fateOfUnit.length; unit++) {
            String outcome = null;
            for (UnitAction a : actionsOf(unit)) {
                outcome = better(outcome, a);
            }
            if (outcome != null) {
                InventoryUnit u = scan.unit(unit);
                out.merge(outcome, new Tally(u.objects(), u.bytes()), Tally::plus);
            }
        }
        return ImmutableSortedMap.copyOf(out);
    }

    private static String better(String current, UnitAction a) {
        String mine = switch (a.action()) {
            case UnitAction.COPY -> "move";
            case UnitAction.BLOCKED -> "blocked (" + a.reason() + ")";
            default -> "delete (" + a.reason() + ")";
        };
        if (current == null || mine.equals("move")) {
            return mine;
        }
        if (current.equals("move") || current.startsWith("blocked")) {
            return current;
        }
        return mine.startsWith("blocked") ? mine : current;
    }
}
