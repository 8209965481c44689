package dev.residency.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A planning unit: the objects of one group that fall in one shard. The planner sees each unit as one
 * record of {@code bytes} bytes, so every object of a unit gets the same fate.
 *
 * @param key the group
 * @param shard the shard, {@link ObjectShards#shardOf} of each of its objects
 * @param objects how many objects, at least 1
 * @param bytes the sum of their sizes
 */
public record InventoryUnit(GroupKey key, int shard, long objects, long bytes) {

    /**
     * Creates a unit.
     *
     * @throws IllegalArgumentException if {@code shard} or {@code bytes} is negative or {@code objects}
     *     is not positive
     */
    public InventoryUnit {
        checkNotNull(key, "key");
        checkArgument(shard >= 0, "shard must not be negative, was %s", shard);
        checkArgument(objects >= 1, "a unit has at least one object, was %s", objects);
        checkArgument(bytes >= 0, "unit bytes must not be negative, was %s", bytes);
    }
}
