/**
 * Timed programs for object inventories read by an inventory engine: scan and group, plan, assign and
 * write manifests, at 10^8 rows and beyond. Everything here is non-null by default.
 */
package dev.residency.benchmarks.inventory;
