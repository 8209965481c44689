package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.keepIn;
import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.PlanningProblem;
import dev.residency.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Record assignment on hand-made streams: whole records that do not pack into a demand's strict
 * quotas go to a spill stream after every strict stream, within the demand's total quota, and no
 * strict stream carries more than its quota (the counterexample behind KeepPriorityTest's old known
 * failure {@code flow:11}: quotas of 2,320 and 2,175 B for videos of 1,833, 1,668 and 994 B).
 */
final class RecordAssignmentTest {

    private static AggregatedProblem videos(long... bytes) {
        Topology topology = Topology.of(
                List.of(site("sg", "SG", 1_000_000L), site("us1", "US", 1_000_000L)),
                List.of(link("sg", "us1", 1_000, 0.02)));
        RecordStore.Builder store = RecordStore.builder(topology, bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, bytes[i], false, 0);
        }
        return AggregatedProblem.of(PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US))
                .build());
    }

    /** Two strict streams sg to us1 of the only demand: 2,320 B over [0, 10 s), 2,175 B over [10, 20 s). */
    private static List<RouteFlow> strictQuotas(AggregatedProblem p) {
        int[] route = {p.topology.arcBetween(0, 1).getAsInt()};
        return List.of(
                new RouteFlow(0, 0, 0, 0, 1, route, 2_320, 232, true),
                new RouteFlow(0, 1, 10, 0, 1, route, 2_175, 217.5, true));
    }

    @Test
    void of_recordsDoNotPackIntoStrictQuotas_spillAfterTheLastStrictRouteFlow() {
        // 1,833 + 1,668 + 994 = 4,495 B = 2,320 + 2,175, but no split of the three records fits the two
        // quotas (1,833 + 994 = 2,827 and 1,668 + 994 = 2,662 exceed both, 1,833 + 1,668 more so): first
        // fit puts 1,833 in the first, 1,668 in the second, and 994 fits in neither.
        AggregatedProblem p = videos(1_833, 1_668, 994);

        RecordAssignment assignment = RecordAssignment.of(p, strictQuotas(p), Double.POSITIVE_INFINITY, true);

        assertThat(assignment.assigned).containsOnly(true);
        assertThat(assignment.streams).hasSize(3);
        assertThat(assignment.streamBytes[0]).isEqualTo(1_833);
        assertThat(assignment.streamBytes[1]).isEqualTo(1_668);
        RouteFlow spill = assignment.streams.get(2);
        assertThat(assignment.streamBytes[2]).isEqualTo(994);
        assertThat(spill.quotaBytes()).isEqualTo(994);
        assertThat(spill.strict()).isFalse();
        // The strict streams end at 2,320 / 232 = 10 s and 10 + 2,175 / 217.5 = 20 s.
        assertThat(spill.startSeconds()).isEqualTo(20.0);
        assertThat(spill.wave()).isEqualTo(2);
        assertThat(spill.source()).isZero();
        assertThat(spill.destination()).isOne();
    }

    @Test
    void of_spillWouldExceedTheDemandsQuota_leavesTheRecordUnassigned() {
        // 1,833 + 1,668 + 1,000 = 4,501 B, 6 B more than the quotas' 4,495: the 1,000 B record may not
        // spill, since the solver reserved storage for 4,495 B only.
        AggregatedProblem p = videos(1_833, 1_668, 1_000);

        RecordAssignment assignment = RecordAssignment.of(p, strictQuotas(p), Double.POSITIVE_INFINITY, true);

        assertThat(assignment.assigned).containsExactly(true, true, false);
        assertThat(assignment.streams).hasSize(2);
    }

    @Test
    void of_finiteCopyDeadlineOrNoRetiming_neverSpills() {
        AggregatedProblem p = videos(1_833, 1_668, 994);

        RecordAssignment underDeadline = RecordAssignment.of(p, strictQuotas(p), 1_000, true);
        RecordAssignment notRetimed = RecordAssignment.of(p, strictQuotas(p), Double.POSITIVE_INFINITY, false);

        // Strict streams never exceed their quota: 994 B stays unassigned in both.
        for (RecordAssignment assignment : List.of(underDeadline, notRetimed)) {
            assertThat(assignment.assigned).containsExactly(true, true, false);
            assertThat(assignment.streams).hasSize(2);
            assertThat(assignment.streamBytes[0]).isLessThanOrEqualTo(2_320);
            assertThat(assignment.streamBytes[1]).isLessThanOrEqualTo(2_175);
        }
    }
}
