package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.TransferBatch;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.sim.report.BatchOutcome;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.BuiltInScenarios;
import dev.residency.sim.scenario.Faults;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import dev.residency.testing.RandomInstances;
import dev.residency.topology.Topology;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fault-free run without live writes follows its plan: every batch's simulated copy ends within 1%
 * of the plan's estimate, and the last within 1% of the plan's makespan. Plans include the routes'
 * latencies in their batches' intervals, as the simulation does; the simulation shares links max-min
 * fairly where the plan gave each batch a constant rate. Checked on random topologies with large
 * records and on the built-in 2020 scenario in quick mode with its faults and writes removed.
 */
final class PlanAgreementTest {

    private static final double TOLERANCE = 0.01;

    static LongStream seeds() {
        return LongStream.range(0, 6);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void execute_randomFaultFreePlan_copiesEndWithinOnePercentOfPlan(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Topology topology = RandomInstances.topology(rng, 3 + rng.nextInt(4), 0.4);
        // Everyone's data must live in dc0's jurisdiction; 20 to 60 records of 10 to 100 GB elsewhere.
        RecordStore.Builder builder = RecordStore.builder(topology, 60);
        int records = 20 + rng.nextInt(41);
        for (int i = 0; i < records; i++) {
            builder.add(
                    i,
                    RandomInstances.pick(rng, RandomInstances.JURISDICTIONS),
                    Category.VIDEOS,
                    10_000_000_000L + (long) (rng.nextDouble() * 90_000_000_000L),
                    false,
                    1 + rng.nextInt(topology.siteCount() - 1));
        }
        RecordStore store = builder.build();
        ResidencyPolicy policy = ResidencyPolicy.of(
                "all-in-dc0",
                Rule.move(
                        "all-in-dc0",
                        RandomInstances.JURISDICTIONS,
                        SiteConstraint.in(topology.site(0).jurisdiction())));
        PlanningSettings planning = new PlanningSettings(
                seed % 2 == 0 ? "flow" : "greedy",
                1_000_000_000_000L,
                java.time.Duration.ofMinutes(1),
                com.google.common.collect.ImmutableMap.of(),
                com.google.common.collect.ImmutableMap.of(),
                ImmutableList.of(),
                com.google.common.collect.ImmutableMap.of());
        RunSettings run = RunSettings.builder(MigrationFixtures.START)
                .replications(1)
                .seed(seed)
                .build();
        Scenario scenario = MigrationFixtures.scenario("agreement-" + seed, topology, policy, planning, run);
        MigrationPlan plan = ScenarioPlans.plan(scenario, store);

        RunResult result = MigrationRun.execute(MigrationSetup.prepare(scenario, store, plan), 0);

        assertAgrees("seed " + seed, plan, result);
    }

    @Test
    void execute_builtInQuickWithoutFaultsOrWrites_copiesEndWithinOnePercentOfPlan() {
        Scenario quick = BuiltInScenarios.load("microsoft-tiktok-2020").withQuickMode();
        RunSettings original = quick.run();
        RunSettings.Builder clean = RunSettings.builder(original.start())
                .deadlineRule(original.deadlineRule())
                .replications(1)
                .seed(original.seed())
                .horizon(original.horizon())
                .verificationRate(original.verificationRate())
                .deletionRate(original.deletionRate())
                .deletionFailureProbability(0)
                .catchUpThresholdBytes(original.catchUpThresholdBytes())
                .writeFreeze(original.writeFreeze())
                .backups(original.backups())
                .faults(Faults.NONE)
                .phases(original.phases());
        original.deadline().ifPresent(clean::deadline);
        MigrationSetup setup = ScenarioPlans.prepare(quick.withRun(clean.build()));

        RunResult result = MigrationRun.execute(setup, 0);

        assertThat(setup.plan().batches()).hasSizeGreaterThan(100);
        assertAgrees("microsoft-tiktok-2020 quick", setup.plan(), result);
    }

    private static void assertAgrees(String context, MigrationPlan plan, RunResult result) {
        assertThat(plan.batches()).as("%s: batches", context).isNotEmpty();
        double lastEnd = 0;
        for (TransferBatch batch : plan.batches()) {
            BatchOutcome outcome = result.batches().get(batch.id());
            assertThat(outcome.copyAttempts())
                    .as("%s: batch %s attempts", context, batch.id())
                    .isEqualTo(1);
            double planned = batch.plannedEndSeconds();
            assertThat(Math.abs(outcome.copyEnd() - planned))
                    .as("%s: batch %s copy ended at %s, planned %s", context, batch.id(), outcome.copyEnd(), planned)
                    .isLessThanOrEqualTo(TOLERANCE * planned);
            lastEnd = Math.max(lastEnd, outcome.copyEnd());
        }
        assertThat(Math.abs(lastEnd - plan.makespanSeconds()))
                .as("%s: last copy ended at %s, makespan %s", context, lastEnd, plan.makespanSeconds())
                .isLessThanOrEqualTo(TOLERANCE * plan.makespanSeconds());
    }
}
