/**
 * The plan verifier: applies a {@link dev.residency.plan.MigrationPlan} symbolically to its {@link
 * dev.residency.plan.PlanningProblem} and checks it independently of how it was made: batches
 * well formed and within the policy, deletions safe, the end state compliant except what is blocked,
 * bytes conserved, capacities and storage respected, a hard deadline held, check by check ({@link
 * dev.residency.plan.verify.VerificationCheck}). It knows nothing of how the plan was solved.
 *
 * <p>Entry point: {@link dev.residency.plan.verify.PlanVerifier#verify(dev.residency.plan.MigrationPlan,
 * dev.residency.plan.PlanningProblem)}.
 *
 * <p><b>API.</b> Everything here is non-null by default.
 */
package dev.residency.plan.verify;
