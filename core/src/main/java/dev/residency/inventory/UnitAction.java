package dev.residency.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Comparator;

/**
 * One thing a plan does with every object of a unit: a copy, a deletion, or a refusal to touch it.
 * Which units it concerns is kept by {@link UnitActions}; the actions of one unit make its {@link Fate}.
 *
 * @param action "copy", "delete" or "blocked"
 * @param batch for a copy, its transfer batch; for a deletion after a move, the batch whose verified
 *     copy makes it safe; otherwise -1
 * @param source for a copy, the site id copied from; otherwise empty
 * @param site for a copy, the destination site id; for a deletion, the site whose copy goes; for a
 *     blocked object, empty
 * @param reason for a deletion, the {@link dev.residency.plan.DeletionReason}; for a blocked object,
 *     the {@link dev.residency.audit.BlockReason}; for a copy, empty
 */
public record UnitAction(String action, int batch, String source, String site, String reason) {

    /** The action of a transfer-batch copy. */
    public static final String COPY = "copy";
    /** The action of a deletion. */
    public static final String DELETE = "delete";
    /** The action of an object left in place because it may not be deleted. */
    public static final String BLOCKED = "blocked";

    /** The canonical order of actions: by batch, action, site, source, then reason. */
    public static final Comparator<UnitAction> ORDER = Comparator.comparingInt(UnitAction::batch)
            .thenComparing(UnitAction::action)
            .thenComparing(UnitAction::site)
            .thenComparing(UnitAction::source)
            .thenComparing(UnitAction::reason);

    /**
     * Creates an action.
     *
     * @throws IllegalArgumentException if the batch is out of range or the action unknown
     */
    public UnitAction {
        checkArgument(batch >= -1, "batch must be -1 or a batch id, was %s", batch);
        checkNotNull(source, "source");
        checkNotNull(site, "site");
        checkNotNull(reason, "reason");
        checkArgument(
                action.equals(COPY) || action.equals(DELETE) || action.equals(BLOCKED),
                "action must be copy, delete or blocked, was \"%s\"",
                action);
    }
}
