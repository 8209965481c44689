package dev.residency.inventory;

import static com.google.common.base.Preconditions.checkArgument;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plan's decisions per unit of an inventory scan, ready for an engine to expand into per-object
 * manifest rows: the plan's batches, deletions and blocked groups list record indices of the scan's
 * {@link InventoryScan#store()}, which are unit indices. Ordered by unit, then batch, action and site.
 * Immutable and thread-safe.
 */
public final class UnitActions {

    private final ImmutableList<UnitAction> actions;
    private final int batches;
    private final ImmutableList<UnitAction> table;
    private final int[] actionId;

    private UnitActions(List<UnitAction> actions, int batches) {
        this.actions = ImmutableList.copyOf(actions);
        this.batches = batches;
        // The distinct actions (unit aside), in the order of the manifests' action table.
        TreeMap<UnitAction, Integer> ids = new TreeMap<>(TABLE_ORDER);
        for (UnitAction a : actions) {
            ids.putIfAbsent(asEntry(a), 0);
        }
        int next = 0;
        for (Map.Entry<UnitAction, Integer> e : ids.entrySet()) {
            e.setValue(next++);
        }
        this.table = ImmutableList.copyOf(ids.keySet());
        this.actionId = new int[actions.size()];
        for (int i = 0; i < actions.size(); i++) {
            actionId[i] = ids.get(asEntry(actions.get(i)));
        }
    }

    private static final Comparator<UnitAction> TABLE_ORDER = Comparator.comparingInt(UnitAction::batch)
            .thenComparing(UnitAction::action)
            .thenComparing(UnitAction::site)
            .thenComparing(UnitAction::source)
            .thenComparing(UnitAction::reason);

    private static UnitAction asEntry(UnitAction a) {
        return new UnitAction(0, a.action(), a.batch(), a.source(), a.site(), a.reason());
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
        List<UnitAction> out = new ArrayList<>();
        for (TransferBatch b : plan.batches()) {
            String source = topology.site(b.source()).id();
            String destination = topology.site(b.destination()).id();
            for (int unit : checked(b.records(), units)) {
                out.add(new UnitAction(unit, UnitAction.COPY, b.id(), source, destination, ""));
            }
        }
        for (Deletion d : plan.deletions()) {
            String site = topology.site(d.site()).id();
            int after = d.afterBatch().orElse(-1);
            for (int unit : checked(d.records(), units)) {
                out.add(new UnitAction(
                        unit, UnitAction.DELETE, after, "", site, d.reason().name()));
            }
        }
        for (BlockedGroup g : plan.blocked()) {
            for (int unit : checked(g.records(), units)) {
                out.add(new UnitAction(
                        unit, UnitAction.BLOCKED, -1, "", "", g.reason().name()));
            }
        }
        out.sort(Comparator.comparingInt(UnitAction::unit)
                .thenComparingInt(UnitAction::batch)
                .thenComparing(UnitAction::action)
                .thenComparing(UnitAction::site));
        return new UnitActions(out, plan.batches().size());
    }

    private static int[] checked(ImmutableIntArray records, int units) {
        int[] r = records.toArray();
        for (int i : r) {
            checkArgument(i >= 0 && i < units, "the plan names record %s, not one of the scan's %s units", i, units);
        }
        return r;
    }

    /** Returns the actions, ordered by unit, batch, action and site. */
    public ImmutableList<UnitAction> all() {
        return actions;
    }

    /**
     * Returns the manifests' action table: the distinct actions (with unit 0), ordered by batch,
     * action, site, source and reason; an action's id is its index here.
     */
    public ImmutableList<UnitAction> table() {
        return table;
    }

    /** Returns the id in {@link #table()} of the action at {@code index} in {@link #all()}. */
    public int actionId(int index) {
        checkArgument(index >= 0 && index < actionId.length, "index out of range: %s", index);
        return actionId[index];
    }

    /** Returns the number of transfer batches in the plan. */
    public int batchCount() {
        return batches;
    }

    /**
     * Returns, per outcome, the objects and bytes it concerns, each object counted once: "move" if a
     * batch copies it, else "blocked (REASON)", else "delete (REASON)" with its first deletion's
     * reason; untouched objects are not counted.
     */
    public ImmutableSortedMap<String, Tally> objectsByOutcome(InventoryScan scan) {
        TreeMap<String, Tally> out = new TreeMap<>();
        int i = 0;
        while (i < actions.size()) {
            int unit = actions.get(i).unit();
            String outcome = null;
            int j = i;
            for (; j < actions.size() && actions.get(j).unit() == unit; j++) {
                outcome = better(outcome, actions.get(j));
            }
            InventoryUnit u = scan.unit(unit);
            out.merge(outcome, new Tally(u.objects(), u.bytes()), Tally::plus);
            i = j;
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
