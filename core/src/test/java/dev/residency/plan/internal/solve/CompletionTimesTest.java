package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.keepIn;
import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.TransferBatch;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When batches count as moved ({@code PlanAssembler.completionSeconds}), seen through the bytes still
 * violating at a soft deadline: each destination verifies its batches one at a time in the order their
 * copies end, then cuts each over.
 *
 * <p>Instance (greedy planner, whose rates are not re-timed): one record in a and one in b, each over its
 * own 1,000 B/s link with 10 ms of latency into us, which verifies at 100 B/s; cut-over 5 s; target
 * batches of 1,000 B (one record each; under a hard deadline they set the copy deadline). With 1,000 B
 * in a and 2,000 B in b: copies end at 1.01 s and 2.01 s (the rates' margin of 10^-9 adds nanoseconds);
 * a is verified from 1.01 to 11.01 s, done at 16.01 s; b waits for the verifier until 11.01 s, is
 * verified by 31.01 s, done at 36.01 s.
 */
final class CompletionTimesTest {

    private static MigrationPlan plan(long bytesInA, long bytesInB, Duration deadline) {
        return plan(bytesInA, bytesInB, deadline, false);
    }

    private static MigrationPlan plan(long bytesInA, long bytesInB, Duration deadline, boolean hard) {
        Topology topology = Topology.of(
                List.of(site("a", "SG", 1L << 40), site("b", "SG", 1L << 40), site("us", "US", 1L << 40)),
                List.of(link("a", "us", 1_000, 0.0), link("b", "us", 1_000, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 2);
        store.add(0, Jurisdiction.US, Category.VIDEOS, bytesInA, false, 0);
        store.add(1, Jurisdiction.US, Category.VIDEOS, bytesInB, false, 1);
        PlanningProblem problem = PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US))
                .options(PlanOptions.builder()
                        .deadline(deadline)
                        .hardDeadline(hard)
                        .targetBatchBytes(1_000)
                        .verificationRate(Bandwidth.ofBytesPerSecond(100))
                        .cutOverTime(Duration.ofSeconds(5))
                        .build())
                .build();
        return new GreedyPlanner().plan(problem);
    }

    @Test
    void deadlineAfterFirstCutOver_onlyTheSecondStillViolates() {
        // At 20 s: a is done (16.01 s), b is not (36.01 s): 2,000 B still violate.
        assertThat(plan(1_000, 2_000, Duration.ofSeconds(20)).violatingBytesAtDeadline())
                .isEqualTo(2_000);
    }

    @Test
    void deadlineAfterFirstCutOver_mirrored_onlyTheSecondStillViolates() {
        // The same with the sizes swapped: b's 1,000 B copy ends first (1.01 s) and is verified first, done
        // at 16.01 s; a's 2,000 B are done at 36.01 s. Verifying in the order of the sites instead would
        // leave both late.
        assertThat(plan(2_000, 1_000, Duration.ofSeconds(20)).violatingBytesAtDeadline())
                .isEqualTo(2_000);
    }

    @Test
    void deadlineBeforeFirstCutOver_bothStillViolate() {
        // At 15 s the first batch is verified (11.01 s) but not cut over (16.01 s): all 3,000 B violate.
        assertThat(plan(1_000, 2_000, Duration.ofSeconds(15)).violatingBytesAtDeadline())
                .isEqualTo(3_000);
    }

    @Test
    void deadlineAfterBoth_nothingViolates() {
        assertThat(plan(1_000, 2_000, Duration.ofSeconds(37)).violatingBytesAtDeadline())
                .isZero();
    }

    @Test
    void hardDeadline_batchDoneAfterIt_isDroppedAndDeletedForTheDeadline() {
        // Hard deadline 20 s. Target batches of 1,000 B make the copy deadline 20 - (1,000 / 100 + 5) = 5 s,
        // which both copies meet (1.01 s and 2.01 s). a is done at 16.01 s and stays; b would be done at
        // 36.01 s, so its batch is dropped and its 2,000 B are deleted for the deadline instead. Nothing
        // violates at the deadline.
        MigrationPlan plan = plan(1_000, 2_000, Duration.ofSeconds(20), true);

        assertThat(plan.batches()).extracting(TransferBatch::bytes).containsExactly(1_000L);
        assertThat(plan.bytesToDeleteByReason())
                .containsEntry(DeletionReason.DEADLINE, 2_000L)
                .containsEntry(DeletionReason.AFTER_MOVE, 1_000L);
        assertThat(plan.violatingBytesAtDeadline()).isZero();
    }
}
