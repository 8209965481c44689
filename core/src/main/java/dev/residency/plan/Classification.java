package dev.residency.plan;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import dev.residency.audit.BlockReason;
import dev.residency.audit.Tally;

/**
 * How a plan disposes of the violating records: counts and bytes per class and per reason, each
 * record counted once with its own size (copies are not multiplied).
 *
 * @param violating all violating records
 * @param byClass per class; the tallies sum to {@code violating}
 * @param deletedByReason the records of class {@link RecordClass#DELETE}, per reason
 * @param blockedByReason the records of class {@link RecordClass#BLOCKED}, per reason
 */
public record Classification(
        Tally violating,
        ImmutableSortedMap<RecordClass, Tally> byClass,
        ImmutableSortedMap<DeletionReason, Tally> deletedByReason,
        ImmutableSortedMap<BlockReason, Tally> blockedByReason) {

    /** Creates a classification, copying the maps. */
    public Classification {
        checkNotNull(violating, "violating");
        byClass = ImmutableSortedMap.copyOf(byClass);
        deletedByReason = ImmutableSortedMap.copyOf(deletedByReason);
        blockedByReason = ImmutableSortedMap.copyOf(blockedByReason);
    }

    /** Returns the tally of {@code recordClass}, zero if none. */
    public Tally of(RecordClass recordClass) {
        return byClass.getOrDefault(recordClass, Tally.ZERO);
    }

    /** Returns the tally of records deleted for {@code reason}, zero if none. */
    public Tally deleted(DeletionReason reason) {
        return deletedByReason.getOrDefault(reason, Tally.ZERO);
    }
}
