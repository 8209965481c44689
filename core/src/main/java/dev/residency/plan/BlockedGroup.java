package dev.residency.plan;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.primitives.ImmutableIntArray;
import dev.residency.audit.BlockReason;
import dev.residency.geo.Jurisdiction;

/**
 * Violating records that the plan leaves where they are because they may not be deleted.
 *
 * @param rule the name of the rule they violate
 * @param reason why they are stuck
 * @param home their home jurisdiction
 * @param category their category name
 * @param records the record indices in the store
 * @param bytes the sum of their sizes
 */
public record BlockedGroup(
        String rule, BlockReason reason, Jurisdiction home, String category, ImmutableIntArray records, long bytes) {

    /** Creates an entry. */
    public BlockedGroup {
        checkNotNull(rule, "rule");
        checkNotNull(reason, "reason");
        checkNotNull(home, "home");
        checkNotNull(category, "category");
        checkNotNull(records, "records");
    }
}
