package dev.residency.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * The objects of one group, over all its shards: what an engine's scan reports per group.
 *
 * @param key the group
 * @param objects how many objects
 * @param bytes the sum of their sizes
 */
public record InventoryGroup(GroupKey key, long objects, long bytes) {

    /** Creates a group total; {@code objects} and {@code bytes} must not be negative. */
    public InventoryGroup {
        checkNotNull(key, "key");
        checkArgument(objects >= 0 && bytes >= 0, "objects and bytes must not be negative: %s, %s", objects, bytes);
    }
}
