package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.keepIn;
import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
import dev.residency.topology.Topology;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streams {@link RouteFlows} makes of a routed network, on one record over one link: quotas in
 * bytes when a flow unit is several bytes, the routed bytes per demand, and which streams are strict
 * (may not overshoot their quota): every one before the last interval, and those of the last one only
 * under a hard deadline.
 */
final class RouteFlowsTest {

    private static FlowSolution solve(PlanOptions options, long bytes, double bytesPerSecond) {
        Topology topology = Topology.of(
                List.of(site("a", "SG", 1L << 45), site("us", "US", 1L << 45)),
                List.of(link("a", "us", bytesPerSecond, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 1);
        store.add(0, Jurisdiction.US, Category.VIDEOS, bytes, false, 0);
        return AggregateSolver.solve(AggregatedProblem.of(PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US))
                .options(options)
                .build()));
    }

    private static RouteFlow wave(List<RouteFlow> streams, int wave) {
        return streams.stream().filter(f -> f.wave() == wave).findFirst().orElseThrow();
    }

    @Test
    void of_unitsOfTwoBytes_quotasAndRoutedInBytes() {
        // 2^41 B is over the solver's 2^40 units, so one unit is 2 B. Over 2^30 B/s it takes 2^11 = 2,048 s:
        // the first wave's stream carries all 2^41 B at 2^30 B/s (not 2^39 B, the units halved again), and
        // the demand's routed bytes are 2^41.
        FlowSolution solution = solve(PlanOptions.builder().build(), 1L << 41, 1L << 30);

        RouteFlow first = wave(solution.streams, 0);
        assertThat(first.quotaBytes()).isEqualTo(1L << 41);
        assertThat(first.bytesPerSecond()).isCloseTo(1L << 30, within(1e-3));
        assertThat(solution.routedBytes).containsExactly(1L << 41);
        assertThat(wave(solution.fallbackStreams, 0).quotaBytes()).isEqualTo(1L << 41);
    }

    @Test
    void of_softDeadline_lastIntervalsStreamMayOvershoot() {
        // 10^5 B over 1,000 B/s. The least-makespan routing has one interval, the last: not strict. The
        // earliest-arrival routing's first interval is followed by another: strict.
        FlowSolution solution =
                solve(PlanOptions.builder().deadline(Duration.ofHours(1)).build(), 100_000, 1_000);

        assertThat(solution.fallbackStreams).hasSize(1);
        assertThat(solution.fallbackStreams.get(0).strict()).isFalse();
        assertThat(solution.fallbackStreams.get(0).quotaBytes()).isEqualTo(100_000);
        assertThat(wave(solution.streams, 0).strict()).isTrue();
        assertThat(wave(solution.streams, 0).quotaBytes()).isEqualTo(100_000);
        assertThat(solution.routedBytes).containsExactly(100_000);
    }

    @Test
    void of_hardDeadline_everyStreamIsStrict() {
        // The same under a hard deadline of one hour: a record past its quota could miss the deadline, so
        // the last interval's streams are strict too.
        FlowSolution solution = solve(
                PlanOptions.builder()
                        .deadline(Duration.ofHours(1))
                        .hardDeadline(true)
                        .build(),
                100_000,
                1_000);

        assertThat(solution.fallbackStreams).hasSize(1);
        assertThat(solution.fallbackStreams.get(0).strict()).isTrue();
        assertThat(solution.streams).allSatisfy(f -> assertThat(f.strict()).isTrue());
        assertThat(solution.routedBytes).containsExactly(100_000);
    }
}
