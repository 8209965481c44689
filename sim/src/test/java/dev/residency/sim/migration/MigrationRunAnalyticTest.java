package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.MigrationPlan;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.sim.network.FailurePolicy;
import dev.residency.sim.report.BatchOutcome;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.Backups;
import dev.residency.sim.scenario.Faults;
import dev.residency.sim.scenario.LiveWrites;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.ScheduledOutage;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A migration whose timeline can be worked out by hand: one link, one batch, no faults (or one fixed
 * outage of the link, under either policy for interrupted copies). The copy ends
 * at the route's latency plus bytes over bandwidth, verification adds bytes over the verification
 * rate, the write freeze adds its length, and the source deletion adds its bytes over the deletion
 * rate; with live writes at a known rate, the catch-up rounds copy exactly what was written meanwhile.
 * Each test states the arithmetic.
 */
final class MigrationRunAnalyticTest {

    /** 1 Gbps in bytes per second. */
    private static final double LINK_BYTES_PER_SECOND = 1.25e8;

    private static final double LATENCY_SECONDS = 0.010;
    private static final double VERIFY_BYTES_PER_SECOND = 1e9;
    private static final double DELETE_BYTES_PER_SECOND = 1e10;
    private static final double FREEZE_SECONDS = 300;
    private static final int RECORDS = 10;
    private static final long RECORD_BYTES = 1_000_000_000L;
    private static final double TIME_TOLERANCE = 1e-6;

