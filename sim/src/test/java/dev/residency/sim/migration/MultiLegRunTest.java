package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
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
import dev.residency.sim.network.FailurePolicy;
import dev.residency.sim.report.BatchOutcome;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.report.TimeSeries;
import dev.residency.sim.scenario.DeadlineRule;
import dev.residency.sim.scenario.Faults;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.ScheduledOutage;
import dev.residency.topology.Topology;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulator runs a plan whose data waits at a transit site (holdover; the instance of core's {@code
 * HoldoverPlanTest}): 100 US records of 1 GB at {@code sg}; 1 Gbps (1.25e8 B/s) links {@code sg-jp}, in
 * maintenance from 1,000 s to 100,000 s, and {@code jp-us}, in maintenance until 2,000 s; {@code jp} is a
 * staging site, so the plan stages the data there: 10 GB legs {@code sg->jp} k = 0..9 over [100k, 100(k+1)]
 * s (1e8 B/s), then {@code jp->us} over [2000 + 80k, 2080 + 80k] s. The run verifies at 20 GB/s (0.5 s per
 * 10 GB), freezes writes for 60 s, deletes at 10 GB/s (1 s per 10 GB job), crypto-shreds its backups, has
 * no live writes and, unless a test adds them, no faults. Links have no latency, so the times above are
 * the flow's own (plans with latency lay each batch out with it, and keep a reserve before maintenance:
 * {@code LatencyPromiseTest}). Times are checked to 0.05 s.
 */
final class MultiLegRunTest {

    private static final long GB = 1_000_000_000L;
    private static final double TIME = 0.05;

    private static RecordStore store(Topology topology) {
        RecordStore.Builder builder = RecordStore.builder(topology, 100);
        for (int i = 0; i < 100; i++) {
            builder.add(i, Jurisdiction.US, Category.VIDEOS, GB, false, 0);
        }
        return builder.build();
    }

