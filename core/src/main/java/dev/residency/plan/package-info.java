/**
 * Migration planning, the API: a {@link dev.residency.plan.PlanningProblem} (topology, records, policy,
 * {@link dev.residency.plan.PlanOptions}) goes to a {@link dev.residency.plan.Planner} found by name in
 * {@link dev.residency.plan.Planners}, which returns a {@link dev.residency.plan.MigrationPlan}: the
 * classification of every violating record (enough compliant replicas, move, delete, blocked), transfer
 * batches, deletions, blocked groups, per-part compliance times and lower bounds on the makespan and
 * on the violation-time integral.
 *
 * <p>Entry points: {@link dev.residency.plan.PlanningProblem#builder()} and {@link
 * dev.residency.plan.Planners#byName(String)}. Plans are verified by {@code
 * dev.residency.plan.verify.PlanVerifier} and written as JSON and CSV by {@code
 * dev.residency.plan.io.PlanWriter}; the solver itself lives in {@code
 * dev.residency.plan.internal.solve} and {@code dev.residency.plan.internal.flow}, which are internal.
 *
 * <p><b>API.</b> Everything here is non-null by default.
 */
package dev.residency.plan;
