package dev.residency.inventory;

import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads an object inventory too large for a {@link dev.residency.data.RecordStore} and writes the
 * manifests of a plan made on it. The contract (docs/inventories.md):
 *
 * <ol>
 *   <li>{@link #scan} checks every row and returns the planning units: per group (home, category,
 *       replica set, hold) and shard ({@link ObjectShards#shardOf} of the object id), the objects and
 *       bytes, in canonical order;
 *   <li>the caller plans on {@link InventoryScan#store()} with any {@link dev.residency.plan.Planner};
 *   <li>{@link #writeManifests} gives every object of a unit that unit's {@link Fate} ({@link
 *       UnitActions}) and writes one row per object, partitioned by batch.
 * </ol>
 *
 * <p>Determinism: the same inventory and plan give the same manifest rows (as a set) on every engine
 * and however the inventory is split into files or partitions, because an object's unit depends only
 * on its own row. Implementations document their thread safety.
 */
public interface InventoryEngine {

    /** Returns the engine's name, such as "duckdb" or "memory". */
    String name();

    /**
     * Scans {@code source} into units whose sites are {@code topology}'s and whose categories are among
     * {@code categories} (by name).
     *
     * @throws InventoryException if the inventory cannot be read or a row is invalid; nothing is
     *     returned then
     */
    InventoryScan scan(
            InventorySource source, Topology topology, ImmutableMap<String, Category> categories, ScanProgress progress)
            throws InventoryException;

    /**
     * Writes one manifest row per object that has a fate in {@code actions} into the new or empty
     * folder {@code directory}, partitioned by its fate's batch, in {@code format}, and the fate table
     * (see {@link ManifestSummary}). Row columns: object_id, bytes, fate (and batch, as the partition).
     *
     * @throws IOException if the folder cannot be written
     * @throws InventoryException if the inventory changed since the scan, so that a row has no unit
     */
    ManifestSummary writeManifests(
            InventorySource source,
            InventoryScan scan,
            UnitActions actions,
            Path directory,
            InventoryFormat format,
            ScanProgress progress)
            throws IOException, InventoryException;
}
