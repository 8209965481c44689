/**
 * Running a migration: a {@link dev.residency.sim.migration.MigrationSetup} holds the read-only
 * precomputation of a scenario's population and plan, {@link dev.residency.sim.migration.MigrationRun} carries the plan out once on
 * the simulator (copy, verify, catch up with live writes, cut over, delete, under faults), and {@link
 * dev.residency.sim.migration.Migrations} runs the seeded replications in parallel and summarises
 * them. {@link dev.residency.sim.migration.ScenarioPlans} turns a scenario's calendar into the
 * planner's options and builds a scenario's population and plan.
 *
 * <p>Start with {@link dev.residency.sim.migration.ScenarioPlans#prepare(dev.residency.sim.scenario.Scenario)}
 * and {@link dev.residency.sim.migration.Migrations#replicateAndSummarise(MigrationSetup)}.
 *
 * <p><b>API</b>: its public types are part of Residency's supported surface; the rest of the package
 * (ledger, footprints, deletion queues) is package-private (see {@code docs/embedding.md}).
 * Everything here is non-null by default.
 */
package dev.residency.sim.migration;
