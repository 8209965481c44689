/**
 * Plan files: {@link dev.residency.plan.io.PlanWriter} writes a {@link dev.residency.plan.MigrationPlan}
 * as JSON and CSV.
 *
 * <p><b>API.</b> Everything here is non-null by default.
 */
package dev.residency.plan.io;
