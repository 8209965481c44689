/**
 * The contract for object inventories too large for one JVM: an {@link
 * dev.residency.inventory.InventoryEngine} scans an inventory (one row per stored object) into
 * planning units (groups of alike objects, split into shards by a stable hash of the object id), the
 * planner plans on one record per unit, and the engine writes per-batch manifests from the plan's
 * decisions per unit. Holds the value types, the shard function that every engine must compute
 * identically, and an in-memory reference engine over a {@link dev.residency.data.RecordStore}.
 * Everything here is non-null by default.
 */
package dev.residency.inventory;
