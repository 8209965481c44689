package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.TransferBatch;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.topology.Topology;
import org.junit.jupiter.api.Test;

/**
 * The simulator does not run legs through staging copies yet (holdover at a transit site): a plan with
 * one is refused before any work starts, with the batch named, instead of being run as independent
 * batches (which would cut data over at its staging site).
 */
final class MultiLegRefusalTest {

    @Test
    void prepare_planWithStagingLeg_isRefusedNamingTheBatch() {
        Topology topology = MigrationFixtures.oneLink();
        RecordStore.Builder builder = RecordStore.builder(topology, 10);
        for (int i = 0; i < 10; i++) {
            builder.add(i, Jurisdiction.US, Category.VIDEOS, 1_000_000_000L, false, 0);
        }
        RecordStore store = builder.build();
        MigrationPlan plan = MigrationFixtures.plan(store, MigrationFixtures.usInUs(), 10_000_000_000L);
        TransferBatch b = plan.batches().get(0);
        TransferBatch staged = new TransferBatch(
                b.id(),
                b.wave(),
                b.source(),
                b.destination(),
                b.route(),
                b.records(),
                b.bytes(),
                b.plannedStartSeconds(),
                b.plannedEndSeconds(),
                -1,
                true);
        MigrationPlan withLeg = new MigrationPlan(
                plan.planner(),
                plan.classification(),
                ImmutableList.of(staged),
                plan.deletions(),
                plan.blocked(),
                plan.makespanSeconds(),
                plan.lowerBoundSeconds(),
                plan.egressCostUsd(),
                0,
                plan.bytesToDeleteByReason(),
                plan.violatingBytesAtDeadline(),
                plan.method(),
                plan.areaByteSeconds(),
                plan.areaLowerBoundByteSeconds(),
                plan.parts());
        RunSettings run =
                RunSettings.builder(MigrationFixtures.START).replications(1).build();

        assertThatThrownBy(() -> MigrationSetup.prepare(
                        MigrationFixtures.scenario(
                                "staging", topology, MigrationFixtures.usInUs(), PlanningSettings.defaults(), run),
                        store,
                        withLeg))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plan batch 0 is a leg of data that waits at a transit site");
    }
}
