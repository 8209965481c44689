package dev.residency.plan;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * The flow-optimal planner: aggregates the movable demand ({@link AggregatedProblem}), solves it on
 * the time-expanded network ({@link AggregateSolver}: routable bytes, keep priority under a hard
 * deadline, least makespan, least egress cost), and cuts the flow's constant-rate streams into
 * batches. Under a hard deadline, copies end early enough that every batch is verified and cut over by
 * the deadline ({@link PlanOptions#verificationRate()}, {@link PlanOptions#cutOverTime()}). Registered as "flow". Stateless and thread-safe.
 */
public final class FlowPlanner implements Planner {

    /**
     * How many times a plan under a hard deadline is re-solved with copies ending earlier, by as much as
     * its latest batch would have counted as moved after the deadline (verification queues at a
     * destination); batches still late after that are deleted for DEADLINE by the assembler.
     */
    private static final int MAX_ROUNDS = 4;

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
        double copyDeadline = AggregateSolver.copyDeadlineSeconds(problem);
        for (int round = 0; ; round++) {
            FlowSolution solution = AggregateSolver.solve(aggregated, copyDeadline);
            PlanAssembler.Assembled assembled = PlanAssembler.assemble(
                    aggregated, solution.streams, solution.shortfall, NAME, solution.method, true, copyDeadline);
            if (assembled.lateSeconds() == 0 || round == MAX_ROUNDS || copyDeadline == 0) {
                return assembled.plan();
            }
            copyDeadline = Math.max(0, copyDeadline - assembled.lateSeconds());
        }
    }
}
