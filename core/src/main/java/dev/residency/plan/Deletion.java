package dev.residency.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.primitives.ImmutableIntArray;
import java.util.OptionalInt;

/**
 * The deletion of the copies of some records at one site.
 *
 * @param site the site index whose copies are deleted
 * @param records the record indices in the store
 * @param bytes the storage freed at the site, the sum of the records' sizes
 * @param reason why
 * @param afterBatch for {@link DeletionReason#AFTER_MOVE}, the batch whose verified copy makes the
 *     deletion safe (the last of them when several copies are needed)
 * @param earliestSeconds the earliest moment the deletion is safe: the end of {@code afterBatch}, or 0
 */
public record Deletion(
        int site,
        ImmutableIntArray records,
        long bytes,
        DeletionReason reason,
        OptionalInt afterBatch,
        double earliestSeconds) {

    /**
     * Creates a deletion.
     *
     * @throws IllegalArgumentException if it is empty, or {@code afterBatch} is given exactly when the
     *     reason is not {@link DeletionReason#AFTER_MOVE}
     */
    public Deletion {
        checkNotNull(records, "records");
        checkNotNull(reason, "reason");
        checkNotNull(afterBatch, "afterBatch");
        checkArgument(!records.isEmpty(), "a deletion at site %s has no records", site);
        checkArgument(bytes >= 0, "deletion bytes must not be negative, was %s", bytes);
        checkArgument(
                afterBatch.isPresent() == (reason == DeletionReason.AFTER_MOVE),
                "a deletion has an afterBatch exactly when its reason is AFTER_MOVE, was %s with %s",
                reason,
                afterBatch);
        checkArgument(earliestSeconds >= 0, "earliestSeconds must not be negative, was %s", earliestSeconds);
    }
}
