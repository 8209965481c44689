/**
 * The planners' solver: triage of violating records, aggregation into demands ({@code
 * AggregatedProblem}), the time-expanded network and its min-cost flow ({@code AggregateSolver}), the
 * lower bounds ({@code MakespanBound}, {@code ComplianceBounds}, the fluid LP {@code FluidLp}), record
 * assignment to route flows ({@code RouteFlow}) and assembly of the plan into batches and deletions.
 *
 * <p><b>Internal</b>: only {@link dev.residency.plan.internal.solve.FlowPlanner} and {@link
 * dev.residency.plan.internal.solve.GreedyPlanner} are public, so that the registry {@link
 * dev.residency.plan.Planners} can create them; everything else is package-private. The benchmarks
 * that time the solver's parts sit in this package name in the benchmarks module (as Caffeine's
 * do). It may change in any release (see {@code docs/embedding.md}); embedders plan through {@link
 * dev.residency.plan.Planners}. Everything here is non-null by default.
 */
package dev.residency.plan.internal.solve;
