/**
 * The embedded inventory engine on DuckDB: reads Parquet or CSV object inventories (files or globs)
 * with the column mapping of the scenario, checks every row, aggregates them into planning units, and
 * writes per-batch manifests of a plan; also a generator of synthetic inventories at any size.
 * Everything here is non-null by default.
 */
package dev.residency.inventory.duckdb;
