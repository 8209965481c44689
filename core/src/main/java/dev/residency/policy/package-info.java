/**
 * Residency policies: rules that select records by home jurisdiction and category, say where they
 * may live and what a violation calls for, with a documented precedence (first matching rule wins).
 * Everything here is non-null by default.
 */
package dev.residency.policy;
