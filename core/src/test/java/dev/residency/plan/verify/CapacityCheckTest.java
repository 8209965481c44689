package dev.residency.plan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.plan.DeletionReason;
import dev.residency.plan.LinkWindow;
import dev.residency.plan.TransferBatch;
import dev.residency.plan.verify.PlanVerifierChecksTest.Draft;
import dev.residency.plan.verify.PlanVerifierChecksTest.Fixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The time sweeps of {@link CapacityCheck}, on the instance and valid plan of {@link
 * PlanVerifierChecksTest} (sites sg, jp, us1, us2; links of 100 B/s; records of 100 B; batches sg>us1
 * [0,1] and [1,2] s, us1>us2 [2,3] and [3,4] s; us1 holds 500 B before the plan): loads that only
 * exceed a limit when the events are taken in time order, a deletion freeing room, the resource a
 * violation is charged to and named by, batches of no bytes, and back-to-back batches whose times
 * differ by one rounding step.
 */
final class CapacityCheckTest {

    private static final int SG = 0;
    private static final int US1 = 2;

    private static VerificationResult verify(Fixture fixture, Draft plan) {
        return PlanVerifier.verify(plan.build(), fixture.problem());
    }

    private static Fixture us1Storage(long bytes) {
        return new Fixture(bytes, 1e12, 1e12, false, o -> o);
    }

    @Test
    void verify_twoBatchesOverlappingOnOneArc_sumsTheirRates() {
        // Batch 1 (sg>us1, 100 B/s) moved to [0.5, 1.5] s overlaps batch 0 ([0, 1] s) on the same arc:
        // 200 B/s from 0.5 s on a 100 B/s link. Listed in batch order, the events would read +100 at
        // 0, -100 at 1, +100 at 0.5: only the sort by time finds the overlap.
        Draft d = PlanVerifierChecksTest.valid();
        d.batches.set(1, d.batch(1, d.route(SG, US1), 0.5, 1.5, 100, 7));

        VerificationResult result = verify(Fixture.standard(), d);

        assertThat(result.failedChecks()).contains(VerificationCheck.LINK_BANDWIDTH);
        assertThat(result.violations()).contains("arc sg>us1 carries 200.000 B/s at t=0.500s, above its 100.000 B/s");
    }

    @Test
    void verify_ingestAboveLimit_isChargedToTheDestinationsIngestAndNamedSo() {
        // us1 ingests 50 B/s; batch 0 brings 100 B/s into it.
        VerificationResult result =
                verify(new Fixture(1L << 40, 50, 1e12, false, o -> o), PlanVerifierChecksTest.valid());

        assertThat(result.failedChecks()).containsExactly(VerificationCheck.SITE_INGEST);
        assertThat(result.violations())
                .containsExactly("ingest of us1 carries 100.000 B/s at t=0.000s, above its 50.0000 B/s");
    }

    @Test
    void verify_egressAboveLimit_isChargedToTheSourcesEgressAndNamedSo() {
        // sg sends 50 B/s at most; batch 0 takes 100 B/s out of it.
        VerificationResult result =
                verify(new Fixture(1L << 40, 1e12, 50, false, o -> o), PlanVerifierChecksTest.valid());

        assertThat(result.failedChecks()).containsExactly(VerificationCheck.SITE_EGRESS);
        assertThat(result.violations())
                .containsExactly("egress of sg carries 100.000 B/s at t=0.000s, above its 50.0000 B/s");
    }

    @Test
    void verify_ingestOfTheFirstSite_isAnIngestViolation() {
        // The first site's ingest is the first resource after the arcs. 150 batches of 100 B each copy
        // record 4 us1>sg within [0, 1e-8] s: 10^10 B/s each. The 101st one taken brings sg's ingest
        // to 1.01e12 B/s, above its 1e12 B/s (and us1's 1e12 B/s egress; the 100 B/s link is exceeded by
        // the first). The copies break record checks too; only the capacity checks are looked at here.
        Draft d = PlanVerifierChecksTest.valid();
        for (int k = 0; k < 150; k++) {
            d.batches.add(d.batch(d.batches.size(), d.route(US1, SG), 0, 1e-8, 100, 4));
        }

        VerificationResult result = verify(Fixture.standard(), d);

        assertThat(result.failedChecks())
                .contains(
                        VerificationCheck.LINK_BANDWIDTH, VerificationCheck.SITE_INGEST, VerificationCheck.SITE_EGRESS);
        assertThat(result.violations())
                .contains("ingest of sg carries 1.01000e+12 B/s at t=0.000s, above its 1.00000e+12 B/s")
                .contains("egress of us1 carries 1.01000e+12 B/s at t=0.000s, above its 1.00000e+12 B/s");
    }

