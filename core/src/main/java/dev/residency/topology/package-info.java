/**
 * Data centers, the links between them, and routing over the resulting graph.
 *
 * <p>Start with {@link dev.residency.topology.Topology#builder()}, which takes {@link
 * dev.residency.topology.DataCenter}s and {@link dev.residency.topology.Link}s.
 *
 * <p><b>API</b>: every public type here is part of Residency's supported surface (see {@code
 * docs/embedding.md}). Everything here is non-null by default.
 */
package dev.residency.topology;
