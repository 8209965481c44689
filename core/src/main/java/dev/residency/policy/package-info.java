/**
 * Residency policies: rules that select records by home jurisdiction and category, say where they
 * may live and what a violation calls for, with a documented precedence (first matching rule wins).
 *
 * <p>Start with {@link dev.residency.policy.ResidencyPolicy#of(String, dev.residency.policy.Rule...)}
 * and {@link dev.residency.policy.Rule#move(String, Iterable, dev.residency.policy.SiteConstraint)}.
 *
 * <p><b>API</b>: every public type here is part of Residency's supported surface (see {@code
 * docs/embedding.md}). Everything here is non-null by default.
 */
package dev.residency.policy;
