package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.sim.report.CostKind;
import dev.residency.sim.report.CostSummary;
import dev.residency.sim.report.RunCosts;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.report.SiteCost;
import dev.residency.sim.scenario.Backups;
import dev.residency.sim.scenario.CostInputs;
import dev.residency.sim.scenario.LiveWrites;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * A run's cost worked out by hand on the one-batch timeline of {@link MigrationRunAnalyticTest}: 10 GB
 * at sg copied to us over a 1 Gbps link with 10 ms latency (arrives at 80.010 s), verified (10 s),
 * frozen (300 s), the source deleted in 1 s (live compliance at 391.010 s) and its backup kept an hour
 * (the run ends at 3,991.010 s). A month is 365.2425 / 12 days = 2,629,746 s; a GB is 10^9 bytes.
 */
final class RunCostTest {

    private static final double MONTH = 2_629_746;
    private static final double END = 0.010 + 80 + 10 + 300 + 1 + 3_600;

    private static MigrationSetup setup(CostInputs costs, LiveWrites writes) {
        Topology topology = MigrationFixtures.oneLink();
        RecordStore.Builder builder = RecordStore.builder(topology, 10);
        for (int i = 0; i < 10; i++) {
            builder.add(i, Jurisdiction.US, Category.VIDEOS, 1_000_000_000L, false, 0);
        }
        RecordStore store = builder.build();
        ResidencyPolicy policy = MigrationFixtures.usInUs();
        RunSettings.Builder run = RunSettings.builder(MigrationFixtures.START)
                .replications(1)
                .verificationRate(new Bandwidth(1e9))
                .deletionRate(new Bandwidth(1e10))
                .deletionFailureProbability(0)
                .writeFreeze(Duration.ofSeconds(300))
                .backups(new Backups(Duration.ofHours(1), false))
                .costs(costs);
        if (writes != null) {
            run.liveWrites(Jurisdiction.US, writes).catchUpThresholdBytes(10_000_000L);
        }
        return MigrationSetup.prepare(
                MigrationFixtures.scenario("costs", topology, policy, PlanningSettings.defaults(), run.build()),
                store,
                MigrationFixtures.plan(store, policy, 1_000_000_000_000L));
    }

    private static CostInputs prices() {
        return new CostInputs(
                ImmutableMap.of("sg", 0.03, "us", 0.02),
                ImmutableMap.of("us", 1_000_000.0),
                OptionalDouble.of(10_000),
                OptionalDouble.of(500));
    }

    @Test
    void costs_oneBatchWithBackups_matchHandArithmetic() {
        RunResult result = MigrationRun.execute(setup(prices(), null), 0);
        RunCosts costs = result.costs();

        assertThat(result.endSeconds()).isCloseTo(END, within(1e-6));
        SiteCost sg = costs.sites().get(0);
        SiteCost us = costs.sites().get(1);
        // sg holds the 1e10 B from 0 until the deletion at 391.010 s, then as a backup until 3,991.010 s.
        assertThat(sg.heldByteSeconds()).isCloseTo(1e10 * 3_991.010, within(1.0));
        // us holds the copy from its arrival at 80.010 s to the end: 3,911 s.
        assertThat(us.heldByteSeconds()).isCloseTo(1e10 * 3_911, within(1.0));
        // 10 GB × 3,991.010 s / 2,629,746 s × US$ 0.03 = US$ 0.455289...
        assertThat(sg.storageUsd()).isCloseTo(10 * 3_991.010 / MONTH * 0.03, within(1e-9));
        // 10 GB × 3,911 s / 2,629,746 s × US$ 0.02 = US$ 0.297443...
        assertThat(us.storageUsd()).isCloseTo(10 * 3_911 / MONTH * 0.02, within(1e-9));
        // Egress from sg: 1e10 B / 2^30 B/GiB × US$ 0.02; nothing is sent from us.
        assertThat(sg.egressUsd()).isCloseTo(1e10 / (1L << 30) * 0.02, within(1e-9));
        assertThat(us.egressUsd()).isZero();
        assertThat(sg.buildUsd()).isNaN();
        assertThat(us.buildUsd()).isEqualTo(1_000_000);
        // Staff: 3,991.010 s / 2,629,746 s × US$ 10,000 per month.
        assertThat(costs.staffUsd()).isCloseTo(3_991.010 / MONTH * 10_000, within(1e-9));
        assertThat(costs.oneOffUsd()).isEqualTo(500);
        double storage = 10 * 3_991.010 / MONTH * 0.03 + 10 * 3_911 / MONTH * 0.02;
        double total = storage + 1e10 / (1L << 30) * 0.02 + 1_000_000 + 3_991.010 / MONTH * 10_000 + 500;
        assertThat(costs.usd(CostKind.STORAGE)).isCloseTo(storage, within(1e-9));
        assertThat(costs.totalUsd()).isCloseTo(total, within(1e-6));
        assertThat(result.egressCostUsd()).isCloseTo(costs.usd(CostKind.EGRESS), within(1e-12));
    }

    @Test
    void costs_liveWrites_areLeftOutOfStorage() {
        // With live writes, the catch-up rounds copy them and the source deletion removes them too;
        // storage counts only the population's 1e10 B, so sg's holding still ends with the deletion.
        RunResult result = MigrationRun.execute(setup(prices(), new LiveWrites(8_640_000_000L, 0)), 0);
        RunCosts costs = result.costs();
        double deleted = result.liveComplianceSeconds();
        double end = result.endSeconds();

        assertThat(result.catchUpBytes()).isPositive();
        assertThat(costs.sites().get(0).heldByteSeconds()).isCloseTo(1e10 * end, within(1.0));
        assertThat(end - deleted).isCloseTo(3_600, within(1e-6));
        double arrival = result.batches().get(0).copyEnd();
        assertThat(costs.sites().get(1).heldByteSeconds()).isCloseTo(1e10 * (end - arrival), within(1.0));
    }

    @Test
    void costs_noInputs_areNotModelledButHoldingsAreMeasured() {
        RunResult result = MigrationRun.execute(setup(CostInputs.NONE, null), 0);
        RunCosts costs = result.costs();

        assertThat(costs.usd(CostKind.STORAGE)).isNaN();
        assertThat(costs.usd(CostKind.BUILD)).isNaN();
        assertThat(costs.staffUsd()).isNaN();
        assertThat(costs.oneOffUsd()).isNaN();
        // The fixture's link has an egress price, so egress alone is modelled.
        assertThat(costs.totalUsd()).isEqualTo(costs.usd(CostKind.EGRESS));
        assertThat(costs.sites().get(0).heldByteSeconds()).isCloseTo(1e10 * END, within(1.0));

        CostSummary summary = CostSummary.of(List.of(result, result));
        assertThat(summary.modelled(CostKind.STORAGE)).isFalse();
        assertThat(summary.modelled(CostKind.EGRESS)).isTrue();
        assertThat(summary.sites().get(1).gbMonths().mean()).isCloseTo(10 * 3_911 / MONTH, within(1e-9));
    }
}
