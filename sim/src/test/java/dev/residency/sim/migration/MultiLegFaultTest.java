package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.TransferBatch;
import dev.residency.sim.network.FailurePolicy;
import dev.residency.sim.report.BatchOutcome;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.Backups;
import dev.residency.sim.scenario.Faults;
import dev.residency.sim.scenario.LiveWrites;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.ScheduledOutage;
import dev.residency.topology.Topology;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Faults on a chain of legs, the regressions of commit 2cf2b0f: a corrupted leg that continues a staging
 * copy keeps its chain's snapshot, and a restarted catch-up is priced over its whole route from the chain's
 * origin. The instance: one US record of 10 GB (one user) at {@code sg}; 1 Gbps (1.25e8 B/s) links {@code
 * sg-jp} (0.02 USD/GiB), in maintenance from 1,000 s to 3,000 s, and {@code jp-us} (0.01 USD/GiB), in
 * maintenance until 2,000 s; {@code jp} is a staging site; planning steps of 1,000 s. Through {@code jp}
 * without waiting the record could start only at 3,000 s, so the plan stages it: leg 0 {@code sg->jp}
 * over the first step [0, 1000) s (paced at 1e7 B/s), leg 1 {@code jp->us} from 2,000 s for 80 s at the
 * link's rate (the test checks this plan). The run verifies at 20 GB/s (0.5 s per leg), freezes writes for
 * 60 s, deletes without failures, crypto-shreds backups; links have no latency. Times are checked to 0.05 s
 * (the planner's batch ends carry a few 1e-5 s of rounding).
 */
final class MultiLegFaultTest {

    private static final long GB = 1_000_000_000L;
    private static final double TIME = 0.05;
    private static final double GIB = 1L << 30;

    private static RecordStore store(Topology topology) {
        return RecordStore.builder(topology, 1)
                .add(0, Jurisdiction.US, Category.VIDEOS, 10 * GB, false, 0)
                .build();
    }

    private static Scenario scenario(RunSettings run) {
        return MigrationFixtures.scenario(
                "one-chain",
                MigrationFixtures.holdoverTopology(),
                MultiLegRunTest.policy(),
                MigrationFixtures.holdoverPlanning(10 * GB, 1_000, 1_000, 3_000, 2_000),
                run);
    }

    /** Live writes of {@code bytesPerSecond} from the one user (no sign-ups), a day's worth per day. */
    private static RunSettings.Builder run(long bytesPerSecond, Faults faults) {
        return RunSettings.builder(MigrationFixtures.START)
                .replications(1)
                .writeFreeze(Duration.ofSeconds(60))
                .deletionFailureProbability(0)
                .backups(new Backups(Duration.ZERO, true))
                .liveWrites(Jurisdiction.US, new LiveWrites(bytesPerSecond * 86_400, 0))
                .faults(faults);
    }

    /** Plans the scenario, checks the plan is the one described above, and runs replication 0. */
    private static RunResult planAndRun(Scenario scenario) {
        RecordStore store = store(scenario.topology());
        MigrationPlan plan = ScenarioPlans.plan(scenario, store);
        assertThat(plan.batches()).hasSize(2);
        TransferBatch first = plan.batches().get(0);
        TransferBatch last = plan.batches().get(1);
        assertThat(first.staging()).isTrue();
        assertThat(first.destination()).isEqualTo(scenario.topology().siteIndex("jp"));
        assertThat(first.plannedStartSeconds()).isCloseTo(0, within(TIME));
        assertThat(first.plannedEndSeconds()).isCloseTo(1_000, within(TIME));
        assertThat(last.previousLeg()).isZero();
        assertThat(last.destination()).isEqualTo(scenario.topology().siteIndex("us"));
        assertThat(last.plannedStartSeconds()).isCloseTo(2_000, within(TIME));
        assertThat(last.plannedEndSeconds()).isCloseTo(2_080, within(TIME));
        return MigrationRun.execute(MigrationSetup.prepare(scenario, store, plan), 0);
    }

    /**
     * A corrupted leg 1 recopies the staging copy at {@code jp}, which holds the record as leg 0 read it at
     * 0 s, so the leg's snapshot stays 0 s. With a corruption probability of 1/2 per 10 GB verification,
     * seed 1 passes leg 0's verification at 1,000.5 s, fails leg 1's first one and passes its second (the
     * test checks the attempts: 1 and 2). Leg 1 copies over [2000, 2080] s, is found corrupt at 2,080.5 s,
     * is recopied unpaced over [2080.5, 2160.5] s (1e10 B at 1.25e8 B/s) and verified at 2,161 s. The user
     * writes 1,000 B/s since 0 s: 1,000 x 2,161 = 2,161,000 B to catch up, below the 1e9 B threshold, so
     * the 60 s freeze covers them and the cut-over is at 2,221 s. Before 2cf2b0f the recopy took its
     * snapshot at 2,080.5 s: 1,000 x (2,161 - 2,080.5) = 80,500 B caught up, and the 2,080,500 B written
     * before were neither caught up nor counted lost.
     */
    @Test
    void execute_continuingLegCorrupted_recopyKeepsTheChainsSnapshot() {
        double perByte = -Math.log1p(-0.5) / (10 * GB);
        Faults faults = new Faults(Optional.empty(), Optional.empty(), perByte, ImmutableList.of());
        Scenario scenario = scenario(run(1_000, faults).seed(1).build());

        RunResult result = planAndRun(scenario);

        BatchOutcome first = result.batches().get(0);
        BatchOutcome last = result.batches().get(1);
        assertThat(first.copyAttempts()).as("seed 1: leg 0 verified at once").isEqualTo(1);
        assertThat(last.copyAttempts()).as("seed 1: leg 1 corrupt once").isEqualTo(2);
        assertThat(first.verifiedAt()).isCloseTo(1_000.5, within(TIME));
        assertThat(last.copyEnd()).isCloseTo(2_160.5, within(TIME));
        assertThat(last.verifiedAt()).isCloseTo(2_161, within(TIME));
        assertThat(last.cutOverAt()).isCloseTo(2_221, within(TIME));
        assertThat(last.catchUpBytes()).isCloseTo(2_161_000L, within(1L));
        assertThat(result.catchUpBytes()).isCloseTo(2_161_000L, within(1L));
        assertThat(result.retransferBytes()).isEqualTo(10 * GB);
        assertThat(result.bytesMoved()).isEqualTo(10 * GB);
    }

    /**
     * A catch-up of leg 1 restarted by a failure is priced as a finished one, over {@code sg-jp-us} at
     * 0.03 USD/GiB and billed at {@code sg}, where the writes arrive. The user writes 1e5 B/s; the
     * threshold is 1e8 B. Leg 1 is verified at 2,080.5 s: 1e5 x 2,080.5 = 2.0805e8 B written since leg
     * 0's read at 0 s, at least the threshold, so a catch-up round starts over {@code sg-jp-us}; {@code
     * sg-jp} is in maintenance until 3,000 s, so it runs from 3,000 s at 1.25e8 B/s. The link {@code jp-us}
     * fails from 3,001 to 3,002 s with 1.25e8 B sent: under RESTART they are lost and retransferred, and
     * the round sends its 2.0805e8 B again from 3,002 s, until 3,003.6644 s. The next round's 1e5 x
     * (3,003.6644 - 2,080.5) = 9.23164e7 B are below the threshold: freeze, cut-over at 3,063.6644 s. So
     * 3.0036644e8 B are caught up in all. Egress at {@code sg}: 1e10 x 0.02 (leg 0) + (2.0805e8 + 1.25e8) x
     * 0.03, at {@code jp}: 1e10 x 0.01 (leg 1), per GiB. Before 2cf2b0f the lost 1.25e8 B were priced as
     * leg 1 alone (0.01 USD/GiB) and billed at {@code jp}.
     */
    @Test
    void execute_restartedCatchUpOfContinuingLeg_isPricedFromTheChainsOrigin() {
        Faults faults = new Faults(
                        Optional.empty(),
                        Optional.empty(),
                        0,
                        ImmutableList.of(new ScheduledOutage(
                                "jp-us",
                                MigrationFixtures.START.plusSeconds(3_001),
                                MigrationFixtures.START.plusSeconds(3_002))))
                .withInterruptedTransfers(FailurePolicy.RESTART);
        Scenario scenario = scenario(
                run(100_000, faults).catchUpThresholdBytes(100_000_000L).build());

        RunResult result = planAndRun(scenario);

        BatchOutcome last = result.batches().get(1);
        assertThat(last.verifiedAt()).isCloseTo(2_080.5, within(TIME));
        assertThat(last.cutOverAt()).isCloseTo(3_063.6644, within(TIME));
        assertThat((double) result.retransferBytes()).isCloseTo(1.25e8, within(1.0));
        assertThat((double) result.catchUpBytes()).isCloseTo(3.0036644e8, within(1e-6 * 3.0036644e8));
        double sg = (1e10 * 0.02 + (2.0805e8 + 1.25e8) * 0.03) / GIB;
        double jp = 1e10 * 0.01 / GIB;
        assertThat(egress(result, scenario, "sg")).isCloseTo(sg, within(1e-6 * sg));
        assertThat(egress(result, scenario, "jp")).isCloseTo(jp, within(1e-9 * jp));
        assertThat(result.egressCostUsd()).isCloseTo(sg + jp, within(1e-6 * (sg + jp)));
    }

    private static double egress(RunResult result, Scenario scenario, String site) {
        return result.costs().sites().get(scenario.topology().siteIndex(site)).egressUsd();
    }
}
