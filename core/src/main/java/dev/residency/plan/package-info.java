/**
 * Migration planning: classifies every violating record (enough compliant replicas, move, delete,
 * blocked), solves the movable demand as a flow problem on the topology (a time-expanded network when
 * capacities change over time), states a lower bound on the makespan, splits the flows into transfer
 * batches and deletions, verifies plans symbolically and writes them as JSON and CSV.
 *
 * <p>Entry points: {@link dev.residency.plan.Planners#byName(String)}, {@link
 * dev.residency.plan.PlanVerifier#verify(MigrationPlan, PlanningProblem)} and {@link
 * dev.residency.plan.PlanWriter}. Everything here is non-null by default.
 */
package dev.residency.plan;
