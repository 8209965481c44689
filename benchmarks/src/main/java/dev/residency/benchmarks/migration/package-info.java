/**
 * JMH benchmarks of whole migration runs: one replication of a scenario, end to end.
 *
 * <p>Not a library: benchmarks may use any type of any module, internal ones included. Everything
 * here is non-null by default.
 */
package dev.residency.benchmarks.migration;
