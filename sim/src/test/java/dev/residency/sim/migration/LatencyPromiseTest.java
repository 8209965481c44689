package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import dev.residency.sim.report.BatchOutcome;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.DeadlineRule;
import dev.residency.sim.scenario.MaintenanceWindow;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Link;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import dev.residency.units.DataSize;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plans keep their promise on links with latency: a fault-free run copies every batch when the plan says
 * (each batch's planned interval covers its route's latency, which the run waits before the first byte
 * moves), so a batch planned to end before a maintenance window does not end inside it, and the forced
 * loss under a hard deadline is the plan's predicted violation.
 *
 * <p>One link {@code sg-us} of 1.25e8 B/s (1 Gbps), 100 US records of 1 GB at {@code sg}, 10 GB target
 * batches (80 s of transfer each), a 10 s step, and a maintenance window on the link from 400 s to 100,000
 * s, on the step grid. Before the window the link carries at most 400 s x 1.25e8 B/s = 50 GB, less what
 * the latency takes: each batch waits for the latency before its first byte, so with latency {@code L} and
 * five batches before the window, 50 whole records would end at 400 + 5L s, inside the window. The plan
 * must move 49 records (five batches, 4 x 10 + 9 GB, ending at 392 + 5L s) before the window and the other
 * 51 after it. Before the fix the planner laid the 50 GB out to end at 400 s exactly, and the run's fifth
 * batch ended 5L later, waited in the window and ended after 100,000 s.
 */
final class LatencyPromiseTest {

    private static final long GB = 1_000_000_000L;

    private static Topology oneLink(Duration latency) {
        return Topology.of(
                List.of(site("sg", Jurisdiction.SG), site("us", Jurisdiction.US)),
                List.of(Link.symmetric("sg", "us", new Bandwidth(1.25e8), latency, 0.02)));
    }

    private static DataCenter site(String id, Jurisdiction jurisdiction) {
        return new DataCenter(
                id, jurisdiction, "op", DataSize.ofTerabytes(1), new Bandwidth(1e12), new Bandwidth(1e12));
    }

    private static RecordStore store(Topology topology) {
        RecordStore.Builder builder = RecordStore.builder(topology, 100);
        for (int i = 0; i < 100; i++) {
            builder.add(i, Jurisdiction.US, Category.VIDEOS, GB, false, 0);
        }
        return builder.build();
    }

