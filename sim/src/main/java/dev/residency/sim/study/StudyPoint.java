package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.Scenario;

/**
 * One point of a sweep or a bisection, handed to a {@link PointRunner}: the settings that make its
 * scenario (after the study's own overrides), the scenario they make, already validated, and the keys
 * under which a runner may share a population or a plan between points.
 *
 * @param index the point's place in the grid, the first axis varying slowest
 * @param settings one setting per axis, in axis order
 * @param scenario the point's scenario: {@link Study#scenario(Overrides)} of the settings
 * @param populationKey the values of the varied inputs that shape the population: points with equal
 *     keys have equal populations
 * @param planKey the values of the varied inputs that shape the population or the plan: points with
 *     equal keys have equal plans
 */
public record StudyPoint(
        int index,
        ImmutableList<Overrides.Setting> settings,
        Scenario scenario,
        ImmutableList<String> populationKey,
        ImmutableList<String> planKey) {

    /** Creates a point, copying the lists. */
    public StudyPoint {
        checkArgument(index >= 0, "index must not be negative, was %s", index);
        settings = ImmutableList.copyOf(settings);
        checkNotNull(scenario, "scenario");
        populationKey = ImmutableList.copyOf(populationKey);
        planKey = ImmutableList.copyOf(planKey);
    }

    /** Returns the number of replications the point runs, its scenario's. */
    public int replications() {
        return scenario.run().replications();
    }
}
