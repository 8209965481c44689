package dev.residency.plan.verify;

import static dev.residency.plan.verify.PlanEdits.withEgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.residency.geo.Jurisdiction;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.TransferBatch;
import dev.residency.plan.internal.solve.FlowPlanner;
import dev.residency.plan.verify.PlanVerifierChecksTest.Draft;
import dev.residency.plan.verify.PlanVerifierChecksTest.Fixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The verifier's tolerances, taken exactly at their edge and on both sides: a time compared with
 * another less {@code 1e-6} s (ready times, approvals, a deletion waiting for its batch), the hard
 * deadline and the lower bound with a relative {@code 1e-6}, and the plan's stated makespan and egress
 * cost, which may differ from the batches' by a relative {@code 1e-6} of their value (absolute below
 * 1). The edge values are written as the documented tolerance, not taken from the verifier. Most cases
 * use the instance and valid plan of {@link PlanVerifierChecksTest} (batches sg>us1 [0,1] and [1,2] s,
 * us1>us2 [2,3] and [3,4] s; makespan 4 s); the egress cases need a cost above 1 USD and use a planned
 * instance of 10 GB.
 */
final class PlanVerifierToleranceTest {

    /** The verifier's documented tolerance: seconds for times, relative for totals. */
    private static final double TOLERANCE = 1e-6;

    private static final int SG = 0;
    private static final int US1 = 2;
    private static final int US2 = 3;
    private static final long GB = 1_000_000_000L;

    private static VerificationResult verify(Fixture fixture, Draft plan) {
        return PlanVerifier.verify(plan.build(), fixture.problem());
    }

    @Test
    void verify_batchStartingOneToleranceBeforeItsDestinationIsReady_passes() {
        // us1 is ready at 1,000 ns = 1e-6 s; batch 0 starts at 0, exactly the tolerance early.
        Fixture ready = Fixture.standard().withOptions(o -> o.siteReadyAt("us1", Duration.ofNanos(1_000)));
        Fixture later = Fixture.standard().withOptions(o -> o.siteReadyAt("us1", Duration.ofNanos(1_001)));

        assertThat(verify(ready, PlanVerifierChecksTest.valid()).failedChecks()).isEmpty();
        assertThat(verify(later, PlanVerifierChecksTest.valid()).failedChecks())
                .containsExactly(VerificationCheck.BATCH_BEFORE_READY);
    }

    @Test
    void verify_batchOfNoBytesBeforeReady_isNotEarly() {
        // us1 ready at 0.5 s; batch 0 [0, 1] s made a batch of 0 B (BATCH_BYTES: its record holds 100).
        Fixture ready = Fixture.standard().withOptions(o -> o.siteReadyAt("us1", Duration.ofMillis(500)));
        Draft d = PlanVerifierChecksTest.valid();
        d.batches.set(0, d.batch(0, d.route(SG, US1), 0, 1, 0, 0));

        assertThat(verify(ready, d).failedChecks())
                .contains(VerificationCheck.BATCH_BYTES)
                .doesNotContain(VerificationCheck.BATCH_BEFORE_READY);
    }

    @Test
    void verify_batchEndingARelativeToleranceAfterTheHardDeadline_passes() {
        // Hard deadline 4 s; batch 3 ends at 4 (1 + 1e-6) s, exactly at the edge, or 1 ulp later.
        Fixture deadline = Fixture.standard()
                .withOptions(o -> o.deadline(Duration.ofSeconds(4)).hardDeadline(true));
        double edge = 4 * (1 + TOLERANCE);
        Draft atEdge = withLastBatchEnding(edge);
        Draft past = withLastBatchEnding(Math.nextUp(edge));

        assertThat(verify(deadline, atEdge).failedChecks()).isEmpty();
        assertThat(verify(deadline, past).failedChecks()).containsExactly(VerificationCheck.BATCH_AFTER_HARD_DEADLINE);
    }

    @Test
    void verify_deletionOneToleranceBeforeItsBatchEnds_isNotBeforeItsBatch() {
        // r0 is deleted at sg 1e-6 s before batch 0 (its copy to us1) ends at 1 s: within the tolerance
        // of the deletion's own check; 2e-6 s early is beyond it. The record's events are ordered by time
        // without a tolerance, so in both cases the deletion comes before the copy lands and the
        // record's checks fail (the source is not held for the whole copy, the copy does not precede
        // the deletion, the last copy is removed).
        Draft atEdge = PlanVerifierChecksTest.valid();
        atEdge.deletions.set(0, Draft.deletion(SG, DeletionReason.AFTER_MOVE, 0, 1 - TOLERANCE, 0));
        Draft early = PlanVerifierChecksTest.valid();
        early.deletions.set(0, Draft.deletion(SG, DeletionReason.AFTER_MOVE, 0, 1 - 2 * TOLERANCE, 0));

        assertThat(verify(Fixture.standard(), atEdge).failedChecks())
                .containsExactly(
                        VerificationCheck.SOURCE_NOT_HELD,
                        VerificationCheck.AFTER_MOVE_WITHOUT_COPY,
                        VerificationCheck.AFTER_MOVE_TOO_FEW_COPIES,
                        VerificationCheck.LAST_COPY_REMOVED);
        assertThat(verify(Fixture.standard(), early).failedChecks())
                .containsExactly(
                        VerificationCheck.DELETION_BEFORE_BATCH,
                        VerificationCheck.SOURCE_NOT_HELD,
                        VerificationCheck.AFTER_MOVE_WITHOUT_COPY,
                        VerificationCheck.AFTER_MOVE_TOO_FEW_COPIES,
                        VerificationCheck.LAST_COPY_REMOVED);
    }

