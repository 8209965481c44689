package dev.residency.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Where an inventory is and how to read it.
 *
 * @param path a file, or a glob such as {@code /data/inv/*.parquet}, absolute or relative to the
 *     working directory
 * @param format the files' format
 * @param columns which column holds which attribute
 * @param shards how many planning units each group of alike objects is split into at most (by
 *     {@link ObjectShards#shardOf}); more shards give the planner finer units to pack into batches
 * @param uniqueIds whether the inventory promises that object ids are unique (then a duplicate is
 *     refused; checking costs one more pass)
 */
public record InventorySource(
        String path, InventoryFormat format, InventoryColumns columns, int shards, boolean uniqueIds) {

    /** The default number of shards per group. */
    public static final int DEFAULT_SHARDS = 1024;

    /**
     * Creates a source.
     *
     * @throws IllegalArgumentException if the path is blank or {@code shards} is not in 1 … 2^20
     */
    public InventorySource {
        checkNotNull(path, "path");
        checkNotNull(format, "format");
        checkNotNull(columns, "columns");
        checkArgument(!path.isBlank(), "path must not be blank");
        checkArgument(
                shards >= 1 && shards <= ObjectShards.MAX_SHARDS,
                "shards must be in 1..%s, was %s",
                ObjectShards.MAX_SHARDS,
                shards);
    }

    /** Returns this source with the path replaced. */
    public InventorySource withPath(String newPath) {
        return new InventorySource(newPath, format, columns, shards, uniqueIds);
    }
}
