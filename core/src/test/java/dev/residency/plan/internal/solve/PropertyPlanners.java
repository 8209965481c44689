package dev.residency.plan.internal.solve;

import static com.google.common.base.Preconditions.checkArgument;

import dev.residency.plan.Planner;

/**
 * Flow planners configured for property runs in other test packages, which cannot reach {@link
 * FlowPlanner}'s package-private constructors.
 */
public final class PropertyPlanners {

    /**
     * The largest exact LP the property runs let the simplex take, in variables: about 50 ms each where
     * the full limit ({@link MultiCommodityLp#MAX_VARIABLES}) takes 1 to 2 s ({@code docs/planner-lp.md}).
     * Larger LPs are still solved in {@code MultiCommodityAreaGapTest}, {@code ExactLpTest} and {@code
     * EarliestArrivalOracleTest}.
     */
    public static final int LP_MAX_VARIABLES = 300;

    private PropertyPlanners() {}

    /** Returns the flow planner taking the exact LP only up to {@code lpMaxVariables} variables. */
    public static Planner flow(int lpMaxVariables) {
        checkArgument(lpMaxVariables >= 0, "lpMaxVariables must not be negative, was %s", lpMaxVariables);
        return new FlowPlanner(lpMaxVariables);
    }
}
