/**
 * Results as data: estimates with confidence intervals over replications, run summaries and time
 * series, and their plain-text, CSV and JSON forms. Everything here is non-null by default.
 */
package dev.residency.sim.report;
