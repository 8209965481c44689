package dev.residency.sim.migration;

import static dev.residency.sim.migration.MigrationFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.MigrationPlan;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.Backups;
import dev.residency.sim.scenario.DeadlineRule;
import dev.residency.sim.scenario.Faults;
import dev.residency.sim.scenario.LiveWrites;
import dev.residency.sim.scenario.MaintenanceWindow;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for defects found in review of the migration run: bytes of batches the deadline
 * rule forced are not "moved", a run with nothing to do ends at once, a user split over several
 * batches writes once in all, and writes the deadline rule cuts off are counted as lost; and, from
 * the widened random migrations (seed 375), that a batch corruption makes all but unverifiable is
 * retried, never cut over unverified, while the same plan without faults wakes up at its approval
 * gate and after a maintenance window and finishes at the hand-derived time, which the liveness bound
 * of the property test meets exactly.
 */
final class MigrationRunRegressionTest {

    private static RunSettings.Builder quiet() {
        return RunSettings.builder(START)
                .replications(1)
                .seed(7)
                .faults(Faults.NONE)
                .deletionFailureProbability(0)
                .backups(new Backups(Duration.ZERO, true));
    }

    @Test
    void execute_batchStillVerifyingAtEnforcedDeadline_isForcedNotMoved() {
        // Batch 0's copy ends at 0.010 s + 10 GB / 1.25e8 B/s = 80.010 s; verifying 10 GB at 1 GB/s
        // ends at 90.010 s; the deadline at 85 s falls in between, so nothing was delivered.
        RunSettings run = quiet().verificationRate(new Bandwidth(1e9))
                .deadline(START.plusSeconds(85))
                .deadlineRule(DeadlineRule.ENFORCE)
                .build();

        RunResult r = MigrationRun.execute(MigrationFixtures.oneLinkTenBatches(run), 0);

        assertThat(r.bytesMoved()).isZero();
        assertThat(r.forcedLoss().records()).isEqualTo(100);
        assertThat(r.batches().get(0).forced()).isTrue();
    }

    @Test
    void execute_nothingViolates_endsAtTimeZero() {
        Topology topology = MigrationFixtures.oneLink();
        RecordStore.Builder builder = RecordStore.builder(topology, 3);
        for (int i = 0; i < 3; i++) {
            builder.add(i, Jurisdiction.US, Category.VIDEOS, 1_000_000L, false, 1);
        }
        RecordStore store = builder.build();
        ResidencyPolicy policy = MigrationFixtures.usInUs();
        MigrationPlan plan = MigrationFixtures.plan(store, policy, 10_000_000_000L);
        RunSettings run = quiet().build();

        RunResult r = MigrationRun.execute(
                MigrationSetup.prepare(
                        MigrationFixtures.scenario("compliant", topology, policy, PlanningSettings.defaults(), run),
                        store,
                        plan),
                0);

        assertThat(plan.batches()).isEmpty();
        assertThat(r.endSeconds()).isZero();
        assertThat(r.fullComplianceSeconds()).isZero();
        assertThat(r.series().size()).isEqualTo(1);
    }

