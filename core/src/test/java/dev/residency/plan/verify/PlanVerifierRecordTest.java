package dev.residency.plan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.plan.DeletionReason;
import dev.residency.plan.verify.PlanVerifierChecksTest.Draft;
import dev.residency.plan.verify.PlanVerifierChecksTest.Fixture;
import org.junit.jupiter.api.Test;

/**
 * The per-record checks of {@link PlanVerifier} where the answer depends on which copies are counted and
 * in which order a record's events are taken, on the instance and valid plan of {@link
 * PlanVerifierChecksTest} (r5: US videos at sg and us1, one compliant copy needed, its sg copy deleted
 * as an excess replica at 0 s).
 */
final class PlanVerifierRecordTest {

    private static final int SG = 0;
    private static final int JP = 1;
    private static final int US1 = 2;
    private static final int US2 = 3;

    private static int deletionOfRecord5AtSg(Draft d) {
        for (int k = 0; k < d.deletions.size(); k++) {
            if (d.deletions.get(k).site() == SG && d.deletions.get(k).records().contains(5)) {
                return k;
            }
        }
        throw new AssertionError("the valid plan deletes r5 at sg");
    }

    @Test
    void verify_excessReplicaDeletedLeavingOnlyANonCompliantCopy_countsNoCompliantCopy() {
        // r5's us1 copy (compliant) is deleted as an excess replica instead of its sg copy: what is left,
        // sg, is not in the US, so 0 compliant copies remain of the 1 the rule needs.
        Draft d = PlanVerifierChecksTest.valid();
        d.deletions.set(deletionOfRecord5AtSg(d), Draft.deletion(US1, DeletionReason.EXCESS_REPLICA, -1, 0, 5));

        VerificationResult result =
                PlanVerifier.verify(d.build(), Fixture.standard().problem());

        assertThat(result.failedChecks())
                .contains(VerificationCheck.DELETION_COMPLIANT_COPY, VerificationCheck.EXCESS_REPLICA_TOO_FEW_COPIES);
        assertThat(result.violations())
                .contains("deletion (EXCESS_REPLICA) of record 5 at us1: leaves 0 compliant copies, the rule needs 1");
    }

    @Test
    void verify_copyFromASiteAfterItsCopyWasDeleted_isNotHeld() {
        // r5 is deleted at sg at 0 s (valid plan); a later batch, sg>jp>us2 over [5, 6] s, copies it from
        // sg. Taken in time order the deletion comes first, so sg no longer holds r5 when the copy runs
        // (taking the copy first, whatever its time, would find it held).
        Draft d = PlanVerifierChecksTest.valid().batch(5, 6, new int[] {SG, JP, US2}, 5);

        VerificationResult result =
                PlanVerifier.verify(d.build(), Fixture.standard().problem());

        assertThat(result.failedChecks()).contains(VerificationCheck.SOURCE_NOT_HELD);
        assertThat(result.violations())
                .contains("batch 4 copies record 5 from sg, which does not hold it for the whole copy");
    }
}
