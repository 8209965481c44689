/**
 * JMH benchmarks of the migration planner: whole plans of 10^6 and 10^7 records, and the aggregated
 * flow solve on random topologies of 10 to 1,000 sites.
 *
 * <p>Not a library: benchmarks may use any type of any module, internal ones included. Everything
 * here is non-null by default.
 */
package dev.residency.benchmarks.plan;
