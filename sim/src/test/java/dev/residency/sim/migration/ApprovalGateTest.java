package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.Deletion;
import dev.residency.plan.DeletionReason;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.report.TimeSeries;
import dev.residency.sim.scenario.Backups;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An approval gate holds back deletions as well as transfers: the policy binds a jurisdiction's data
 * only once approved, so data deleted under it (here an unmovable category, which the plan deletes
 * without waiting for any batch) stays until the gate. Worked out by hand on one link: 10 GB of US
 * videos (movable) and 10 GB of US derived data (unmovable, deleted) at sg, US approval one hour after
 * the start.
 */
final class ApprovalGateTest {

    private static final double GATE = 3_600;

    private static MigrationSetup setup(ImmutableMap<Jurisdiction, java.time.Instant> approvals) {
        Topology topology = MigrationFixtures.oneLink();
        RecordStore.Builder builder = RecordStore.builder(topology, 20);
        for (int i = 0; i < 10; i++) {
            builder.add(i, Jurisdiction.US, Category.VIDEOS, 1_000_000_000L, false, 0);
            builder.add(i, Jurisdiction.US, Category.DERIVED, 1_000_000_000L, false, 0);
        }
        RecordStore store = builder.build();
        ResidencyPolicy policy = MigrationFixtures.usInUs();
        RunSettings run = RunSettings.builder(MigrationFixtures.START)
                .replications(1)
                .verificationRate(new Bandwidth(1e9))
                .deletionRate(new Bandwidth(1e10))
                .deletionFailureProbability(0)
                .writeFreeze(Duration.ofSeconds(300))
                .backups(new Backups(Duration.ZERO, true))
                .build();
        PlanningSettings planning = new PlanningSettings(
                "flow",
                1_000_000_000_000L,
                Duration.ofSeconds(10),
                ImmutableMap.of(),
                approvals,
                ImmutableList.of(),
                ImmutableMap.of());
        Scenario scenario = MigrationFixtures.scenario("gate", topology, policy, planning, run);
        return MigrationSetup.prepare(scenario, store, ScenarioPlans.plan(scenario, store));
    }

    @Test
    void run_unmovableDataUnderAGatedPolicy_isDeletedOnlyAfterTheGate() {
        MigrationSetup setup = setup(ImmutableMap.of(Jurisdiction.US, MigrationFixtures.START.plusSeconds(3_600)));
        Deletion unmovable = setup.plan().deletions().stream()
                .filter(d -> d.afterBatch().isEmpty())
                .findFirst()
                .orElseThrow();
        assertThat(unmovable.reason()).isEqualTo(DeletionReason.UNMOVABLE);
        // The plan may delete it at once; the run holds it to the gate.
        assertThat(unmovable.earliestSeconds()).isZero();

        RunResult result = MigrationRun.execute(setup, 0);

        // Before the gate both 10 GB parts violate; the derived data goes at 3,600 + 1e10 / 1e10 = 3,601 s;
        // the videos copy from 3,600 s: 80.010 s copy, 10 s verification, 300 s freeze, then the source
        // is deleted in 1 s, so live compliance at 3,600 + 391.010 = 3,991.010 s.
        assertThat(violatingAt(result.series(), 60, GATE)).as("before the gate").containsOnly(20_000_000_000L);
        assertThat(violatingAt(result.series(), GATE + 60, GATE + 390))
                .as("after the unmovable deletion")
                .containsOnly(10_000_000_000L);
        assertThat(result.liveComplianceSeconds()).isCloseTo(GATE + 391.010, within(1e-6));
        assertThat(result.deletedByReason()).containsEntry("UNMOVABLE", 10_000_000_000L);
    }

    @Test
    void run_noApproval_deletesUnmovableDataAtOnce() {
        RunResult result = MigrationRun.execute(setup(ImmutableMap.of()), 0);

        // Without a gate the derived data goes in the first second (1e10 B at 1e10 B/s) and the videos
        // follow at 391.010 s.
        assertThat(violatingAt(result.series(), 60, 390)).containsOnly(10_000_000_000L);
        assertThat(result.liveComplianceSeconds()).isCloseTo(391.010, within(1e-6));
    }

    /** Returns the violating live bytes of the samples strictly between {@code from} and {@code to} seconds. */
    private static java.util.List<Long> violatingAt(TimeSeries series, double from, double to) {
        java.util.List<Long> values = new java.util.ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            if (series.seconds(i) > from && series.seconds(i) < to) {
                values.add(series.violatingTotal(i));
            }
        }
        assertThat(values).as("samples in (%s, %s)", from, to).isNotEmpty();
        return values;
    }
}
