package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.primitives.ImmutableIntArray;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanFixtures;
import dev.residency.plan.TransferBatch;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import dev.residency.topology.Route;
import dev.residency.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link MigrationSetup#prepare} refuses plans whose legs do not form chains (see {@link
 * dev.residency.plan.TransferBatch}), naming the batch, before any run starts: on {@link
 * MigrationFixtures#holdoverTopology()} (arc 0 {@code sg->jp}, arc 1 {@code jp->sg}, arc 2 {@code jp->us})
 * with one US record of 10 B at {@code sg}.
 */
final class MigrationSetupLegsTest {

    private static final int SG = 0;
    private static final int JP = 1;
    private static final int US = 2;

    private static TransferBatch leg(int id, int from, int to, int arc, int previousLeg, boolean staging) {
        return new TransferBatch(
                id,
                0,
                from,
                to,
                new Route(from, to, ImmutableIntArray.of(arc)),
                ImmutableIntArray.of(0),
                10,
                10 * id,
                10 * id + 10,
                previousLeg,
                staging);
    }

    private static MigrationSetup prepare(TransferBatch... batches) {
        Topology topology = MigrationFixtures.holdoverTopology();
        RecordStore store = RecordStore.builder(topology, 1)
                .add(0, Jurisdiction.US, Category.VIDEOS, 10, false, 0)
                .build();
        Scenario scenario = MigrationFixtures.scenario(
                "legs",
                topology,
                MultiLegRunTest.policy(),
                PlanningSettings.defaults(),
                RunSettings.builder(MigrationFixtures.START).build());
        MigrationPlan plan = PlanFixtures.decisionsOnly(List.of(batches), List.of(), List.of());
        return MigrationSetup.prepare(scenario, store, plan);
    }

    @Test
    void prepare_cycleOfLegs_isRefusedNamingTheBatch() {
        // sg->jp continues jp->sg's staging copy and jp->sg continues sg->jp's: each is continued once.
        assertThatThrownBy(() -> prepare(leg(0, SG, JP, 0, 1, true), leg(1, JP, SG, 1, 0, true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plan batch 0 is on a cycle of legs");
    }

    @Test
    void prepare_legContinuingNoStagingCopy_isRefused() {
        assertThatThrownBy(() -> prepare(leg(0, SG, JP, 0, -1, false), leg(1, JP, US, 2, 0, false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plan batch 1 continues batch 0");
    }

    @Test
    void prepare_stagingCopyContinuedByNoLeg_isRefused() {
        assertThatThrownBy(() -> prepare(leg(0, SG, JP, 0, -1, true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plan batch 0 makes a staging copy that no leg continues");
    }
}
