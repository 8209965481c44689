package dev.residency.sim.migration;

import static dev.residency.sim.migration.MigrationFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for defects found in review of the migration run: bytes of batches the deadline
 * rule forced are not "moved", a run with nothing to do ends at once, a user split over several
 * batches writes once in all, and writes the deadline rule cuts off are counted as lost.
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
}
