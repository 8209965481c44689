/**
 * The compliance audit: what violates a residency policy, by jurisdiction, category and data center,
 * and what is blocked.
 *
 * <p>Start with {@link dev.residency.audit.ComplianceAudit}, which returns an {@link
 * dev.residency.audit.AuditReport}; {@link dev.residency.audit.AuditTable} prints one.
 *
 * <p><b>API</b>: every public type here is part of Residency's supported surface (see {@code
 * docs/embedding.md}). Everything here is non-null by default.
 */
package dev.residency.audit;
