package dev.residency.inventory.spark;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.inventory.InventoryFormat;

/**
 * What the Spark engine wrote on the cluster's file system: the manifests' folder (as {@link
 * dev.residency.inventory.ManifestSummary} describes them), by URI, since it may be on HDFS or an
 * object store rather than a local disk.
 *
 * @param directory the folder's URI
 * @param format the files' format
 * @param rows the manifest rows written (one per object with a fate)
 * @param partitions the {@code batch=N} folders written
 */
public record ClusterManifests(String directory, InventoryFormat format, long rows, int partitions) {

    /** Creates a summary; counts must not be negative. */
    public ClusterManifests {
        checkNotNull(directory, "directory");
        checkNotNull(format, "format");
        checkArgument(rows >= 0 && partitions >= 0, "counts must not be negative: %s, %s", rows, partitions);
    }
}
