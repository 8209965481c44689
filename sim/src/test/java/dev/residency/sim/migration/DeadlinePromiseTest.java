package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.BlockedGroup;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.TransferBatch;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.DeadlineRule;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import dev.residency.testing.RandomInstances;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A plan made under a hard deadline keeps its promise when a fault-free run without live writes
 * carries it out under {@link DeadlineRule#ENFORCE}: the movable bytes the run force-deletes at the
 * deadline equal the bytes the plan predicts still violating then (its violating bytes at the deadline
 * less the blocked ones). The plan leaves room for the run's verification (one batch at a time per
 * destination) and write freeze before the deadline.
 */
final class DeadlinePromiseTest {

    static LongStream seeds() {
        return LongStream.range(0, 24);
    }

    /**
     * One 1.25e8 B/s link, 100 US records of 1 GB at sg, batches of 10 GB, a hard deadline at 500 s,
     * verification at 20 GB/s and a 300 s write freeze. A batch counts as moved 300 s plus its
     * verification (10 GB / 20 GB/s = 0.5 s) after its copy ends, so copies must end by 199.5 s: 199.5 s
     * times 1.25e8 B/s is 24.9 GB, 24 whole records. The plan moves 24 GB, deletes 76 GB for DEADLINE,
     * and the run force-deletes nothing. Without the reservation the plan would copy 62 GB by 500 s and
     * the run would force-delete the batches it could not verify in time.
     */
    @Test
    void execute_oneLinkHardDeadline_movesWhatThePlanPromises() {
        Topology topology = MigrationFixtures.oneLink();
        RecordStore.Builder builder = RecordStore.builder(topology, 100);
        for (int i = 0; i < 100; i++) {
            builder.add(i, Jurisdiction.US, Category.VIDEOS, 1_000_000_000L, false, 0);
        }
        RecordStore store = builder.build();
        RunSettings run = RunSettings.builder(MigrationFixtures.START)
                .replications(1)
                .deadline(MigrationFixtures.START.plusSeconds(500))
                .deadlineRule(DeadlineRule.ENFORCE)
                .writeFreeze(Duration.ofSeconds(300))
                .deletionFailureProbability(0)
                .build();
        Scenario scenario = MigrationFixtures.scenario(
                "one-link-hard", topology, MigrationFixtures.usInUs(), planning(10_000_000_000L, 0), run);
        MigrationPlan plan = ScenarioPlans.plan(scenario, store);

        RunResult result = MigrationRun.execute(MigrationSetup.prepare(scenario, store, plan), 0);

        assertThat(plan.bytesToMove()).isEqualTo(24_000_000_000L);
        assertThat(plan.bytesToDeleteByReason()).containsEntry(DeletionReason.DEADLINE, 76_000_000_000L);
        assertThat(plan.batches().stream()
                        .mapToDouble(TransferBatch::plannedEndSeconds)
                        .max()
                        .orElseThrow())
                .isLessThanOrEqualTo(199.5);
        assertThat(plan.violatingBytesAtDeadline()).isZero();
        assertThat(result.forcedLoss().bytes()).isZero();
        assertThat(result.bytesMoved()).isEqualTo(24_000_000_000L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void execute_randomHardDeadline_forcedLossEqualsPredictedViolation(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Topology topology = RandomInstances.topology(rng, 3 + rng.nextInt(4), 0.4);
        RecordStore.Builder builder = RecordStore.builder(topology, 60);
        int records = 20 + rng.nextInt(41);
        for (int i = 0; i < records; i++) {
            builder.add(
                    i,
                    RandomInstances.pick(rng, RandomInstances.JURISDICTIONS),
                    rng.nextInt(4) == 0 ? Category.LOGS : Category.VIDEOS,
                    10_000_000_000L + (long) (rng.nextDouble() * 90_000_000_000L),
                    false,
                    1 + rng.nextInt(topology.siteCount() - 1));
        }
        RecordStore store = builder.build();
        ResidencyPolicy policy = new ResidencyPolicy(
                "all-in-dc0",
                ImmutableList.of(Rule.move(
                        "all-in-dc0",
                        RandomInstances.JURISDICTIONS,
                        SiteConstraint.in(topology.site(0).jurisdiction()))),
                SiteConstraint.ANY,
                ImmutableMap.of("videos", 10, "logs", 1));
        long batchBytes = 20_000_000_000L + (long) (rng.nextDouble() * 200_000_000_000L);
        RunSettings loose = RunSettings.builder(MigrationFixtures.START)
                .replications(1)
                .seed(seed)
                .build();
        double makespan = ScenarioPlans.plan(
                        MigrationFixtures.scenario(
                                "loose-" + seed, topology, policy, planning(batchBytes, seed), loose),
                        store)
                .makespanSeconds();
        // Deadlines from a fifth of the unconstrained makespan to beyond it; verification from far
        // slower than the links (a queue at the destination) to far faster; freezes up to 10 minutes.
        long deadline = 1 + (long) (makespan * (0.2 + rng.nextDouble()));
        RunSettings run = RunSettings.builder(MigrationFixtures.START)
                .replications(1)
                .seed(seed)
                .deadline(MigrationFixtures.START.plusSeconds(deadline))
                .deadlineRule(DeadlineRule.ENFORCE)
                .verificationRate(new Bandwidth(1e8 * Math.pow(10, 2 * rng.nextDouble())))
                .writeFreeze(Duration.ofSeconds(rng.nextInt(600)))
                .deletionFailureProbability(0)
                .build();
        Scenario scenario =
                MigrationFixtures.scenario("hard-" + seed, topology, policy, planning(batchBytes, seed), run);
        MigrationPlan plan = ScenarioPlans.plan(scenario, store);

        RunResult result = MigrationRun.execute(MigrationSetup.prepare(scenario, store, plan), 0);

        long blocked = plan.blocked().stream().mapToLong(BlockedGroup::bytes).sum();
        long predicted = plan.violatingBytesAtDeadline() - blocked;
        assertThat(result.forcedLoss().bytes())
                .as("seed %s: forced loss vs the plan's predicted violation at the deadline %s s", seed, deadline)
                .isEqualTo(predicted);
    }

    private static PlanningSettings planning(long batchBytes, long seed) {
        return new PlanningSettings(
                seed % 2 == 0 ? "flow" : "greedy",
                batchBytes,
                Duration.ofMinutes(1),
                ImmutableMap.of(),
                ImmutableMap.of(),
                ImmutableList.of(),
                ImmutableMap.of());
    }
}
