package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.keepIn;
import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When copies must end under a hard deadline ({@link AggregateSolver#copyDeadlineSeconds}): the
 * deadline less one batch's verification and cut-over, worked out by hand, never below 0, and no
 * limit without a hard deadline.
 */
final class CopyDeadlineTest {

    private static PlanningProblem problem(PlanOptions options) {
        Topology topology = Topology.of(
                List.of(site("sg", "SG", 1L << 40), site("us", "US", 1L << 40)), List.of(link("sg", "us", 1_000, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 1);
        store.add(0, Jurisdiction.US, Category.VIDEOS, 1_000, false, 0);
        return PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US))
                .options(options)
                .build();
    }

    @Test
    void hardDeadline_lessVerificationAndCutOverOfOneBatch() {
        // Deadline 10 h = 36,000 s; a batch of 2 GB verified at 1 MB/s takes 2,000 s, cut over in 600 s:
        // copies end by 36,000 - 2,600 = 33,400 s.
        PlanOptions options = PlanOptions.builder()
                .deadline(Duration.ofHours(10))
                .hardDeadline(true)
                .targetBatchBytes(2_000_000_000L)
                .verificationRate(Bandwidth.ofBytesPerSecond(1_000_000))
                .cutOverTime(Duration.ofMinutes(10))
                .build();

        assertThat(AggregateSolver.copyDeadlineSeconds(problem(options))).isEqualTo(33_400.0);
    }

    @Test
    void hardDeadline_shorterThanOneBatchsFinish_isZero() {
        // Deadline 5 min = 300 s, cut-over alone 600 s: 300 - 600 < 0, so copies must end at 0.
        PlanOptions options = PlanOptions.builder()
                .deadline(Duration.ofMinutes(5))
                .hardDeadline(true)
                .cutOverTime(Duration.ofMinutes(10))
                .build();

        assertThat(AggregateSolver.copyDeadlineSeconds(problem(options))).isZero();
    }

    @Test
    void softDeadline_noLimit() {
        PlanOptions options = PlanOptions.builder()
                .deadline(Duration.ofMinutes(5))
                .cutOverTime(Duration.ofMinutes(10))
                .build();

        assertThat(AggregateSolver.copyDeadlineSeconds(problem(options))).isEqualTo(Double.POSITIVE_INFINITY);
    }
}
