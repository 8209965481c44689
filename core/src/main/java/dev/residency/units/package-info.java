/**
 * Value types for data sizes, bandwidths and durations that parse and print human units ("2.5 PB",
 * "100 Gbps", "30d"). Everything here is non-null by default.
 */
package dev.residency.units;
