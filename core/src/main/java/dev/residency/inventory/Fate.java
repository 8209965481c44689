package dev.residency.inventory;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Ordering;
import java.util.Comparator;

/**
 * Everything a plan does with one object, shared by all objects of the units it applies to: its
 * actions in canonical order ({@link UnitAction#ORDER}), such as "copy from X to Y in batch 3, then
 * delete the copies at X and Z" or "blocked (LEGAL_HOLD)". Each object of an inventory has at most one
 * fate; the manifests give every object one row naming its fate's number, and list the fates once.
 *
 * @param id the fate's number: its index in {@link UnitActions#fates()}
 * @param batch the manifest partition of its objects: the first batch among its actions (the copy's
 *     batch when it has one), or -1 when no action waits for a batch
 * @param actions its actions in canonical order, at least one
 */
public record Fate(int id, int batch, ImmutableList<UnitAction> actions) {

    /** The canonical order of fates: their action lists compared action by action, a prefix first. */
    static final Comparator<ImmutableList<UnitAction>> ORDER =
            Ordering.from(UnitAction.ORDER).lexicographical()::compare;

    /**
     * Creates a fate.
     *
     * @throws IllegalArgumentException if the id is negative, the list empty or out of canonical order,
     *     or the batch is not its first batch
     */
    public Fate {
        checkArgument(id >= 0, "id must not be negative, was %s", id);
        actions = ImmutableList.copyOf(actions);
        checkArgument(!actions.isEmpty(), "fate %s has no action", id);
        checkArgument(
                Ordering.from(UnitAction.ORDER).isOrdered(actions),
                "the actions of fate %s are not in canonical order: %s",
                id,
                actions);
        checkArgument(
                batch == firstBatch(actions), "batch of fate %s must be %s, was %s", id, firstBatch(actions), batch);
    }

    /** Returns the first batch (at least 0) among {@code actions}, or -1 if there is none. */
    static int firstBatch(ImmutableList<UnitAction> actions) {
        return actions.stream()
                .mapToInt(UnitAction::batch)
                .filter(b -> b >= 0)
                .min()
                .orElse(-1);
    }
}
