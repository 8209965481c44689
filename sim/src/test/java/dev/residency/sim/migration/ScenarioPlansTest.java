package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.AggregateRow;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.PopulationSource;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ScenarioPlans#prepare} is only a factory: building the population and the plan there, or by
 * hand and handing them to {@link MigrationSetup#prepare(Scenario, RecordStore,
 * dev.residency.plan.MigrationPlan)}, gives runs that are identical bit for bit (same fingerprints,
 * every replication).
 */
final class ScenarioPlansTest {

    @Test
    void prepare_factoryOrHandBuilt_giveIdenticalRuns() {
        Scenario scenario = scenario();
        RecordStore store = scenario.population().build(scenario.topology());
        MigrationSetup byHand = MigrationSetup.prepare(scenario, store, ScenarioPlans.plan(scenario, store));
        MigrationSetup byFactory = ScenarioPlans.prepare(scenario);

        List<String> expected = fingerprints(byHand);
        List<String> actual = fingerprints(byFactory);

        assertThat(actual).hasSize(3).isEqualTo(expected);
        assertThat(byFactory.plan().batches()).hasSameSizeAs(byHand.plan().batches());
    }

    private static List<String> fingerprints(MigrationSetup setup) {
        return Migrations.replicate(setup, 1, done -> {}).stream()
                .map(RunResult::fingerprint)
                .toList();
    }

    /** 40 US users' 400 GB of videos at sg, 10 SG users' 50 GB at sg (compliant), US live writes, faults by default. */
    private static Scenario scenario() {
        PopulationSource population = new PopulationSource.Aggregated(ImmutableList.of(
                new AggregateRow(
                        Jurisdiction.US, Category.VIDEOS, ImmutableList.of("sg"), 40, 400_000_000_000L, 40, false),
                new AggregateRow(
                        Jurisdiction.SG, Category.VIDEOS, ImmutableList.of("sg"), 10, 50_000_000_000L, 10, false)));
        RunSettings run = RunSettings.builder(MigrationFixtures.START)
                .replications(3)
                .seed(11)
                .deletionFailureProbability(0.2)
                .deletionChunkBytes(20_000_000_000L)
                .liveWrites(Jurisdiction.US, new dev.residency.sim.scenario.LiveWrites(1_000_000_000L, 0.001))
                .horizon(Duration.ofDays(30))
                .build();
        Scenario s = MigrationFixtures.scenario(
                "factory", MigrationFixtures.oneLink(), MigrationFixtures.usInUs(), PlanningSettings.defaults(), run);
        return new Scenario(
                s.name(),
                s.description(),
                s.topology(),
                population,
                1,
                s.policy(),
                s.planning(),
                s.run(),
                s.assumptions());
    }
}