    /** Ten 1 GB US records, one per user (users 0 … 9), all at sg only. */
    private static RecordStore store(Topology topology) {
        RecordStore.Builder store = RecordStore.builder(topology, RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, RECORD_BYTES, false, 0);
        }
        return store.build();
    }

    private static MigrationSetup setup(RunSettings run) {
        Topology topology = MigrationFixtures.oneLink();
        RecordStore store = store(topology);
        ResidencyPolicy policy = MigrationFixtures.usInUs();
        // One batch: the whole 10 GB is far below the 1 TB target.
        MigrationPlan plan = MigrationFixtures.plan(store, policy, 1_000_000_000_000L);
        return MigrationSetup.prepare(
                MigrationFixtures.scenario("analytic", topology, policy, PlanningSettings.defaults(), run),
                store,
                plan);
    }

    private static RunSettings.Builder run() {
        return RunSettings.builder(MigrationFixtures.START)
                .replications(1)
                .verificationRate(new Bandwidth(VERIFY_BYTES_PER_SECOND))
                .deletionRate(new Bandwidth(DELETE_BYTES_PER_SECOND))
                .deletionFailureProbability(0)
                .writeFreeze(Duration.ofSeconds((long) FREEZE_SECONDS))
                .backups(new Backups(Duration.ZERO, true));
    }

    @Test
    void plan_oneLinkTenGigabytes_isOneBatchOfEightySeconds() {
        MigrationPlan plan = setup(run().build()).plan();

        // 10 × 1 GB = 1e10 B at 1.25e8 B/s = 80 s, after the link's 10 ms of latency, which the planned
        // interval covers: [0, 80.01] s.
        assertThat(plan.batches()).hasSize(1);
        assertThat(plan.batches().get(0).bytes()).isEqualTo(10_000_000_000L);
        assertThat(plan.batches().get(0).plannedStartSeconds()).isCloseTo(0, within(TIME_TOLERANCE));
        assertThat(plan.batches().get(0).plannedEndSeconds()).isCloseTo(80.01, within(TIME_TOLERANCE));
        assertThat(plan.deletions()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(DeletionReason.AFTER_MOVE);
            assertThat(d.bytes()).isEqualTo(10_000_000_000L);
        });
    }

    @Test
    void execute_oneBatchNoWrites_timelineIsLatencyPlusTransferPlusVerificationPlusFreezePlusDeletion() {
        RunResult result = MigrationRun.execute(setup(run().build()), 0);

        BatchOutcome batch = result.batches().get(0);
        // Copy: first byte after the 10 ms latency, then 1e10 B / 1.25e8 B/s = 80 s → 80.010 s.
        double copyEnd = LATENCY_SECONDS + 1e10 / LINK_BYTES_PER_SECOND;
        assertThat(copyEnd).isCloseTo(80.010, within(1e-12));
        // Verification: 1e10 B / 1e9 B/s = 10 s → 90.010 s.
        double verified = copyEnd + 1e10 / VERIFY_BYTES_PER_SECOND;
        // No writes, so no catch-up round: the 300 s write freeze, then cut-over at 390.010 s.
        double cutOver = verified + FREEZE_SECONDS;
        // The source copy at sg: 1e10 B / 1e10 B/s = 1 s → 391.010 s; backups are shredded at once.
        double compliant = cutOver + 1e10 / DELETE_BYTES_PER_SECOND;
        assertThat(batch.copyStart()).isCloseTo(0, within(TIME_TOLERANCE));
        assertThat(batch.copyEnd()).isCloseTo(copyEnd, within(TIME_TOLERANCE));
        assertThat(batch.verifiedAt()).isCloseTo(verified, within(TIME_TOLERANCE));
        assertThat(batch.cutOverAt()).isCloseTo(cutOver, within(TIME_TOLERANCE));
        assertThat(batch.copyAttempts()).isEqualTo(1);
        assertThat(batch.catchUpBytes()).isZero();
        assertThat(result.liveComplianceSeconds()).isCloseTo(compliant, within(TIME_TOLERANCE));
        assertThat(result.fullComplianceSeconds()).isCloseTo(compliant, within(TIME_TOLERANCE));
        assertThat(result.bytesMoved()).isEqualTo(10_000_000_000L);
        assertThat(result.catchUpBytes()).isZero();
        assertThat(result.retransferBytes()).isZero();
        assertThat(result.deletedByReason()).containsExactly(java.util.Map.entry("AFTER_MOVE", 10_000_000_000L));
        // Egress: 1e10 B / 2^30 B/GiB × $0.02.
        assertThat(result.egressCostUsd()).isCloseTo(1e10 / (1L << 30) * 0.02, within(1e-9));
        assertThat(result.blockedBytes()).isZero();
    }

    @Test
    void execute_oneBatchWithBackups_fullComplianceWaitsForRetention() {
        RunResult result = MigrationRun.execute(
                setup(run().backups(new Backups(Duration.ofHours(1), false)).build()), 0);

        // As above, live compliance at 391.010 s; the backup of the deleted copy ages out 3,600 s later.
        double live = LATENCY_SECONDS + 80 + 10 + FREEZE_SECONDS + 1;
        assertThat(result.liveComplianceSeconds()).isCloseTo(live, within(TIME_TOLERANCE));
        assertThat(result.fullComplianceSeconds()).isCloseTo(live + 3_600, within(TIME_TOLERANCE));
    }

    @Test
    void execute_oneBatchWithLiveWrites_catchUpCopiesWhatWasWritten() {
        // 8.64e9 B per user per day = 1e5 B/s per user; 10 users → w = 1e6 B/s, no sign-ups.
        double w = 1e6;
        RunResult result = MigrationRun.execute(
                setup(run().liveWrites(Jurisdiction.US, new LiveWrites(8_640_000_000L, 0))
                        .catchUpThresholdBytes(10_000_000L)
                        .build()),
                0);

        BatchOutcome batch = result.batches().get(0);
        // Copy and verification as without writes: verified at 90.010 s.
        double verified = LATENCY_SECONDS + 80 + 10;
        // Round 1: the writes since the snapshot at 0 s, 1e6 B/s × 90.010 s = 90,010,000 B ≥ the 1e7 B
        // threshold, copied unpaced over the link: 10 ms + 90,010,000 / 1.25e8 = 0.72008 s → 90.74008 s.
        double round1 = w * verified;
        double round1End = verified + LATENCY_SECONDS + round1 / LINK_BYTES_PER_SECOND;
        assertThat(round1End).isCloseTo(90.74008, within(1e-9));
        // Round 2: 1e6 B/s × 0.73008 s = 730,080 B < 1e7 B: no more rounds; freeze 300 s → 390.74008 s.
        double round2 = w * (round1End - verified);
        double cutOver = round1End + FREEZE_SECONDS;
        // Deletion at sg: the 1e10 B copy plus everything written by cut-over, 1e6 × 390.74008 =
        // 390,740,080 B: 10,390,740,080 B / 1e10 B/s = 1.039074008 s → 391.779154088 s.
        double compliant = cutOver + (1e10 + w * cutOver) / DELETE_BYTES_PER_SECOND;
        assertThat(batch.verifiedAt()).isCloseTo(verified, within(TIME_TOLERANCE));
        assertThat(batch.cutOverAt()).isCloseTo(cutOver, within(TIME_TOLERANCE));
        assertThat(batch.catchUpBytes()).isCloseTo(Math.round(round1) + Math.round(round2), within(2L));
        assertThat(result.catchUpBytes()).isCloseTo(90_740_080L, within(2L));
        assertThat(result.liveComplianceSeconds()).isCloseTo(compliant, within(TIME_TOLERANCE));
        assertThat(result.liveComplianceSeconds()).isCloseTo(391.779154088, within(TIME_TOLERANCE));
        assertThat(result.deletedByReason().get("AFTER_MOVE")).isCloseTo(10_390_740_080L, within(2L));
    }

    /**
     * Returns the analytic run with the link sg-us down from 48.010 s, when 60 % of the copy has
     * arrived ((48.010 - 0.010) s × 1.25e8 B/s = 6e9 B of 1e10 B), until 108.010 s, interrupted copies
     * handled by {@code policy}.
     */
    private static RunResult interruptedAtSixtyPercent(FailurePolicy policy) {
        ScheduledOutage outage = new ScheduledOutage(
                "sg-us", MigrationFixtures.START.plusMillis(48_010), MigrationFixtures.START.plusMillis(108_010));
        Faults faults = new Faults(Optional.empty(), Optional.empty(), 0, ImmutableList.of(outage), policy);
        return MigrationRun.execute(setup(run().faults(faults).build()), 0);
    }

    @Test
    void execute_restartPolicyCopyInterruptedAtSixtyPercent_startsAgainFromByteZero() {
        RunResult result = interruptedAtSixtyPercent(FailurePolicy.RESTART);

        BatchOutcome batch = result.batches().get(0);
        // 6e9 B arrived by 48.010 s and are lost; the link is back at 108.010 s and the whole 1e10 B
        // are sent again: 1e10 / 1.25e8 = 80 s → copy end 188.010 s (no second latency: the flow kept
        // its place on the route). Then 10 s of verification, the 300 s freeze and 1 s of deletion.
        double copyEnd = 108.010 + 1e10 / LINK_BYTES_PER_SECOND;
        assertThat(copyEnd).isCloseTo(188.010, within(1e-9));
        assertThat(batch.copyEnd()).isCloseTo(copyEnd, within(TIME_TOLERANCE));
        assertThat(batch.verifiedAt()).isCloseTo(copyEnd + 10, within(TIME_TOLERANCE));
        assertThat(batch.cutOverAt()).isCloseTo(copyEnd + 10 + FREEZE_SECONDS, within(TIME_TOLERANCE));
        assertThat(result.fullComplianceSeconds()).isCloseTo(copyEnd + 10 + FREEZE_SECONDS + 1, within(TIME_TOLERANCE));
        // A restart is no new attempt (that is a re-copy after corruption); its lost bytes are
        // retransferred: 6e9 B. Egress is paid on 1e10 + 6e9 = 1.6e10 B at $0.02 per GiB.
        assertThat(batch.copyAttempts()).isEqualTo(1);
        assertThat(result.retransferBytes()).isEqualTo(6_000_000_000L);
        assertThat(result.bytesMoved()).isEqualTo(10_000_000_000L);
        assertThat(result.egressCostUsd()).isCloseTo(1.6e10 / (1L << 30) * 0.02, within(1e-9));
        assertThat(result.deletedByReason()).containsExactly(java.util.Map.entry("AFTER_MOVE", 10_000_000_000L));
    }

    @Test
    void execute_resumePolicyCopyInterruptedAtSixtyPercent_goesOnFromWhereItStopped() {
        RunResult result = interruptedAtSixtyPercent(FailurePolicy.RESUME);

        BatchOutcome batch = result.batches().get(0);
        // 4e9 B are left at 48.010 s; from 108.010 s they take 4e9 / 1.25e8 = 32 s → 140.010 s.
        double copyEnd = 108.010 + 4e9 / LINK_BYTES_PER_SECOND;
        assertThat(copyEnd).isCloseTo(140.010, within(1e-9));
        assertThat(batch.copyEnd()).isCloseTo(copyEnd, within(TIME_TOLERANCE));
        assertThat(result.fullComplianceSeconds()).isCloseTo(copyEnd + 10 + FREEZE_SECONDS + 1, within(TIME_TOLERANCE));
        assertThat(result.retransferBytes()).isZero();
        assertThat(result.egressCostUsd()).isCloseTo(1e10 / (1L << 30) * 0.02, within(1e-9));
    }

    @Test
    void execute_restartPolicyOutageBeforeTheFirstByte_losesNothing() {
        // The link is down from 0.005 s, before the first byte (latency 0.010 s), to 20 s: nothing had
        // arrived, so nothing is lost, and the copy takes 80 s from 20 s: copy end 100 s.
        ScheduledOutage outage = new ScheduledOutage(
                "sg-us", MigrationFixtures.START.plusMillis(5), MigrationFixtures.START.plusSeconds(20));
        Faults faults =
                new Faults(Optional.empty(), Optional.empty(), 0, ImmutableList.of(outage), FailurePolicy.RESTART);

        RunResult result = MigrationRun.execute(setup(run().faults(faults).build()), 0);

        assertThat(result.batches().get(0).copyEnd()).isCloseTo(100, within(TIME_TOLERANCE));
        assertThat(result.retransferBytes()).isZero();
    }
}
