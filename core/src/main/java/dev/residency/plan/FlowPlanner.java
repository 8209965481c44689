package dev.residency.plan;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * The flow-optimal planner: aggregates the movable demand ({@link AggregatedProblem}), solves it on
 * the time-expanded network ({@link AggregateSolver}: routable bytes, keep priority under a hard
 * deadline, least makespan, least egress cost), and cuts the flow's constant-rate streams into
 * batches. Registered as "flow". Stateless and thread-safe.
 */
public final class FlowPlanner implements Planner {

    /** The registry name. */
    public static final String NAME = "flow";

    /** Creates the planner. */
    public FlowPlanner() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MigrationPlan plan(PlanningProblem problem) {
        AggregatedProblem aggregated = AggregatedProblem.of(checkNotNull(problem, "problem"));
        FlowSolution solution = AggregateSolver.solve(aggregated);
        return PlanAssembler.assemble(aggregated, solution.streams, solution.shortfall, NAME, solution.method, true);
    }
}
