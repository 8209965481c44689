/**
 * User records: data categories, the columnar record store with interned replica sets, aggregation
 * into groups, and a seeded synthetic population generator.
 *
 * <p>Start with {@link dev.residency.data.PopulationSpec#builder()} and {@link
 * dev.residency.data.PopulationGenerator}, which build a {@link dev.residency.data.RecordStore}; a
 * store of real records is filled through {@link dev.residency.data.RecordStore#builder}.
 *
 * <p><b>API</b>: every public type here is part of Residency's supported surface (see {@code
 * docs/embedding.md}). Everything here is non-null by default.
 */
package dev.residency.data;
