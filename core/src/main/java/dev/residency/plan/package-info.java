/**
 * Migration planning: classifies every violating record (enough compliant replicas, move, delete,
 * blocked), solves the movable demand as a flow problem on the topology (a time-expanded network when
 * capacities change over time), states a lower bound on the makespan, splits the flows into transfer
 * batches and deletions, verifies plans symbolically and writes them as JSON and CSV.
 *
 * <p>Entry points: {@link dev.residency.plan.PlanningProblem#builder()}, {@link
 * dev.residency.plan.Planners#byName(String)}, {@link
 * dev.residency.plan.PlanVerifier#verify(MigrationPlan, PlanningProblem)} and {@link
 * dev.residency.plan.PlanWriter}.
 *
 * <p><b>API</b>, except the flow solver's working types ({@link dev.residency.plan.AggregatedProblem},
 * {@link dev.residency.plan.AggregateSolver}, {@link dev.residency.plan.FlowSolution}, {@link
 * dev.residency.plan.MakespanBound}): those are public only so that the benchmarks can time the solve
 * on its own, may change in any release, and are to move to an {@code internal} package (see {@code
 * docs/embedding.md}). Everything here is non-null by default.
 */
package dev.residency.plan;
