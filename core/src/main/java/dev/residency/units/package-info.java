/**
 * Value types for data sizes, bandwidths and durations that parse and print human units ("2.5 PB",
 * "100 Gbps", "30d").
 *
 * <p>Start with {@link dev.residency.units.DataSize} and {@link dev.residency.units.Bandwidth}.
 *
 * <p><b>API</b>: every public type here is part of Residency's supported surface (see {@code
 * docs/embedding.md}). Everything here is non-null by default.
 */
package dev.residency.units;
