package dev.residency.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import dev.residency.plan.internal.solve.FlowPlanner;
import dev.residency.plan.internal.solve.GreedyPlanner;

/** The registry of planners by name: "flow" ({@link FlowPlanner}) and "greedy" ({@link GreedyPlanner}). */
public final class Planners {

    /**
     * The name of the default planner, "flow" ({@link FlowPlanner}): a scenario file without {@code
     * planning.planner} uses it (sim's {@code PlanningSettings} refers to this constant).
     */
    public static final String DEFAULT_NAME = FlowPlanner.NAME;

    private static final ImmutableMap<String, Planner> BY_NAME =
            ImmutableMap.of(FlowPlanner.NAME, new FlowPlanner(), GreedyPlanner.NAME, new GreedyPlanner());

    private Planners() {}

    /**
     * Returns the planner called {@code name}.
     *
     * @throws IllegalArgumentException if no planner has that name; the message lists the names
     */
    public static Planner byName(String name) {
        checkNotNull(name, "name");
        Planner planner = BY_NAME.get(name);
        checkArgument(planner != null, "unknown planner \"%s\" (known: %s)", name, names());
        return planner;
    }

    /** Returns the registered names, sorted. */
    public static ImmutableSortedSet<String> names() {
        return ImmutableSortedSet.copyOf(BY_NAME.keySet());
    }
}
