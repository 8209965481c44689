package dev.residency.plan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.plan.LinkWindow;
import dev.residency.plan.TransferBatch;
import dev.residency.plan.verify.PlanVerifierChecksTest.Draft;
import dev.residency.plan.verify.PlanVerifierChecksTest.Fixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The verifier reads a batch's planned interval as covering its route's latency ({@link TransferBatch}):
 * the bytes move at {@link TransferBatch#bytesPerSecond(dev.residency.topology.Topology)} from start plus
 * latency to end, and the batch uses its links over the whole interval, so one that would end inside a
 * maintenance window only by its latency violates it.
 *
 * <p>The instance of {@link PlanVerifierChecksTest} (links of 100 B/s, records of 100 B) with 0.1 s of
 * latency per link. Its valid plan has batches of 100 B over [k, k + 1] s, k = 0..3, one hop each: 0.9 s
 * of transfer after the latency, 111.1 B/s. Stretched by 1.1 (batches over [1.1 k, 1.1 (k + 1)] s, the
 * deletions at 1.1 times their time), each batch has 1.0 s of transfer at 100 B/s: the link's bandwidth.
 */
final class CapacityCheckLatencyTest {

    private static final int SG = 0;
    private static final int US1 = 2;
    private static final Fixture LATENCY = Fixture.standard().withLinkLatency(Duration.ofMillis(100));

    private static VerificationResult verify(Fixture fixture, Draft plan) {
        return PlanVerifier.verify(plan.build(), fixture.problem());
    }

    @Test
    void verify_batchesCoveringTheirLatencyAtLinkSpeed_pass() {
        VerificationResult result =
                verify(LATENCY, PlanVerifierChecksTest.valid().retimed(t -> t * 1.1));

        assertThat(result.failedChecks()).as("%s", result).isEmpty();
    }

    @Test
    void verify_batchesLeavingTheLatencyOut_exceedTheLinkWhileTheirBytesMove() {
        // 100 B in the 0.9 s left after 0.1 s of latency: 111.111 B/s on a 100 B/s link, from 0.1 s.
        VerificationResult result = verify(LATENCY, PlanVerifierChecksTest.valid());

        assertThat(result.failedChecks()).containsExactly(VerificationCheck.LINK_BANDWIDTH);
        assertThat(result.violations()).contains("arc sg>us1 carries 111.111 B/s at t=0.100s, above its 100.000 B/s");
    }

    @Test
    void verify_batchEndingInsideAWindowByItsLatencyOnly_violatesMaintenance() {
        // sg-us1 is down over [1.05, 1.08) s. Batch 0's 100 B take 1.0 s at 100 B/s: without its latency
        // it would end at 1.0 s, before the window; with it, at 1.1 s, inside. Batch 1 starts at 1.1 s,
        // after the window closes.
        Fixture window = LATENCY.withOptions(
                o -> o.maintenance(new LinkWindow("sg", "us1", Duration.ofMillis(1_050), Duration.ofMillis(1_080))));

        VerificationResult result =
                verify(window, PlanVerifierChecksTest.valid().retimed(t -> t * 1.1));

        assertThat(result.failedChecks()).containsExactly(VerificationCheck.MAINTENANCE);
        assertThat(result.violations()).containsExactly("batch 0 uses link sg-us1 during its maintenance window");
    }

    @Test
    void verify_windowOpeningAsTheLastBatchOnItsLinkArrives_passes() {
        // The batches on sg-us1 end at 2.2 s, latency included; the window opens then.
        Fixture window = LATENCY.withOptions(
                o -> o.maintenance(new LinkWindow("sg", "us1", Duration.ofMillis(2_200), Duration.ofSeconds(3))));

        VerificationResult result =
                verify(window, PlanVerifierChecksTest.valid().retimed(t -> t * 1.1));

        assertThat(result.failedChecks()).as("%s", result).isEmpty();
    }

    @Test
    void verify_batchNoLongerThanItsLatency_movesItsBytesInNoTime() {
        // Batch 0 over [0, 0.1] s: all of it is latency.
        Draft d = PlanVerifierChecksTest.valid().retimed(t -> t * 1.1);
        d.batches.set(0, d.batch(0, d.route(SG, US1), 0, 0.1, 100, 0));
        d.deletions.set(0, Draft.deletion(SG, dev.residency.plan.DeletionReason.AFTER_MOVE, 0, 0.1, 0));

        VerificationResult result = verify(LATENCY, d);

        assertThat(result.failedChecks()).containsExactly(VerificationCheck.BATCH_NO_TIME);
        assertThat(result.violations())
                .containsExactly("batch 0 moves 100 bytes in no time: its interval of 0.1 s does not exceed its"
                        + " route's latency of 0.1 s");
    }
}
