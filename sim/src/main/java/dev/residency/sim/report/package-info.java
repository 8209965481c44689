/**
 * Results as data: estimates with confidence intervals over replications, run summaries and time
 * series, and their plain-text, CSV and JSON forms.
 *
 * <p>Start with {@link dev.residency.sim.report.RunResult} (one run) and {@link
 * dev.residency.sim.report.ReplicationSummary} (many).
 *
 * <p><b>API</b>: every public type here is part of Residency's supported surface (see {@code
 * docs/embedding.md}). Everything here is non-null by default.
 */
package dev.residency.sim.report;