    @Test
    void writerShares_oneUserSplitOverTenBatches_sumToOneUser() {
        // One user owns all 100 records of 1 GB; 10 GB batches split them ten ways, 0.1 user each.
        Topology topology = MigrationFixtures.oneLink();
        RecordStore.Builder builder = RecordStore.builder(topology, 100);
        for (int i = 0; i < 100; i++) {
            builder.add(0, Jurisdiction.US, Category.VIDEOS, 1_000_000_000L, false, 0);
        }
        RecordStore store = builder.build();
        MigrationPlan plan = MigrationFixtures.plan(store, MigrationFixtures.usInUs(), 10_000_000_000L);

        double[][] shares = LiveWriteModel.writerShares(store, plan);

        assertThat(plan.batches()).hasSize(10);
        double sum = 0;
        for (double[] batch : shares) {
            assertThat(batch[0]).isCloseTo(0.1, within(1e-12));
            sum += batch[0];
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void execute_enforcedDeadlineDuringWriteFreeze_countsTheUncopiedWritesAsLost() {
        // Every batch verifies at 80 s per batch plus 10 s; with 1 GB per user per day and 10 users per
        // batch, each catch-up leaves writes to copy; a long freeze makes the deadline catch batch 0 in it.
        RunSettings.Builder run = quiet().verificationRate(new Bandwidth(1e9))
                .liveWrites(Jurisdiction.US, new LiveWrites(1_000_000_000L, 0))
                .catchUpThresholdBytes(1_000_000_000L)
                .writeFreeze(Duration.ofSeconds(1000))
                .deadline(START.plusSeconds(500));
        RunResult enforced = MigrationRun.execute(
                MigrationFixtures.oneLinkTenBatches(
                        run.deadlineRule(DeadlineRule.ENFORCE).build()),
                0);
        RunResult continued = MigrationRun.execute(
                MigrationFixtures.oneLinkTenBatches(
                        run.deadlineRule(DeadlineRule.CONTINUE).build()),
                0);

        assertThat(enforced.forcedLoss().lostWriteBytes()).isPositive();
        assertThat(continued.forcedLoss().lostWriteBytes()).isZero();
    }

    /** Ten 1 GB US records at sg, one per user, planned as one 10 GB batch of 80 s over the 1 Gbps link. */
    private static MigrationSetup oneBatch(PlanningSettings planning, RunSettings run) {
        Topology topology = MigrationFixtures.oneLink();
        RecordStore.Builder builder = RecordStore.builder(topology, 10);
        for (int i = 0; i < 10; i++) {
            builder.add(i, Jurisdiction.US, Category.VIDEOS, 1_000_000_000L, false, 0);
        }
        RecordStore store = builder.build();
        ResidencyPolicy policy = MigrationFixtures.usInUs();
        MigrationPlan plan = MigrationFixtures.plan(store, policy, 1_000_000_000_000L);
        return MigrationSetup.prepare(
                MigrationFixtures.scenario("one-batch", topology, policy, planning, run), store, plan);
    }

    private static RunSettings.Builder timed() {
        return quiet().verificationRate(new Bandwidth(1e9))
                .deletionRate(new Bandwidth(1e10))
                .writeFreeze(Duration.ofSeconds(300))
                .horizon(Duration.ofHours(2));
    }

    @Test
    void execute_corruptionMakesTheBatchAllButUnverifiable_retriedUntilTheHorizonNeverCutOver() {
        // Seed 375 of the widened random migrations: one record far larger than the batch size its
        // corruption rate was drawn for. Here 1e-8 per byte on a 1e10 B batch: a copy passes verification
        // with probability (1 - 1e-8)^1e10 = e^-100, about 4e-44, so in two hours (an attempt takes at
        // least the 80 s copy plus 10 s of verification, so at most 80 attempts) it never does.
        RunSettings run = timed().faults(new Faults(Optional.empty(), Optional.empty(), 1e-8, ImmutableList.of()))
                .build();

        RunResult r = MigrationRun.execute(oneBatch(PlanningSettings.defaults(), run), 0);

        assertThat(r.batches().get(0).verifiedAt()).isNaN();
        assertThat(r.batches().get(0).cutOverAt()).isNaN();
        assertThat(r.batches().get(0).copyAttempts()).isBetween(2, 80);
        assertThat(r.fullComplianceSeconds()).isNaN();
        assertThat(r.endSeconds()).isEqualTo(7_200.0);
    }

    @Test
    void execute_approvalGateAndMaintenanceWindow_wakesUpAndFinishesAtTheDerivedTime() {
        // US approval at 1,000 s; the sg-us link down for maintenance from 1,040 s to 1,100 s.
        PlanningSettings planning = new PlanningSettings(
                "flow",
                PlanningSettings.defaults().targetBatchBytes(),
                PlanningSettings.defaults().timeStep(),
                ImmutableMap.of(),
                ImmutableMap.of(Jurisdiction.US, START.plusSeconds(1_000)),
                ImmutableList.of(new MaintenanceWindow("sg", "us", START.plusSeconds(1_040), START.plusSeconds(1_100))),
                ImmutableMap.of());
        MigrationSetup setup = oneBatch(planning, timed().build());

        RunResult r = MigrationRun.execute(setup, 0);

        // The copy starts at the gate, 1,000 s; its first byte arrives 10 ms later and it moves
        // 1.25e8 B/s (its pace, 1e10 B over the planned 80 s, is the link's rate) until the window:
        // 39.99 s × 1.25e8 = 4.99875e9 B. Stalled 1,040 to 1,100 s, it resumes with its progress: the
        // other 5.00125e9 B take 40.01 s → copy end 1,140.01 s. Verification 1e10 / 1e9 = 10 s →
        // 1,150.01 s; no writes, so the 300 s freeze → cut-over 1,450.01 s; deletion 1e10 / 1e10 = 1 s
        // → full compliance at 1,451.01 s (backups crypto-shredded).
        assertThat(r.batches().get(0).copyStart()).isCloseTo(1_000, within(1e-6));
        assertThat(r.batches().get(0).copyEnd()).isCloseTo(1_140.01, within(1e-6));
        assertThat(r.batches().get(0).cutOverAt()).isCloseTo(1_450.01, within(1e-6));
        assertThat(r.fullComplianceSeconds()).isCloseTo(1_451.01, within(1e-6));
        // The property test's bound: gate 1,000 + window 60 + 80 + 0.01 + 10 + 300 + 1 = 1,451.01 s.
        // One batch alone is serial, so the bound is met exactly.
        assertThat(LivenessBound.seconds(setup)).isCloseTo(1_451.01, within(1e-5));
        assertThat(r.fullComplianceSeconds()).isLessThanOrEqualTo(LivenessBound.seconds(setup));
    }
}