    @Test
    void verify_deletionWaitingForTheBatchJustPastTheLast_namesItUnknown() {
        // The plan has batches 0 to 3; a deletion waiting for batch 4 waits for none.
        Draft d = PlanVerifierChecksTest.valid();
        d.deletions.set(0, Draft.deletion(SG, DeletionReason.AFTER_MOVE, 4, 1, 0));

        VerificationResult result = verify(Fixture.standard(), d);

        assertThat(result.failedChecks()).contains(VerificationCheck.DELETION_UNKNOWN_BATCH);
        assertThat(result.violations()).contains("deletion at site 0 waits for unknown batch 4");
    }

    @Test
    void verify_batchStartingOneToleranceBeforeApproval_passes() {
        // US approval at 1,000 ns; batch 0 moves US record r0 from 0 s.
        Fixture approved = Fixture.standard().withOptions(o -> o.approvalAt(Jurisdiction.US, Duration.ofNanos(1_000)));
        Fixture later = Fixture.standard().withOptions(o -> o.approvalAt(Jurisdiction.US, Duration.ofNanos(1_001)));

        assertThat(verify(approved, PlanVerifierChecksTest.valid()).failedChecks())
                .isEmpty();
        assertThat(verify(later, PlanVerifierChecksTest.valid()).failedChecks())
                .containsExactly(VerificationCheck.BEFORE_APPROVAL);
    }

    @Test
    void verify_statedMakespanWithinARelativeTolerance_passes() {
        // The last batch ends at 4 s: 4 (1 + 5e-7) s is 2e-6 s off, within 1e-6 × 4 s; 4 (1 + 2e-6) s is
        // 8e-6 s off, beyond it.
        Draft within = PlanVerifierChecksTest.valid();
        within.makespan = 4 * (1 + 5e-7);
        Draft beyond = PlanVerifierChecksTest.valid();
        beyond.makespan = 4 * (1 + 2e-6);

        assertThat(verify(Fixture.standard(), within).failedChecks()).isEmpty();
        assertThat(verify(Fixture.standard(), beyond).failedChecks()).containsExactly(VerificationCheck.MAKESPAN);
    }

    @Test
    void verify_lowerBoundWithinRelativeAndAbsoluteTolerance_passes() {
        // Makespan 4 s: a lower bound may exceed it by 4 × 1e-6 + 1e-6 = 5e-6 s.
        Draft within = PlanVerifierChecksTest.valid();
        within.lowerBound = 4 + 4.5e-6;
        Draft beyond = PlanVerifierChecksTest.valid();
        beyond.lowerBound = 4 + 5.5e-6;

        assertThat(verify(Fixture.standard(), within).failedChecks()).isEmpty();
        VerificationResult result = verify(Fixture.standard(), beyond);
        assertThat(result.failedChecks()).containsExactly(VerificationCheck.LOWER_BOUND);
        assertThat(result.violations()).containsExactly("lower bound " + (4 + 5.5e-6) + "s exceeds the makespan 4.0s");
    }

    @Test
    void verify_egressCostAboveOneDollar_isComparedRelatively() {
        // Ten records of 1 GB over one link at 1 USD/GiB: 10^10 / 2^30 = 9.3132 USD. The stated cost may
        // differ by 1e-6 of it (9.3e-6 USD): 5e-7 relative passes, 2e-6 relative fails.
        PlanningProblem problem = PlanVerifierTest.problem(1L << 50, 1.0);
        MigrationPlan plan = new FlowPlanner().plan(problem);
        double byHand = 10 * GB / (1024.0 * 1024 * 1024);
        assertThat(plan.batches().stream().mapToLong(TransferBatch::bytes).sum())
                .isEqualTo(10 * GB);
        assertThat(plan.egressCostUsd()).isCloseTo(byHand, within(1e-9));

        assertThat(PlanVerifier.verify(plan, problem).failedChecks()).isEmpty();
        assertThat(PlanVerifier.verify(withEgress(plan, byHand * (1 + 5e-7)), problem)
                        .failedChecks())
                .isEmpty();
        assertThat(PlanVerifier.verify(withEgress(plan, byHand * (1 + 2e-6)), problem)
                        .failedChecks())
                .containsExactly(VerificationCheck.EGRESS_COST);
        assertThat(PlanVerifier.verify(withEgress(plan, 0), problem).failedChecks())
                .containsExactly(VerificationCheck.EGRESS_COST);
    }

    /** The valid plan with batch 3 (r10 us1>us2) and r10's deletion at sg, which waits for it, at {@code end}. */
    private static Draft withLastBatchEnding(double end) {
        Draft d = PlanVerifierChecksTest.valid();
        TransferBatch last = d.batches.get(3);
        d.batches.set(3, d.batch(3, d.route(US1, US2), last.plannedStartSeconds(), end, 100, 10));
        d.deletions.set(2, Draft.deletion(SG, DeletionReason.AFTER_MOVE, 3, end, 10));
        return d;
    }
}
