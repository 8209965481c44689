package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.PlanFixtures;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
import dev.residency.topology.Topology;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The earliest-arrival grid's runs at their edges, worked out by hand on a one-day step: a target
 * exactly at the next event, a fine run ending exactly at the next event or exactly on a step, a
 * geometric slot exactly as long as the uniform grid, a geometric point exactly at the next event, and
 * a step of zero refused.
 */
final class ArrivalGridEdgeTest {

    private static final double DAY = 86_400;

    /** Data at {@code sg}, allowed at {@code us}, one-day step, {@code us} ready at {@code readyDays}. */
    private static Timeline timeline(int readyDays) {
        Topology topology = Topology.of(
                List.of(site("sg", "SG", 1L << 40), site("us", "US", 1L << 40)), List.of(link("sg", "us", 1_000, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 1);
        store.add(0, Jurisdiction.US, Category.VIDEOS, 1_000, false, 0);
        PlanOptions options = PlanOptions.builder()
                .timeStep(Duration.ofDays(1))
                .siteReadyAt("us", Duration.ofDays(readyDays))
                .build();
        PlanningProblem problem = PlanningProblem.builder()
                .store(store.build())
                .policy(PlanFixtures.keepIn(Jurisdiction.US, Jurisdiction.US))
                .options(options)
                .build();
        return AggregatedProblem.of(problem).timeline;
    }

    private static double[] days(double... values) {
        return Arrays.stream(values).map(v -> v * DAY).toArray();
    }

    @Test
    void finePoints_timelineEvents_areTheStartAndTheReadyDate() {
        Timeline base = timeline(100);

        assertThat(base.start(0)).isZero();
        assertThat(base.end(0)).isEqualTo(100 * DAY);
        assertThat(base.start(1)).isEqualTo(100 * DAY);
    }

    @Test
    void finePoints_targetExactlyAtTheNextEvent_belongsToThatEventOnly() {
        Timeline base = timeline(100);

        // A target at day 100 is the second event's: after day 0 the doubling run 1, 3, 7 (the next slot,
        // 8 days, is not below the 6-day grid); after day 100 the fine run would end at day 101, which is
        // its first point, so the doubling run 101, 103 (107 is past the horizon of 105). Counted in the
        // first event's run, the target would make a fine run of days 1 to 99.
        double[] points = ArrivalGrid.finePoints(base, DAY, 6 * DAY, 105 * DAY, days(100));

        assertThat(points).containsExactly(days(1, 3, 7, 101, 103));
    }

    @Test
    void finePoints_fineRunReachingTheNextEvent_stopsBeforeIt() {
        Timeline base = timeline(3);

        // Target 2.5: the fine run would go to day 3.5 but stops at the event of day 3: points 1, 2. After
        // day 3 (no target): the doubling run 4, 6, 10 (the next slot, 8 days, is not below the grid).
        double[] points = ArrivalGrid.finePoints(base, DAY, 6 * DAY, 50 * DAY, days(2.5));

        assertThat(points).containsExactly(days(1, 2, 4, 6, 10));
    }

    @Test
    void finePoints_targetOnAStep_fineRunEndsOneStepPastItExclusive() {
        Timeline base = timeline(100);

        // Target day 1: the fine run covers [0, 2), its only point is day 1 (day 2 is its end, not below
        // it). The doubling run from day 2: slots of 1, 2 and 4 days give points 2, 4, 8 (the next slot, 8
        // days, is not below the 6-day grid). After day 100: 101, 103, 107 (below the horizon of 110).
        double[] points = ArrivalGrid.finePoints(base, DAY, 6 * DAY, 110 * DAY, days(1));

        assertThat(points).containsExactly(days(1, 2, 4, 8, 101, 103, 107));
    }

    @Test
    void finePoints_slotAsLongAsTheGrid_endsTheDoublingRun() {
        Timeline base = timeline(100);

        // Grid of 4 days: slots of 1 and 2 days are below it (points 1, 3), a slot of 4 days is not.
        double[] points = ArrivalGrid.finePoints(base, DAY, 4 * DAY, 105 * DAY, new double[0]);

        assertThat(points).containsExactly(days(1, 3, 101, 103));
    }

    @Test
    void finePoints_doublingPointAtTheNextEvent_isLeftToThatEvent() {
        Timeline base = timeline(3);

        // After day 0: 1, then 3, which is the next event (not added); after day 3: 4, 6, 10.
        double[] points = ArrivalGrid.finePoints(base, DAY, 6 * DAY, 50 * DAY, new double[0]);

        assertThat(points).containsExactly(days(1, 4, 6, 10));
    }

    @Test
    void finePoints_stepOfZero_refusedNamingIt() {
        Timeline base = timeline(3);

        assertThatThrownBy(() -> ArrivalGrid.finePoints(base, 0, 6 * DAY, 50 * DAY, new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stepSeconds must be positive, was 0.0");
    }
}
