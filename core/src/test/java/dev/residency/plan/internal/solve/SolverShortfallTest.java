package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.keepIn;
import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
import dev.residency.topology.Topology;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the aggregate solver ({@link AggregateSolver}) routes and why it leaves the rest, per demand, on
 * one-commodity instances worked out by hand: a copy deadline that cuts one demand and not the other
 * ({@link DeletionReason#DEADLINE} for the cut one only), a destination short of storage ({@link
 * DeletionReason#NO_STORAGE}) and a source with no link ({@link DeletionReason#NO_ROUTE}).
 */
final class SolverShortfallTest {

    private static int demandFrom(AggregatedProblem p, Topology topology, String site) {
        int s = topology.indexOf(site).getAsInt();
        for (int d = 0; d < p.demandCount(); d++) {
            if (p.demandSources[d].length == 1 && p.demandSources[d][0] == s) {
                return d;
            }
        }
        throw new AssertionError("no demand from " + site);
    }

    private static long quotaOf(ImmutableList<RouteFlow> streams, int demand) {
        return streams.stream()
                .filter(f -> f.demand() == demand)
                .mapToLong(RouteFlow::quotaBytes)
                .sum();
    }

    @Test
    void solve_copyDeadlineCutsOneDemand_onlyItFallsShortForTheDeadline() {
        // a holds 10^5 B, b 10^6 B, each behind its own link of 1,000 B/s to us. Copies must end by 400 s:
        // a's 10^5 B take 100 s and all move; b moves 1,000 * 400 = 4 * 10^5 B, the other 6 * 10^5 B fall
        // short for the deadline. b's cut amount needs exactly the 400 s, so the horizon is the deadline.
        Topology topology = Topology.of(
                List.of(site("a", "SG", 1L << 40), site("b", "SG", 1L << 40), site("us", "US", 1L << 40)),
                List.of(link("a", "us", 1_000, 0.0), link("b", "us", 1_000, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 11);
        store.add(0, Jurisdiction.US, Category.VIDEOS, 100_000, false, 0);
        for (int i = 1; i <= 10; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 100_000, false, 1);
        }
        PlanningProblem problem = PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US))
                .options(PlanOptions.builder()
                        .deadline(Duration.ofHours(1))
                        .hardDeadline(true)
                        .build())
                .build();
        AggregatedProblem p = AggregatedProblem.of(problem);
        int a = demandFrom(p, topology, "a");
        int b = demandFrom(p, topology, "b");

        FlowSolution solution = AggregateSolver.solve(p, 400);

        assertThat(solution.horizonSeconds()).isEqualTo(400.0);
        assertThat(solution.routedBytes[a]).isEqualTo(100_000);
        assertThat(solution.routedBytes[b]).isEqualTo(400_000);
        assertThat(solution.shortfall[a]).isNull();
        assertThat(solution.shortfall[b]).isEqualTo(DeletionReason.DEADLINE);
        assertThat(quotaOf(solution.streams, b)).isEqualTo(400_000);
        assertThat(quotaOf(solution.fallbackStreams, a)).isEqualTo(100_000);
        assertThat(quotaOf(solution.fallbackStreams, b)).isEqualTo(400_000);
        assertThat(solution.method()).contains(AggregateSolver.EARLIEST_ARRIVAL);
    }

    @Test
    void solve_fullDestinationAndNoLink_sayWhichIsWhich() {
        // a's 10^6 B go over a 1,000 B/s link to us, which has room for 5 * 10^5 B: the rest lacks
        // storage. iso's 10^3 B have no link at all: no route. Nothing else falls short.
        Topology topology = Topology.of(
                List.of(site("a", "SG", 1L << 40), site("iso", "SG", 1L << 40), site("us", "US", 500_000)),
                List.of(link("a", "us", 1_000, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 11);
        for (int i = 0; i < 10; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 100_000, false, 0);
        }
        store.add(10, Jurisdiction.US, Category.VIDEOS, 1_000, false, 1);
        PlanningProblem problem = PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US))
                .build();
        AggregatedProblem p = AggregatedProblem.of(problem);
        int a = demandFrom(p, topology, "a");
        int iso = demandFrom(p, topology, "iso");

        FlowSolution solution = AggregateSolver.solve(p);

        assertThat(solution.routedBytes[a]).isEqualTo(500_000);
        assertThat(solution.routedBytes[iso]).isZero();
        assertThat(solution.shortfall[a]).isEqualTo(DeletionReason.NO_STORAGE);
        assertThat(solution.shortfall[iso]).isEqualTo(DeletionReason.NO_ROUTE);
        // 5 * 10^5 B at 1,000 B/s: 500 s.
        assertThat(solution.horizonSeconds()).isBetween(500.0, 500.0 * (1 + 1e-4));
    }

    @Test
    void solve_everythingFits_noShortfall() {
        // 10^5 B over 1,000 B/s: 100 s, all routed, no reason recorded.
        AggregatedProblem p = SolverFixtures.oneUsRecord(100_000, 1_000, 1L << 40, 1L << 40);

        FlowSolution solution = AggregateSolver.solve(p);

        assertThat(solution.routedBytes).containsExactly(100_000);
        assertThat(solution.shortfall).containsOnlyNulls();
        assertThat(solution.horizonSeconds()).isBetween(100.0, 100.0 * (1 + 1e-4));
    }
}
