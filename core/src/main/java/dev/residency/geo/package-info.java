/**
 * Jurisdictions (ISO 3166-1 alpha-2 countries) and named sets of them, the basis of every residency
 * rule. Everything here is non-null by default.
 */
package dev.residency.geo;
