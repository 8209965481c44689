package dev.residency.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.primitives.ImmutableIntArray;
import dev.residency.topology.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link MigrationPlan#legsBefore}, the one walk along {@link TransferBatch#previousLeg()}: on chains of
 * legs made by hand (sites 0..3 on a line, arc {@code k} from site {@code k} to {@code k + 1}), including
 * the malformed ones the verifier and the simulator's setup must survive to report.
 */
final class MigrationPlanLegsTest {

    /** A batch {@code from -> from + 1} over [start, start + 10] s of record 0 (10 B). */
    private static TransferBatch leg(int id, int from, double start, int previousLeg, boolean staging) {
        return new TransferBatch(
                id,
                0,
                from,
                from + 1,
                new Route(from, from + 1, ImmutableIntArray.of(from)),
                ImmutableIntArray.of(0),
                10,
                start,
                start + 10,
                previousLeg,
                staging);
    }

    private static MigrationPlan plan(TransferBatch... batches) {
        return PlanFixtures.decisionsOnly(List.of(batches), List.of(), List.of());
    }

    /** Ids of the legs before batch {@code b}, in the order the walk returns them. */
    private static List<Integer> idsBefore(MigrationPlan plan, int b) {
        return plan.legsBefore(plan.batches().get(b)).stream()
                .map(TransferBatch::id)
                .toList();
    }

    @Test
    void legsBefore_threeLegChain_returnsStagingLegsNearestFirst() {
        // Listed out of chain order: 0->1 is batch 2, 1->2 is batch 0, 2->3 (the last leg) is batch 1;
        // batch 3 is an ordinary one-leg batch 0->1.
        MigrationPlan plan =
                plan(leg(0, 1, 10, 2, true), leg(1, 2, 20, 0, false), leg(2, 0, 0, -1, true), leg(3, 0, 0, -1, false));

        assertThat(idsBefore(plan, 1)).containsExactly(0, 2);
        assertThat(idsBefore(plan, 0)).containsExactly(2);
        assertThat(idsBefore(plan, 2)).isEmpty();
        assertThat(idsBefore(plan, 3)).isEmpty();
    }

    @Test
    void legsBefore_previousLegNotAStagingCopy_endsThere() {
        // Batch 1 names batch 0, which makes no staging copy; batch 2 names a batch the plan lacks.
        MigrationPlan plan = plan(leg(0, 0, 0, -1, false), leg(1, 1, 10, 0, false), leg(2, 1, 10, 7, false));

        assertThat(idsBefore(plan, 1)).isEmpty();
        assertThat(idsBefore(plan, 2)).isEmpty();
    }

    @Test
    void legsBefore_chainThroughANonStagingBatch_keepsOnlyTheStagingLegsUpToIt() {
        // 2 <- 1 (staging) <- 0 (not staging) <- nothing: the walk stops at batch 0.
        MigrationPlan plan = plan(leg(0, 0, 0, -1, false), leg(1, 1, 10, 0, true), leg(2, 2, 20, 1, false));

        assertThat(idsBefore(plan, 2)).containsExactly(1);
    }

    @Test
    void legsBefore_cycleOfLegs_stopsAfterAsManyStepsAsThePlanHasBatches() {
        // Batches 0 and 1 continue each other's staging copies; batch 2 continues batch 1. Three batches,
        // so three steps from batch 2: 1, 0, 1. A chain without a cycle has at most two legs before its last.
        MigrationPlan plan = plan(leg(0, 1, 10, 1, true), leg(1, 0, 0, 0, true), leg(2, 1, 20, 1, false));

        assertThat(idsBefore(plan, 2)).containsExactly(1, 0, 1);
        assertThat(idsBefore(plan, 0)).containsExactly(1, 0, 1);
    }

    @Test
    void legsBefore_null_isRefusedNamingTheArgument() {
        MigrationPlan plan = plan(leg(0, 0, 0, -1, false));

        assertThatThrownBy(() -> plan.legsBefore(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("last");
    }
}
