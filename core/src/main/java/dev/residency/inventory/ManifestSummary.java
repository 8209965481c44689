package dev.residency.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.Path;

/**
 * What an engine wrote: manifests under {@code directory}, one sub-folder {@code batch=N} per
 * transfer batch (the objects it copies and the copies deleted once it is verified), {@code
 * batch=-1} for deletions that wait for no batch and for blocked objects, with rows {@code object_id,
 * bytes, action_id}; and the action table {@code actions.parquet} or {@code actions.csv} ({@code
 * action_id, action, batch, source, site, reason}, from {@link UnitActions#table()}).
 *
 * @param directory the folder holding the manifests
 * @param format the files' format
 * @param rows the manifest rows written (an object has one row per copy and per deletion)
 * @param partitions the {@code batch=N} folders written
 */
public record ManifestSummary(Path directory, InventoryFormat format, long rows, int partitions) {

    /** Creates a summary; counts must not be negative. */
    public ManifestSummary {
        checkNotNull(directory, "directory");
        checkNotNull(format, "format");
        checkArgument(rows >= 0 && partitions >= 0, "counts must not be negative: %s, %s", rows, partitions);
    }
}
