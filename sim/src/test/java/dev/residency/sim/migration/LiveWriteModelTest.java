package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.MigrationPlan;
import dev.residency.sim.scenario.LiveWrites;
import dev.residency.topology.Topology;
import org.junit.jupiter.api.Test;

/** The live-write model on its own, worked out by hand: linear writes plus the growth of sign-ups. */
final class LiveWriteModelTest {

    @Test
    void writtenBy_tenUsersWithSignups_isLinearPlusQuadraticGrowth() {
        Topology topology = MigrationFixtures.oneLink();
        RecordStore.Builder builder = RecordStore.builder(topology, 10);
        for (int i = 0; i < 10; i++) {
            builder.add(i, Jurisdiction.US, Category.VIDEOS, 1_000_000_000L, false, 0);
        }
        RecordStore store = builder.build();
        MigrationPlan plan = MigrationFixtures.plan(store, MigrationFixtures.usInUs(), 1_000_000_000_000L);
        LiveWriteModel model =
                LiveWriteModel.of(ImmutableMap.of(Jurisdiction.US, new LiveWrites(8_640_000_000L, 0.5)), store, plan);

        // One batch holds all ten users. B = 8.64e9 B per user per day, s = 0.5 per day: after one day
        // u0 B (1 + s / 2) = 10 × 8.64e9 × 1.25 = 1.08e11 B; after two days 10 × 8.64e9 × (2 + 0.5 × 4 / 2)
        // = 2.592e11 B.
        assertThat(plan.batches()).hasSize(1);
        assertThat(model.writtenBy(0, 0, 86_400)).isCloseTo(1.08e11, within(1.0));
        assertThat(model.writtenTotalBy(0, 2 * 86_400)).isCloseTo(2.592e11, within(1.0));
        assertThat(model.writtenBy(0, 86_400)).containsExactly(108_000_000_000L);
        assertThat(model.writes(0)).isTrue();
        assertThat(LiveWriteModel.of(ImmutableMap.of(), store, plan).writes(0)).isFalse();
    }
}
