package dev.residency.sim.migration;

import com.google.common.collect.ImmutableList;
import dev.residency.data.Category;
import dev.residency.geo.Jurisdiction;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.sim.scenario.AggregateRow;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.PopulationSource;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import dev.residency.topology.Topology;
import java.time.Instant;

/** Scenarios for migration tests whose store and plan are made by the test itself. */
final class MigrationFixtures {

    /** The start of every test run. */
    static final Instant START = Instant.parse("2020-08-02T00:00:00Z");

    private MigrationFixtures() {}

    /**
     * Returns a scenario over {@code topology} and {@code policy} with {@code run}; its population is a
     * placeholder, since tests prepare the setup with their own store and plan.
     */
    static Scenario scenario(
            String name, Topology topology, ResidencyPolicy policy, PlanningSettings planning, RunSettings run) {
        PopulationSource placeholder = new PopulationSource.Aggregated(ImmutableList.of(new AggregateRow(
                Jurisdiction.US,
                Category.VIDEOS,
                ImmutableList.of(topology.site(0).id()),
                1,
                1,
                1,
                false)));
        return new Scenario(
                name, "test scenario " + name, topology, placeholder, 1, policy, planning, run, ImmutableList.of());
    }
}
