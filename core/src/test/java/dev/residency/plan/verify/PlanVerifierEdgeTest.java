package dev.residency.plan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.LinkWindow;
import dev.residency.plan.verify.PlanVerifierChecksTest.Draft;
import dev.residency.plan.verify.PlanVerifierChecksTest.Fixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The edges of {@link PlanVerifier}'s checks: a plan exactly at a limit passes, a hair past it fails,
 * and the result keeps at most {@link PlanVerifier#MAX_MESSAGES} messages. The instance and the valid
 * plan are those of {@link PlanVerifierChecksTest} (sites sg, jp, us1, us2; links of 100 B/s; records of
 * 100 B; batches sg>us1 [0,1] and [1,2] s, us1>us2 [2,3] and [3,4] s).
 */
final class PlanVerifierEdgeTest {

    private static final int SG = 0;
    private static final int US1 = 2;
    private static final int US2 = 3;

    private static VerificationResult verify(Fixture fixture, Draft plan) {
        return PlanVerifier.verify(plan.build(), fixture.problem());
    }

    private static Fixture withWindow(String from, String to, long startMillis, long endMillis) {
        return Fixture.standard()
                .withOptions(o -> o.maintenance(
                        new LinkWindow(from, to, Duration.ofMillis(startMillis), Duration.ofMillis(endMillis))));
    }

    @Test
    void verify_sixtyViolations_keepsFiftyMessagesAndCountsSixty() {
        // Record r3 has no copy at us2: each of 60 deletions of it there is one DELETION_NO_COPY, and
        // nothing else changes (the plan's byte totals are summed from its deletions).
        Draft d = PlanVerifierChecksTest.valid();
        for (int k = 0; k < 60; k++) {
            d.delete(US2, DeletionReason.UNMOVABLE, -1, 0, 3);
        }

        VerificationResult result = verify(Fixture.standard(), d);

        assertThat(result.violationCount()).isEqualTo(60);
        assertThat(result.violations()).hasSize(PlanVerifier.MAX_MESSAGES).hasSize(50);
        assertThat(result.violations().get(0)).isEqualTo("deletion (UNMOVABLE) of record 3 at us2: no copy is there");
        assertThat(result.failedChecks()).containsExactly(VerificationCheck.DELETION_NO_COPY);
        assertThat(result.isValid()).isFalse();
    }

    @Test
    void verify_fiftyViolations_keepsEveryMessage() {
        Draft d = PlanVerifierChecksTest.valid();
        for (int k = 0; k < 50; k++) {
            d.delete(US2, DeletionReason.UNMOVABLE, -1, 0, 3);
        }

        VerificationResult result = verify(Fixture.standard(), d);

        assertThat(result.violationCount()).isEqualTo(50);
        assertThat(result.violations()).hasSize(50);
    }

    @Test
    void toString_namesValidOrEachViolation() {
        VerificationResult valid = new VerificationResult(ImmutableList.of(), 0, ImmutableSet.of());
        VerificationResult two = new VerificationResult(
                ImmutableList.of("a", "b"), 3, ImmutableSet.of(VerificationCheck.STORAGE, VerificationCheck.MAKESPAN));

        assertThat(valid).hasToString("valid");
        assertThat(valid.isValid()).isTrue();
        assertThat(two).hasToString("3 violation(s):\n  a\n  b");
        assertThat(two.isValid()).isFalse();
        // The result keeps its checks in declaration order, whatever the order given.
        assertThat(two.failedChecks()).containsExactly(VerificationCheck.MAKESPAN, VerificationCheck.STORAGE);
    }

    @Test
    void verify_windowEndingAsBatchStarts_passes() {
        // us1-us2 down over [0, 2) s; batch 2 uses us1>us2 from 2 s: start < close is false.
        assertThat(verify(withWindow("us1", "us2", 0, 2_000), PlanVerifierChecksTest.valid())
                        .failedChecks())
                .isEmpty();
    }

    @Test
    void verify_windowStartingAsBatchEnds_passes() {
        // us1-us2 down from 4 s; batch 3 uses us1>us2 until 4 s: end > open is false.
        assertThat(verify(withWindow("us1", "us2", 4_000, 5_000), PlanVerifierChecksTest.valid())
                        .failedChecks())
                .isEmpty();
    }

    @Test
    void verify_windowNamedInReverse_stillClosesTheLink() {
        // The window names us2-us1; the link is the same, so batch 2 (us1>us2, [2,3] s) uses it at 2.5 s.
        VerificationResult result = verify(withWindow("us2", "us1", 2_400, 2_600), PlanVerifierChecksTest.valid());

        assertThat(result.failedChecks()).containsExactly(VerificationCheck.MAINTENANCE);
        assertThat(result.violationCount()).isEqualTo(1);
        assertThat(result.violations()).containsExactly("batch 2 uses link us2-us1 during its maintenance window");
    }

    @Test
    void verify_windowOnAnotherLink_passes() {
        // sg-jp is used by no batch.
        assertThat(verify(withWindow("sg", "jp", 0, 10_000), PlanVerifierChecksTest.valid())
                        .failedChecks())
                .isEmpty();
    }

    @Test
    void verify_storageExactlyFull_passes() {
        // us1 holds r4, r5, r8, r9 and r10 (500 B); batches 0 and 1 reserve 100 B each: 700 B at 1 s.
        Fixture full = new Fixture(700, 1e12, 1e12, false, o -> o);
        assertThat(verify(full, PlanVerifierChecksTest.valid()).failedChecks()).isEmpty();
    }

    @Test
    void verify_storageOneByteShort_failsAndNamesTheLoad() {
        Fixture tight = new Fixture(699, 1e12, 1e12, false, o -> o);

        VerificationResult result = verify(tight, PlanVerifierChecksTest.valid());

        assertThat(result.failedChecks()).containsExactly(VerificationCheck.STORAGE);
        assertThat(result.violations()).containsExactly("site us1 would store 700 bytes at t=1.0s, above its 699");
    }

    @Test
    void verify_storageUsedOutsideTheStore_counts() {
        // 700 B of room, 1 B used by other data: the 700 B the plan needs no longer fit.
        Fixture used = new Fixture(700, 1e12, 1e12, false, o -> o.usedBytesOutsideStore("us1", 1));

        VerificationResult result = verify(used, PlanVerifierChecksTest.valid());

        assertThat(result.failedChecks()).containsExactly(VerificationCheck.STORAGE);
        assertThat(result.violations()).containsExactly("site us1 would store 701 bytes at t=1.0s, above its 700");
    }

    @Test
    void verify_storageUsedOutsideOnAnotherSite_doesNotCount() {
        Fixture used = new Fixture(700, 1e12, 1e12, false, o -> o.usedBytesOutsideStore("jp", 1_000));
        assertThat(verify(used, PlanVerifierChecksTest.valid()).failedChecks()).isEmpty();
    }

    @Test
    void verify_ingestExactlyAtLimit_passes() {
        // us1 ingests 100 B/s; batches 0 and 1 arrive one after the other at 100 B/s each.
        Fixture exact = new Fixture(1L << 40, 100, 1e12, false, o -> o);
        assertThat(verify(exact, PlanVerifierChecksTest.valid()).failedChecks()).isEmpty();
    }

    @Test
    void verify_rateWithinTolerance_passesAndBeyondFails() {
        // Batch 0 moves 100 B in 1 / (1 + 5e-7) s: 100.00005 B/s, within the relative 1e-6 of 100 B/s;
        // in 1 / (1 + 1e-5) s it is 100.001 B/s, beyond it.
        Draft within = PlanVerifierChecksTest.valid();
        within.batches.set(0, within.batch(0, within.route(SG, US1), 0, 1 / (1 + 5e-7), 100, 0));
        Draft beyond = PlanVerifierChecksTest.valid();
        beyond.batches.set(0, beyond.batch(0, beyond.route(SG, US1), 0, 1 / (1 + 1e-5), 100, 0));

        assertThat(verify(Fixture.standard(), within).failedChecks()).isEmpty();
        VerificationResult result = verify(Fixture.standard(), beyond);
        assertThat(result.failedChecks()).containsExactly(VerificationCheck.LINK_BANDWIDTH);
        assertThat(result.violations())
                .containsExactly("arc sg>us1 carries 100.001 B/s at t=0.000s, above its 100.000 B/s");
    }

    @Test
    void verify_batchStartingAtReadyTime_passes() {
        // us2 ready at 2 s; batch 2 (us1>us2) starts at exactly 2 s.
        Fixture ready = Fixture.standard().withOptions(o -> o.siteReadyAt("us2", Duration.ofSeconds(2)));
        assertThat(verify(ready, PlanVerifierChecksTest.valid()).failedChecks()).isEmpty();
    }

    @Test
    void verify_transitSiteNotReady_fails() {
        // r0 goes sg>jp>us2 instead: jp is ready at 0.5 s and the batch starts at 0.
        Fixture late = Fixture.standard().withOptions(o -> o.siteReadyAt("jp", Duration.ofMillis(500)));
        Draft d = PlanVerifierChecksTest.valid();
        d.batches.set(0, d.batch(0, d.route(SG, 1, US2), 0, 1, 100, 0));

        VerificationResult result = verify(late, d);

        assertThat(result.failedChecks()).containsExactly(VerificationCheck.BATCH_BEFORE_READY);
        assertThat(result.violations())
                .containsExactly("batch 0 starts at 0.0s, before a site on its route is ready at 0.5s");
    }

    @Test
    void verify_hardDeadlineAtLastBatchEnd_passes() {
        Fixture deadline = Fixture.standard()
                .withOptions(o -> o.deadline(Duration.ofSeconds(4)).hardDeadline(true));
        assertThat(verify(deadline, PlanVerifierChecksTest.valid()).failedChecks())
                .isEmpty();
    }

    @Test
    void verify_softDeadlineBeforeLastBatchEnd_passes() {
        Fixture soft = Fixture.standard().withOptions(o -> o.deadline(Duration.ofSeconds(1)));
        assertThat(verify(soft, PlanVerifierChecksTest.valid()).failedChecks()).isEmpty();
    }

    @Test
    void verify_approvalAtFirstBatchStart_passes() {
        Fixture approved =
                Fixture.standard().withOptions(o -> o.approvalAt(dev.residency.geo.Jurisdiction.US, Duration.ZERO));
        assertThat(verify(approved, PlanVerifierChecksTest.valid()).failedChecks())
                .isEmpty();
    }

    @Test
    void verify_lowerBoundEqualToMakespan_passes() {
        Draft d = PlanVerifierChecksTest.valid();
        d.lowerBound = 4;
        assertThat(verify(Fixture.standard(), d).failedChecks()).isEmpty();
    }
}
