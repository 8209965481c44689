package dev.residency.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.Path;

/**
 * What an engine wrote: manifests under {@code directory}, one row {@code object_id, bytes, fate} per
 * object the plan touches, in the sub-folder {@code batch=N} of its fate's first batch (the batch
 * that copies it, whose verification also releases the deletions of its source copies), or {@code
 * batch=-1} for objects whose fate waits for no batch (deletions without a move, blocked objects);
 * and the fate table {@code fates.parquet} or {@code fates.csv} ({@code fate, step, action, batch,
 * source, site, reason}: one line per action of each fate, {@code step} numbering its actions from 0,
 * from {@link UnitActions#fates()}).
 *
 * @param directory the folder holding the manifests
 * @param format the files' format
 * @param rows the manifest rows written, one per object with a fate
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
