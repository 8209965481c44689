package dev.residency.plan;

/**
 * Makes a migration plan. Implementations are stateless and thread-safe, and deterministic: the same
 * problem gives the same plan.
 */
public interface Planner {

    /** Returns the planner's registry name, such as "flow". */
    String name();

    /**
     * Returns a plan for {@code problem}.
     *
     * @throws IllegalArgumentException if the problem cannot be planned (e.g. a record too large for
     *     the flow units); the message names the value
     */
    MigrationPlan plan(PlanningProblem problem);
}