    @Test
    void verify_backToBackBatchesOneRoundingStepApartAtAMillionSeconds_areNoOverlap() {
        // The valid plan shifted by 10^6 s, batch 0 (and the deletion waiting for it) ending one ulp after
        // 10^6 + 1 s, where batch 1 starts.
        // The sweep ends a batch 10^-9 of its end early (10^-3 s here), so the two do not overlap; a
        // margin of 10^-9 / end (10^-15 s) would be below half an ulp of 10^6 (1.2e-10) and leave them
        // overlapping at 200 B/s.
        double shift = 1e6;
        Draft d = PlanVerifierChecksTest.valid().retimed(t -> t + shift);
        TransferBatch first = d.batches.get(0);
        d.batches.set(
                0,
                d.batch(
                        0,
                        first.route(),
                        first.plannedStartSeconds(),
                        Math.nextUp(shift + 1),
                        100,
                        first.records().toArray()));
        // r0's deletion at sg waits for batch 0: it moves to the new end as well.
        d.deletions.set(0, Draft.deletion(SG, DeletionReason.AFTER_MOVE, 0, Math.nextUp(shift + 1), 0));
        assertThat(d.batches.get(1).plannedStartSeconds()).isEqualTo(shift + 1);

        VerificationResult result = verify(Fixture.standard(), d);

        assertThat(result.failedChecks()).isEmpty();
    }

    @Test
    void verify_batchOfNoBytesInNoTime_isNoViolation_butBytesInNoTimeAre() {
        // A batch of 0 B may start and end at once; 100 B in no time is BATCH_NO_TIME. Both batches say a
        // byte count other than their record's 100 B, so BATCH_BYTES is expected for the first.
        Draft none = PlanVerifierChecksTest.valid();
        none.batches.set(0, none.batch(0, none.route(SG, US1), 1, 1, 0, 0));
        Draft some = PlanVerifierChecksTest.valid();
        some.batches.set(0, some.batch(0, some.route(SG, US1), 1, 1, 100, 0));

        assertThat(verify(Fixture.standard(), none).failedChecks())
                .contains(VerificationCheck.BATCH_BYTES)
                .doesNotContain(VerificationCheck.BATCH_NO_TIME);
        VerificationResult result = verify(Fixture.standard(), some);
        assertThat(result.failedChecks()).contains(VerificationCheck.BATCH_NO_TIME);
        assertThat(result.violations()).contains("batch 0 moves 100 bytes in no time");
    }

    @Test
    void verify_batchOfNoBytesDuringMaintenance_isNoMaintenanceViolation() {
        // sg-us1 is down over [0, 10) s. Batch 1 (100 B over [1, 2] s) uses it; batch 0, made a batch of
        // 0 B, uses it too but moves nothing.
        Fixture window = Fixture.standard()
                .withOptions(o -> o.maintenance(new LinkWindow("sg", "us1", Duration.ZERO, Duration.ofSeconds(10))));
        Draft d = PlanVerifierChecksTest.valid();
        d.batches.set(0, d.batch(0, d.route(SG, US1), 0, 1, 0, 0));

        VerificationResult result = verify(window, d);

        assertThat(result.violations())
                .contains("batch 1 uses link sg-us1 during its maintenance window")
                .doesNotContain("batch 0 uses link sg-us1 during its maintenance window");
    }

    @Test
    void verify_deletionBeforeTheBatches_freesStorageForThem() {
        // us1 holds 500 B and has 600 B. Deleting record 4 there at 0 s (before any batch) leaves 400 B;
        // batches 0 and 1 then reserve 100 B each: 600 B at 1 s, exactly full. Without the deletion (or
        // with it taken as adding bytes, or taken after the batches) 700 B would not fit. With 599 B of
        // room the same plan fails at 1 s with 600 B. The deletion of a compliant copy breaks record
        // checks; only STORAGE is looked at here.
        Draft d = PlanVerifierChecksTest.valid();
        d.deletions.add(Draft.deletion(US1, DeletionReason.UNMOVABLE, -1, 0, 4));

        assertThat(verify(us1Storage(600), d).failedChecks()).doesNotContain(VerificationCheck.STORAGE);
        VerificationResult tight = verify(us1Storage(599), d);
        assertThat(tight.failedChecks()).contains(VerificationCheck.STORAGE);
        assertThat(tight.violations()).contains("site us1 would store 600 bytes at t=1.0s, above its 599");
    }

    @Test
    void verify_deletionAfterTheBatches_freesNothingForThemEarlier() {
        // The same deletion at 1.5 s: 500 + 100 (0 s) + 100 (1 s) = 700 B at 1 s do not fit in 600 B,
        // though the deletion is the smallest event (taking the events by size instead of by time would
        // put it first).
        Draft d = PlanVerifierChecksTest.valid();
        d.deletions.add(Draft.deletion(US1, DeletionReason.UNMOVABLE, -1, 1.5, 4));

        VerificationResult result = verify(us1Storage(600), d);

        assertThat(result.failedChecks()).contains(VerificationCheck.STORAGE);
        assertThat(result.violations()).contains("site us1 would store 700 bytes at t=1.0s, above its 600");
    }
}
