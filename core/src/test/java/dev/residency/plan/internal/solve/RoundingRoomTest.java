package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.keepIn;
import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.PlanningProblem;
import dev.residency.topology.Topology;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Who gets the earliest-arrival routing's rounding room (the room past the horizon where a stream may
 * take up to one record more) when it is short: the demand of higher keep priority, and between equal
 * priorities the one of lower index ({@code AggregateSolver}'s rank costs).
 *
 * <p>Instance: 10 profile and 10 video records of 1,000 B in sg, one link of 1,000 B/s to us: two demands
 * of 10^4 B sharing the link at 500 B/s each, both done at 20 s. The room, the slot after 20 s, is what the
 * real units left of the link there, less than one record; it goes to one demand only.
 */
final class RoundingRoomTest {

    /** Returns the demands with a stream in the room, and checks the real streams end by the horizon. */
    private static Set<Integer> roomTakers(
            int profilePriority, int videoPriority, boolean profileFirst, int[] priorities) {
        Topology topology = Topology.of(
                List.of(site("sg", "SG", 1L << 40), site("us", "US", 1L << 40)), List.of(link("sg", "us", 1_000, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 20);
        for (int i = 0; i < 20; i++) {
            boolean profile = (i < 10) == profileFirst;
            store.add(i, Jurisdiction.US, profile ? Category.PROFILE : Category.VIDEOS, 1_000, false, 0);
        }
        AggregatedProblem p = AggregatedProblem.of(PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US)
                        .withKeepPriority(ImmutableMap.of("profile", profilePriority, "videos", videoPriority)))
                .build());
        System.arraycopy(p.demandPriority, 0, priorities, 0, 2);
        FlowSolution solution = AggregateSolver.solve(p);
        // 2 * 10^4 B over 1,000 B/s: 20 s.
        assertThat(solution.horizonSeconds()).isEqualTo(20.0);
        assertThat(solution.streams.stream().filter(f -> f.startSeconds() < 20).mapToLong(RouteFlow::quotaBytes))
                .containsExactly(10_000L, 10_000L);
        return solution.streams.stream()
                .filter(f -> f.startSeconds() >= 20)
                .map(RouteFlow::demand)
                .collect(Collectors.toSet());
    }

    @Test
    void room_higherPriorityFirstDemand_goesToIt() {
        int[] priorities = new int[2];
        Set<Integer> takers = roomTakers(5, 0, true, priorities);

        assertThat(priorities).containsExactly(5, 0);
        assertThat(takers).containsExactly(0);
    }

    @Test
    void room_higherPrioritySecondDemand_goesToItNotToTheLowerIndex() {
        int[] priorities = new int[2];
        Set<Integer> takers = roomTakers(5, 0, false, priorities);

        assertThat(priorities).containsExactly(0, 5);
        assertThat(takers).containsExactly(1);
    }

    @Test
    void room_equalPriorities_goesToTheLowerIndex() {
        // Equal priorities need two demands of another key: 10 records of 1,000 B at each of sg1 and sg2, fast
        // links (10^6 B/s) into us, whose ingest of 1,000 B/s they share: again 20 s, and a short room.
        Topology topology = Topology.of(
                List.of(
                        site("sg1", "SG", 1L << 40),
                        site("sg2", "SG", 1L << 40),
                        site("us", "US", 1L << 40, 1_000, 1e12)),
                List.of(link("sg1", "us", 1e6, 0.0), link("sg2", "us", 1e6, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 20);
        for (int i = 0; i < 20; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 1_000, false, i < 10 ? 1 : 0);
        }
        AggregatedProblem p = AggregatedProblem.of(PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US))
                .build());
        assertThat(p.demandCount()).isEqualTo(2);
        assertThat(p.demandPriority[0]).isEqualTo(p.demandPriority[1]);

        FlowSolution solution = AggregateSolver.solve(p);

        assertThat(solution.horizonSeconds()).isEqualTo(20.0);
        assertThat(solution.streams.stream()
                        .filter(f -> f.startSeconds() >= 20)
                        .map(RouteFlow::demand)
                        .collect(Collectors.toSet()))
                .containsExactly(0);
    }
}
