package dev.residency.plan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.plan.LinkWindow;
import dev.residency.plan.verify.PlanVerifierChecksTest.Draft;
import dev.residency.plan.verify.PlanVerifierChecksTest.Fixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A batch that ends as a maintenance window opens, on the instance and valid plan of {@link
 * PlanVerifierChecksTest} (batch 1: sg>us1, 100 B over [1, 2] s) with sg-us1 down over [2, 10) s: its
 * end is taken a hair early (10^-9 of it, as for back-to-back batches on a link), so that an end one
 * rounding step late (the planner's sums of rates gave 60.00000000000001 s against a window at 60 s) is
 * no violation, and an end 10^-8 s late is. The counterexample came from {@code PlannerPropertyTest}'s
 * instances with legs.
 */
final class MaintenanceEdgeTest {

    private static final int SG = 0;
    private static final int US1 = 2;

    private static VerificationResult verifyWithBatch1Ending(double end) {
        Fixture window = Fixture.standard()
                .withOptions(
                        o -> o.maintenance(new LinkWindow("sg", "us1", Duration.ofSeconds(2), Duration.ofSeconds(10))));
        Draft d = PlanVerifierChecksTest.valid();
        d.batches.set(1, d.batch(1, d.route(SG, US1), 1, end, 100, 7));
        return PlanVerifier.verify(d.build(), window.problem());
    }

    @Test
    void verify_batchEndingOneUlpAfterTheWindowOpens_isNoMaintenanceViolation() {
        VerificationResult result = verifyWithBatch1Ending(Math.nextUp(2.0));

        assertThat(result.failedChecks()).doesNotContain(VerificationCheck.MAINTENANCE);
    }

    @Test
    void verify_batchEnding1e8SecondsIntoTheWindow_isAMaintenanceViolation() {
        VerificationResult result = verifyWithBatch1Ending(2 + 1e-8);

        assertThat(result.violations()).contains("batch 1 uses link sg-us1 during its maintenance window");
    }
}