    private static ResidencyPolicy usInUs() {
        return ResidencyPolicy.of(
                "us-in-us", Rule.move("us-in-us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US)));
    }

    private static PlanningSettings planning(List<MaintenanceWindow> windows) {
        return new PlanningSettings(
                "flow",
                10 * GB,
                Duration.ofSeconds(10),
                ImmutableMap.of(),
                ImmutableMap.of(),
                ImmutableList.copyOf(windows),
                ImmutableMap.of());
    }

    private static MaintenanceWindow window(String from, String to, long startSeconds, long endSeconds) {
        return new MaintenanceWindow(
                from,
                to,
                MigrationFixtures.START.plusSeconds(startSeconds),
                MigrationFixtures.START.plusSeconds(endSeconds));
    }

    /** Asserts that every batch's simulated copy started and ended when the plan says, to 1 ms. */
    private static void assertCopiesAsPlanned(String context, MigrationPlan plan, RunResult result) {
        for (TransferBatch batch : plan.batches()) {
            BatchOutcome outcome = result.batches().get(batch.id());
            assertThat(outcome.copyStart())
                    .as("%s: batch %s copy start", context, batch.id())
                    .isCloseTo(batch.plannedStartSeconds(), within(1e-3));
            assertThat(outcome.copyEnd())
                    .as("%s: batch %s copy end", context, batch.id())
                    .isCloseTo(batch.plannedEndSeconds(), within(1e-3));
        }
    }

    @ParameterizedTest(name = "latency {0} ms")
    @ValueSource(longs = {1, 10, 1_000})
    void execute_windowRightAfterPlannedBatches_copiesEndBeforeTheWindowAsPlanned(long latencyMillis) {
        Topology topology = oneLink(Duration.ofMillis(latencyMillis));
        Scenario scenario = MigrationFixtures.scenario(
                "latency-window",
                topology,
                usInUs(),
                planning(List.of(window("sg", "us", 400, 100_000))),
                MigrationFixtures.quietRun().build());
        RecordStore store = store(topology);
        MigrationPlan plan = ScenarioPlans.plan(scenario, store);

        RunResult result = MigrationRun.execute(MigrationSetup.prepare(scenario, store, plan), 0);

        String context = "latency " + latencyMillis + " ms";
        assertCopiesAsPlanned(context, plan, result);
        double latency = latencyMillis / 1e3;
        long before = plan.batches().stream()
                .filter(b -> b.plannedEndSeconds() <= 400)
                .mapToLong(TransferBatch::bytes)
                .sum();
        assertThat(before).as("%s: bytes copied before the window", context).isEqualTo(49 * GB);
        assertThat(plan.batches().stream()
                        .filter(b -> b.plannedEndSeconds() <= 400)
                        .mapToDouble(TransferBatch::plannedEndSeconds)
                        .max()
                        .orElseThrow())
                .as("%s: the last copy before the window ends at 392 + 5L s", context)
                .isCloseTo(392 + 5 * latency, within(1e-6));
        for (BatchOutcome outcome : result.batches()) {
            assertThat(outcome.copyEnd())
                    .as("%s: batch %s ends outside the window", context, outcome.batch())
                    .satisfiesAnyOf(
                            end -> assertThat(end).isLessThanOrEqualTo(400),
                            end -> assertThat(end).isGreaterThan(100_000));
        }
        assertThat(result.bytesMoved()).isEqualTo(100 * GB);
    }

    /**
     * With a hard deadline at 50,000 s, inside the window, under {@link DeadlineRule#ENFORCE}: the 49 GB
     * copied before the window are verified (0.5 s per 10 GB at 20 GB/s) and cut over after the 60 s
     * freeze, by about 452 s; the 51 GB that could move only after the window are deleted for DEADLINE by
     * the plan. The plan predicts no violating movable byte at the deadline and the run force-deletes none.
     */
    @ParameterizedTest(name = "latency {0} ms")
    @ValueSource(longs = {10, 1_000})
    void execute_hardDeadlineInsideTheWindow_forcedLossEqualsPrediction(long latencyMillis) {
        Topology topology = oneLink(Duration.ofMillis(latencyMillis));
        RunSettings run = MigrationFixtures.quietRun()
                .deadline(MigrationFixtures.START.plusSeconds(50_000))
                .deadlineRule(DeadlineRule.ENFORCE)
                .build();
        Scenario scenario = MigrationFixtures.scenario(
                "latency-deadline", topology, usInUs(), planning(List.of(window("sg", "us", 400, 100_000))), run);
        RecordStore store = store(topology);
        MigrationPlan plan = ScenarioPlans.plan(scenario, store);

        RunResult result = MigrationRun.execute(MigrationSetup.prepare(scenario, store, plan), 0);

        long blocked = plan.blocked().stream().mapToLong(BlockedGroup::bytes).sum();
        assertThat(plan.bytesToDeleteByReason().get(DeletionReason.DEADLINE)).isEqualTo(51 * GB);
        assertThat(plan.violatingBytesAtDeadline() - blocked).isZero();
        assertThat(result.forcedLoss().bytes()).isZero();
        assertThat(result.bytesMoved()).isEqualTo(49 * GB);
    }

    /**
     * A hard deadline at 500 s with no window, 1 s of latency: 100 GB would take 800 s of transfer in ten
     * batches of 10 GB, each waiting 1 s for the latency first. The plan keeps the whole records whose
     * batches it can copy, verify (0.5 s per 10 GB) and cut over (60 s freeze) by 500 s, latencies
     * included, and deletes the rest for DEADLINE; every batch of the run copies when the plan says and is
     * cut over by the deadline, and the run force-deletes exactly what the plan predicts still violating.
     */
    @Test
    void execute_hardDeadlineOneSecondLatency_forcedLossEqualsPrediction() {
        Topology topology = oneLink(Duration.ofSeconds(1));
        RunSettings run = MigrationFixtures.quietRun()
                .deadline(MigrationFixtures.START.plusSeconds(500))
                .deadlineRule(DeadlineRule.ENFORCE)
                .build();
        Scenario scenario =
                MigrationFixtures.scenario("latency-deadline-only", topology, usInUs(), planning(List.of()), run);
        RecordStore store = store(topology);
        MigrationPlan plan = ScenarioPlans.plan(scenario, store);

        RunResult result = MigrationRun.execute(MigrationSetup.prepare(scenario, store, plan), 0);

        assertCopiesAsPlanned("deadline only", plan, result);
        long blocked = plan.blocked().stream().mapToLong(BlockedGroup::bytes).sum();
        assertThat(result.forcedLoss().bytes()).isEqualTo(plan.violatingBytesAtDeadline() - blocked);
        assertThat(result.bytesMoved()).isGreaterThan(0);
        for (BatchOutcome outcome : result.batches()) {
            assertThat(outcome.cutOverAt())
                    .as("batch %s cut over by the deadline", outcome.batch())
                    .isLessThanOrEqualTo(500);
        }
    }

    /**
     * Holdover with 1 ms per hop (the instance of {@link MultiLegRunTest} with latency): {@code sg-jp} in
     * maintenance from 1,000 s to 100,000 s, {@code jp-us} until 2,000 s, {@code jp} a staging site. The
     * legs {@code sg->jp} must end before 1,000 s, latency included, or the last one waits until 100,000 s
     * (as it did before the fix); every leg's copy ends when the plan says and the US data is compliant
     * within the hour after 2,000 s (100 GB at 1.25e8 B/s take 800 s from 2,000 s, plus verification and
     * the 60 s freeze).
     */
    @Test
    void execute_holdoverWithLatency_legsEndBeforeTheWindow() {
        Topology topology = Topology.of(
                List.of(site("sg", Jurisdiction.SG), site("jp", Jurisdiction.of("JP")), site("us", Jurisdiction.US)),
                List.of(
                        Link.symmetric("sg", "jp", new Bandwidth(1.25e8), Duration.ofMillis(1), 0.02),
                        Link.symmetric("jp", "us", new Bandwidth(1.25e8), Duration.ofMillis(1), 0.01)));
        PlanningSettings planning = new PlanningSettings(
                "flow",
                10 * GB,
                Duration.ofSeconds(1_000),
                ImmutableMap.of(),
                ImmutableMap.of(),
                ImmutableList.of(window("sg", "jp", 1_000, 100_000), window("jp", "us", 0, 2_000)),
                ImmutableMap.of());
        Scenario scenario = MigrationFixtures.scenario(
                "latency-holdover",
                topology,
                MultiLegRunTest.policy(),
                planning,
                MigrationFixtures.quietRun().build());
        RecordStore store = store(topology);
        MigrationPlan plan = ScenarioPlans.plan(scenario, store);

        RunResult result = MigrationRun.execute(MigrationSetup.prepare(scenario, store, plan), 0);

        assertThat(plan.batches()).anyMatch(TransferBatch::staging);
        assertCopiesAsPlanned("holdover", plan, result);
        assertThat(result.bytesMoved()).isEqualTo(100 * GB);
        assertThat(result.liveComplianceSeconds()).isLessThan(3_600);
    }
}
