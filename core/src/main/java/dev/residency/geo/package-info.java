/**
 * Jurisdictions (ISO 3166-1 alpha-2 countries) and named sets of them, the basis of every residency
 * rule.
 *
 * <p>Start with {@link dev.residency.geo.Jurisdiction} and {@link dev.residency.geo.JurisdictionSet}.
 *
 * <p><b>API</b>: every public type here is part of Residency's supported surface (see {@code
 * docs/embedding.md}). Everything here is non-null by default.
 */
package dev.residency.geo;