    static ResidencyPolicy policy() {
        return ResidencyPolicy.of(
                        "us-in-us", Rule.move("us-in-us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US)))
                .withStaging(List.of("jp"));
    }

    private static Scenario scenario(String name, RunSettings run) {
        Topology topology = MigrationFixtures.holdoverTopology();
        PlanningSettings planning = MigrationFixtures.holdoverPlanning(10 * GB, 1_000, 1_000, 100_000, 2_000);
        return MigrationFixtures.scenario(name, topology, policy(), planning, run);
    }

    /**
     * Fault-free: the leg {@code jp->us} k starts at its planned 2000 + 80k s (its staging copy was verified
     * at 100(k+1) + 0.5 s), ends at 2080 + 80k, is verified at 2080.5 + 80k and cut over after the 60 s
     * freeze at 2140.5 + 80k, the last at 2860.5 s; its {@code sg} copy is deleted 1 s later, so the US data
     * is compliant at 2861.5 s. Until the first cut-over at {@code us} all 1e11 B still violate, although
     * they are all at {@code jp} by 1,000 s. The staging copy k is held at {@code jp} from 100(k+1) to
     * 2140.5 + 80k s: sum over k of 1e10 (2040.5 - 20k) = 1e10 (20405 - 900) = 1.9505e14 B·s, and nothing
     * after (the run ends at 2861.5 s). Every byte pays both legs' egress: 1e11 / 2^30 * (0.02 + 0.01) USD.
     */
    @Test
    void execute_faultFreeHoldover_cutsOverAtTheDestinationAsPlanned() {
        Scenario scenario = scenario("holdover", MigrationFixtures.quietRun().build());
        Planned planned = Planned.asByHand(scenario);
        MigrationPlan plan = planned.plan();

        RunResult result = planned.run();

        for (BatchOutcome outcome : result.batches()) {
            TransferBatch batch = plan.batches().get(outcome.batch());
            if (batch.staging()) {
                int k = (int) Math.round(batch.plannedStartSeconds() / 100);
                assertThat(outcome.verifiedAt())
                        .as("leg %s", outcome.batch())
                        .isCloseTo(100 * (k + 1) + 0.5, within(TIME));
                assertThat(outcome.cutOverAt())
                        .as("a staging copy is never cut over")
                        .isNaN();
                assertThat(outcome.forced()).isFalse();
            } else {
                int k = (int) Math.round((batch.plannedStartSeconds() - 2_000) / 80);
                assertThat(outcome.copyStart()).as("leg %s", outcome.batch()).isCloseTo(2_000 + 80 * k, within(TIME));
                assertThat(outcome.cutOverAt()).as("leg %s", outcome.batch()).isCloseTo(2_140.5 + 80 * k, within(TIME));
            }
        }
        assertThat(result.liveComplianceSeconds()).isCloseTo(2_861.5, within(TIME));
        assertThat(result.bytesMoved()).isEqualTo(100 * GB);
        assertThat(result.forcedLoss().bytes()).isZero();
        assertThat(jpByteSeconds(result, scenario)).isCloseTo(1.9505e14, within(1e-5 * 1.9505e14));
        assertThat(result.egressCostUsd()).isCloseTo(1e11 / (1L << 30) * 0.03, within(1e-9));
        TimeSeries series = result.series();
        int before = 0;
        for (int i = 0; i < series.size(); i++) {
            if (series.seconds(i) < 2_140) {
                before++;
                assertThat(series.violatingTotal(i))
                        .as("t = %s s", series.seconds(i))
                        .isEqualTo(100 * GB);
            }
        }
        assertThat(before).as("samples before the first cut-over").isGreaterThan(20);
    }

    /**
     * A failure of the staging site {@code jp} (or a restart of the interrupted leg) delays the legs out of
     * it; the staging copies stay and the legs go on when it is repaired. The legs {@code jp->us} run back
     * to back at 80 s each from the first one's end, so the first cut-over c0 fixes the others (c0 + 80k)
     * and the staging copies' byte-seconds at {@code jp}: sum over k of 1e10 (c0 + 80k - 100(k+1)) = 1e10
     * (10 c0 - 1900). Down 1,500 to 2,500 s: the first leg waits for 2,500 s, ends at 2,580, c0 = 2,640.5.
     * Down 2,040 to 2,100 s, mid-copy of the first leg (5e9 B done at 1.25e8 B/s): resumed, it ends at
     * 2,140, c0 = 2,200.5; restarted, it copies its 1e10 B again from 2,100 s, ends at 2,180, c0 = 2,240.5
     * and 5e9 B are retransferred.
     */
    @ParameterizedTest(name = "jp down {0}..{1} s, {2}")
    @CsvSource({"1500, 2500, RESUME, 2640.5, 0", "2040, 2100, RESUME, 2200.5, 0", "2040, 2100, RESTART, 2240.5, 5e9"})
    void execute_stagingSiteFails_legsGoOnWhenItIsRepaired(
            long down, long up, FailurePolicy policy, double firstCutOver, double retransferred) {
        Faults faults = new Faults(
                        Optional.empty(),
                        Optional.empty(),
                        0,
                        ImmutableList.of(new ScheduledOutage(
                                "jp",
                                MigrationFixtures.START.plusSeconds(down),
                                MigrationFixtures.START.plusSeconds(up))))
                .withInterruptedTransfers(policy);
        Scenario scenario = scenario(
                "holdover-jp-down", MigrationFixtures.quietRun().faults(faults).build());
        Planned planned = Planned.asByHand(scenario);
        MigrationPlan plan = planned.plan();

        RunResult result = planned.run();

        for (BatchOutcome outcome : result.batches()) {
            TransferBatch batch = plan.batches().get(outcome.batch());
            if (!batch.staging()) {
                int k = (int) Math.round((batch.plannedStartSeconds() - 2_000) / 80);
                assertThat(outcome.cutOverAt())
                        .as("leg %s", outcome.batch())
                        .isCloseTo(firstCutOver + 80 * k, within(TIME));
            }
        }
        assertThat(result.bytesMoved()).isEqualTo(100 * GB);
        assertThat((double) result.retransferBytes()).isCloseTo(retransferred, within(1e-3 * 1e10));
        double expected = 1e10 * (10 * firstCutOver - 1_900);
        assertThat(jpByteSeconds(result, scenario)).isCloseTo(expected, within(1e-5 * expected));
    }

    /**
     * Under a hard deadline at 2,500 s the plan keeps what is cut over at {@code us} by then. The legs
     * {@code jp->us} run back to back from 2,000 s at 1.25e8 B/s, so x bytes kept end their copies at 2000 +
     * x / 1.25e8 s; the last batch's verification (its bytes at 2e10 B/s) and the 60 s freeze follow. 54 GB
     * (five 10 GB batches and one of 4 GB): 2432 + 0.2 + 60 = 2492.2 s, in time; 55 GB: 2440 + 0.25 + 60 =
     * 2500.25 s, too late. So the plan moves 54 GB, deletes 46 GB at once for DEADLINE and predicts no movable
     * byte violating at the deadline; the fault-free run under enforce force-deletes none (the plan's promise
     * for a multi-leg plan) and cuts the legs over at 2140.5 + 80k s (k = 0..4) and 2492.2 s. Each kept
     * staging copy is held at {@code jp} from its planned end (no latency, no fault) to its chain's cut-over.
     */
    @Test
    void execute_holdoverUnderHardDeadline_forcedLossEqualsPredictedViolation() {
        Scenario scenario = scenario(
                "holdover-hard",
                MigrationFixtures.quietRun()
                        .deadline(MigrationFixtures.START.plusSeconds(2_500))
                        .deadlineRule(DeadlineRule.ENFORCE)
                        .build());
        RecordStore store = store(scenario.topology());
        MigrationPlan plan = ScenarioPlans.plan(scenario, store);

        RunResult result = MigrationRun.execute(MigrationSetup.prepare(scenario, store, plan), 0);

        long blocked = plan.blocked().stream().mapToLong(BlockedGroup::bytes).sum();
        assertThat(plan.batches()).anyMatch(TransferBatch::staging);
        assertThat(plan.bytesToMove()).isEqualTo(54 * GB);
        assertThat(plan.bytesToDeleteByReason()).containsEntry(DeletionReason.DEADLINE, 46 * GB);
        assertThat(result.forcedLoss().bytes()).isEqualTo(plan.violatingBytesAtDeadline() - blocked);
        assertThat(result.forcedLoss().bytes()).isZero();
        assertThat(result.bytesMoved()).isEqualTo(54 * GB);
        double staged = 0;
        for (BatchOutcome outcome : result.batches()) {
            TransferBatch batch = plan.batches().get(outcome.batch());
            if (batch.staging()) {
                continue;
            }
            double cutOver = batch.bytes() == 4 * GB
                    ? 2_492.2
                    : 2_140.5 + 80 * Math.round((batch.plannedStartSeconds() - 2_000) / 80);
            assertThat(outcome.cutOverAt()).as("leg %s", outcome.batch()).isCloseTo(cutOver, within(TIME));
            TransferBatch first = plan.batches().get(batch.previousLeg());
            staged += first.bytes() * (cutOver - first.plannedEndSeconds());
        }
        assertThat(jpByteSeconds(result, scenario)).isCloseTo(staged, within(1e-5 * staged));
    }

    /**
     * Under enforce, a chain whose last leg cannot be cut over by the deadline is aborted whole: with the
     * deadline at 1,500 s (the plan made without it, so it still stages everything), no leg {@code jp->us}
     * has started, every record is force-deleted at {@code sg} and every staging copy is deleted from
     * {@code jp} at the deadline: sum over k of 1e10 (1500 - 100(k+1)) = 1e10 (15000 - 5500) = 9.5e13 B·s.
     */
    @Test
    void execute_deadlineBeforeTheLastLegs_abortsEveryChainAndDeletesItsStagingCopies() {
        Scenario loose = scenario("holdover", MigrationFixtures.quietRun().build());
        RecordStore store = store(loose.topology());
        MigrationPlan plan = ScenarioPlans.plan(loose, store);
        Scenario enforced = loose.withRun(MigrationFixtures.quietRun()
                .deadline(MigrationFixtures.START.plusSeconds(1_500))
                .deadlineRule(DeadlineRule.ENFORCE)
                .build());

        RunResult result = MigrationRun.execute(MigrationSetup.prepare(enforced, store, plan), 0);

        assertThat(result.forcedLoss().bytes()).isEqualTo(100 * GB);
        assertThat(result.bytesMoved()).isZero();
        assertThat(result.batches()).allMatch(BatchOutcome::forced);
        assertThat(jpByteSeconds(result, enforced)).isCloseTo(9.5e13, within(1e-5 * 9.5e13));
    }

    /** The plan of a scenario of this instance, checked against the hand-derived legs, and its run. */
    private record Planned(Scenario scenario, RecordStore store, MigrationPlan plan) {

        static Planned asByHand(Scenario scenario) {
            RecordStore store = MultiLegRunTest.store(scenario.topology());
            MigrationPlan plan = ScenarioPlans.plan(scenario, store);
            assertPlannedAsByHand(plan, scenario.topology());
            return new Planned(scenario, store, plan);
        }

        RunResult run() {
            return MigrationRun.execute(MigrationSetup.prepare(scenario, store, plan), 0);
        }
    }

    private static double jpByteSeconds(RunResult result, Scenario scenario) {
        return result.costs().sites().get(scenario.topology().siteIndex("jp")).heldByteSeconds();
    }

    /** The plan of core's HoldoverPlanTest: ten legs sg->jp over [100k, 100(k+1)], ten jp->us over [2000 + 80k, 2080 + 80k]. */
    private static void assertPlannedAsByHand(MigrationPlan plan, Topology topology) {
        int jp = topology.siteIndex("jp");
        assertThat(plan.batches()).hasSize(20);
        for (TransferBatch batch : plan.batches()) {
            if (batch.staging()) {
                assertThat(batch.destination()).isEqualTo(jp);
                double k = batch.plannedStartSeconds() / 100;
                assertThat(k).isCloseTo(Math.rint(k), within(1e-3));
                assertThat(batch.plannedEndSeconds()).isCloseTo(batch.plannedStartSeconds() + 100, within(1e-3));
            } else {
                assertThat(batch.previousLeg()).isNotNegative();
                assertThat(batch.source()).isEqualTo(jp);
                double k = (batch.plannedStartSeconds() - 2_000) / 80;
                assertThat(k).isCloseTo(Math.rint(k), within(1e-3));
                assertThat(batch.plannedEndSeconds()).isCloseTo(batch.plannedStartSeconds() + 80, within(1e-3));
                TransferBatch first = plan.batches().get(batch.previousLeg());
                assertThat(Math.round(first.plannedStartSeconds() / 100)).isEqualTo(Math.round(k));
            }
        }
    }
}
