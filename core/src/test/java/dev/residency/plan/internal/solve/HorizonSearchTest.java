package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.keepIn;
import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
import dev.residency.topology.Topology;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The horizon search ends whatever its probe answers, and returns a horizon that does not fit below
 * one that does; the regression tests of hard instance 1248, whose bound search never ended: an
 * approval at 0 s rounded to -0.0, and a relaxation that carried its demand in any positive time made
 * the relative-precision bisection halve into the subnormals forever (the instance itself is {@code
 * PlannerPropertyTest}'s regression test). The timeouts only turn a hang
 * into a failure; they are no timing claim.
 */
final class HorizonSearchTest {

    /** One link sg-us1 of 1,000 B/s, 10 records of 1,000 B at sg, US home, approved at 0 s. */
    private static PlanningProblem approvedAtZero() {
        Topology topology = Topology.of(
                List.of(site("sg", "SG", 1_000_000L), site("us1", "US", 1_000_000L)),
                List.of(link("sg", "us1", 1_000, 0.02)));
        RecordStore.Builder store = RecordStore.builder(topology, 10);
        for (int i = 0; i < 10; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 1_000L, false, 0);
        }
        return PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US))
                .options(PlanOptions.builder()
                        .timeStep(Duration.ofSeconds(1))
                        .approvalAt(Jurisdiction.US, Duration.ZERO)
                        .build())
                .build();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void search_probeFitsAtEveryPositiveHorizon_endsWithinResolutionOfZero() {
        AggregatedProblem problem = AggregatedProblem.of(approvedAtZero());

        double[] found = HorizonSearch.search(problem, horizon -> horizon > 0, Double.POSITIVE_INFINITY, 1);

        // 0 does not fit and every positive horizon does: the infimum is 0, so lo = 0 and hi is a
        // positive horizon at most the absolute resolution above it.
        assertThat(found[0]).isEqualTo(0.0);
        assertThat(found[1]).isPositive().isLessThanOrEqualTo(HorizonSearch.RESOLUTION_SECONDS);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void search_thresholdProbe_bracketsThreshold() {
        AggregatedProblem problem = AggregatedProblem.of(approvedAtZero());
        double threshold = 12_345.678;

        double[] found = HorizonSearch.search(problem, horizon -> horizon >= threshold, Double.POSITIVE_INFINITY, 1);

        // Doubling from 1 s passes the threshold after 14 probes (2^14 - 1 = 16,383 s), then the
        // bisection brackets it to 1e-7 relative.
        assertThat(found[0]).isLessThan(threshold);
        assertThat(found[1]).isGreaterThanOrEqualTo(threshold);
        assertThat(found[1] - found[0]).isLessThanOrEqualTo(threshold * 2 * HorizonSearch.PRECISION);
    }

    @Test
    void search_probeNeverFits_failsNamingTheDemand() {
        AggregatedProblem problem = AggregatedProblem.of(approvedAtZero());

        assertThatThrownBy(() -> HorizonSearch.search(problem, horizon -> false, Double.POSITIVE_INFINITY, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no finite horizon");
    }

    @Test
    void timeline_approvalAtZero_addsNoNegativeZeroStart() {
        AggregatedProblem problem = AggregatedProblem.of(approvedAtZero());

        // The only date is the approval at 0 s, which is also the timeline's origin: one interval
        // starting at +0.0 (Math.ceil(-1e-9) * 1 is -0.0, which used to add a second, empty one).
        assertThat(problem.timeline.intervalCount()).isEqualTo(1);
        assertThat(Double.doubleToRawLongBits(problem.timeline.start(0))).isZero();
        assertThat(Double.doubleToRawLongBits(problem.timeline.up(0))).isZero();
    }
}
