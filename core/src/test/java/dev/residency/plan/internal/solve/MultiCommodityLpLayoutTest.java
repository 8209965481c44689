package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The multi-commodity LP ({@link MultiCommodityLp}) on two commodities sharing one link, its size, optimum
 * and shares worked out by hand: the rows it counts before building the tableau are the rows it builds,
 * a shared resource's row binds at its capacity (less the rounding margin with {@code margin}), and a
 * demand's arc from the source caps that demand.
 *
 * <p>Instance: sites s (SG), x (US) and y (CA, no link), one link s-x of {@code rate} B/s; at s, 4 * 10^6
 * B of US users' data and 4 * 10^6 B of Irish users' data (rule "us": US and IE data in the US, two demands
 * of one commodity A, allowed at x) and 8 * 10^6 B of Canadian data (rule "ca": in the US or Canada,
 * commodity B, allowed at x and y; y's storage is full). Time step 10 s, networks on the timeline cut into [0, 10) and [10, 20),
 * horizon 20 s, one unit a byte, arrival costs 1 in the first interval and 2 in the second; the link's
 * egress price is 0, so it costs 1 unit per hop ({@link TimeExpandedNetwork#costUnits}). A unit therefore
 * costs 2 if it arrives in the first interval and 3 in the second.
 */
final class MultiCommodityLpLayoutTest {

    private static final long LOTS = 1L << 40;
    private static final long[] ARRIVAL = {1, 2};
    private static final double HORIZON = 20;

    /** The two commodities' networks, A's first, and the resources' capacities. */
    private record Lp(List<TimeExpandedNetwork> networks, long[] need, long[] capacity) {}

    private static Lp lp(double rate, Duration irishApproval) {
        return lp(rate, irishApproval, LOTS);
    }

    private static Lp lp(double rate, Duration irishApproval, long xStorage) {
        Topology topology = Topology.of(
                List.of(site("s", "SG", LOTS), site("x", "US", xStorage), site("y", "CA", LOTS)),
                List.of(link("s", "x", rate, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 16);
        for (int i = 0; i < 4; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 1_000_000, false, 0);
            store.add(4 + i, Jurisdiction.IE, Category.VIDEOS, 1_000_000, false, 0);
            store.add(8 + 2 * i, Jurisdiction.CA, Category.VIDEOS, 1_000_000, false, 0);
            store.add(9 + 2 * i, Jurisdiction.CA, Category.VIDEOS, 1_000_000, false, 0);
        }
        ResidencyPolicy policy = ResidencyPolicy.of(
                "two",
                Rule.move("us", List.of(Jurisdiction.US, Jurisdiction.IE), SiteConstraint.in(Jurisdiction.US)),
                Rule.move("ca", List.of(Jurisdiction.CA), SiteConstraint.in(Jurisdiction.US, Jurisdiction.CA)));
        // y's storage is all used outside the store: its arc to the sink has no capacity.
        PlanOptions.Builder options =
                PlanOptions.builder().timeStep(Duration.ofSeconds(10)).usedBytesOutsideStore("y", LOTS);
        if (!irishApproval.isZero()) {
            options.approvalAt(Jurisdiction.IE, irishApproval);
        }
        AggregatedProblem p = AggregatedProblem.of(PlanningProblem.builder()
                        .store(store.build())
                        .policy(policy)
                        .options(options.build())
                        .build())
                .refined(10, HORIZON, HORIZON);
        assertThat(p.commodityCount()).isEqualTo(2);
        assertThat(p.demandCount()).isEqualTo(3);
        int x = topology.indexOf("x").getAsInt();
        int y = topology.indexOf("y").getAsInt();
        int a = p.commodityDest[0][y] ? 1 : 0;
        assertThat(p.commodityDest[a][x]).isTrue();
        assertThat(p.commodityDest[a][y]).isFalse();
        // Unbounded capacities at 2^40 units: the planner's own cap, one unit above the total need, would
        // make every site's limit bind once a margin is taken from it.
        long[] capacity = TimeExpandedNetwork.capacities(p, HORIZON, false, LOTS);
        long[] need = new long[2];
        List<TimeExpandedNetwork> networks = new ArrayList<>();
        for (int j : new int[] {a, 1 - a}) {
            long[] units = new long[p.demandCount()];
            for (int d = 0; d < units.length; d++) {
                if (p.demandCommodity[d] == j) {
                    units[d] = p.demandBytes[d];
                    need[networks.size()] += units[d];
                }
            }
            boolean[] only = new boolean[2];
            only[j] = true;
            networks.add(TimeExpandedNetwork.build(p, HORIZON, only, units, capacity, ARRIVAL, null, Long.MAX_VALUE));
        }
        assertThat(need).containsExactly(8_000_000, 8_000_000);
        return new Lp(networks, need, capacity);
    }

    /** The resource of link arc s to x (arc 0) in {@code interval}: 2 arcs and 2 x 3 site limits a stride. */
    private static int linkResource(int interval) {
        return interval * (2 + 2 * 3);
    }

    private static double shareSum(MultiCommodityLp.Solution solution, int resource) {
        return solution.share()[0][resource] + solution.share()[1][resource];
    }

    @Test
    void size_countsEveryVariableAndRow_asBuilt() {
        // 10^6 B/s: 10^7 units per interval on the link. Variables (arcs of positive capacity):
        // A per interval: in->core and core->out at s, x, y (6), core->storage at x (1), the link both ways
        // (2) = 9, so 18; storage(x)->sink 1; two demand arcs and each demand into core(s) in both
        // intervals (2 + 4): 25. B: 6 + 2 arcs into storage (x, y) + 2 link arcs = 10 per interval, 20;
        // storage(x)->sink (y's has no capacity, so no variable); one demand arc and its 2 entries: 24.
        // 49 in all.
        // Rows: conservation per node used: A 18 site nodes + storage(x) + 2 demand nodes + source + sink
        // = 23; B 18 + 2 storage nodes + 1 demand node + 2 = 23. Private rows (an arc without a resource
        // whose capacity is below its commodity's need): A's two demand arcs, 4 * 10^6 < 8 * 10^6; B's
        // demand arc carries its whole need, no row. Shared rows: the link both ways in both intervals
        // (two users need 1.6 * 10^7 > 10^7): 4; sites' limits (10^13 per interval) and storage (2^40)
        // cannot bind. 46 + 2 + 4 = 52.
        Lp lp = lp(1e6, Duration.ZERO);

        MultiCommodityLp.Size size = MultiCommodityLp.size(lp.networks(), lp.need(), lp.capacity());
        MultiCommodityLp.Solution exact = MultiCommodityLp.solve(lp.networks(), lp.need(), lp.capacity(), false)
                .orElseThrow();
        MultiCommodityLp.Solution margined = MultiCommodityLp.solve(lp.networks(), lp.need(), lp.capacity(), true)
                .orElseThrow();

        assertThat(size.variables()).isEqualTo(49);
        assertThat(size.constraints()).isEqualTo(52);
        assertThat(exact.variables()).isEqualTo(49);
        assertThat(exact.constraints()).isEqualTo(52);
        assertThat(margined.constraints()).isEqualTo(52);
    }

    @Test
    void solve_resourceExactlyAsLargeAsItsUsersNeed_getsNoRow() {
        // x's free storage is exactly the two commodities' 1.6 * 10^7 units: it cannot bind, so no row
        // (52 as above). With the margin it would lose 27 units and bind: one row more, 53, and the LP is
        // infeasible (both commodities can only store at x).
        Lp lp = lp(1e6, Duration.ZERO, 16_000_000);

        MultiCommodityLp.Solution exact = MultiCommodityLp.solve(lp.networks(), lp.need(), lp.capacity(), false)
                .orElseThrow();

        assertThat(exact.constraints()).isEqualTo(52);
        assertThat(MultiCommodityLp.size(lp.networks(), lp.need(), lp.capacity())
                        .constraints())
                .isEqualTo(53);
        assertThat(exact.cost()).isCloseTo(3.8e7, within(0.5));
    }

    @Test
    void solve_sharedLinkBinds_firstIntervalFullThenTheRest() {
        // Both commodities want the first interval (1.6 * 10^7 units) but the link carries 10^7 there:
        // 10^7 units at cost 2 and 6 * 10^6 at cost 3, 3.8 * 10^7.
        Lp lp = lp(1e6, Duration.ZERO);

        MultiCommodityLp.Solution exact = MultiCommodityLp.solve(lp.networks(), lp.need(), lp.capacity(), false)
                .orElseThrow();

        assertThat(exact.cost()).isCloseTo(3.8e7, within(0.5));
        assertThat(shareSum(exact, linkResource(0))).isCloseTo(1e7, within(0.5));
        assertThat(shareSum(exact, linkResource(1))).isCloseTo(6e6, within(0.5));
    }

    @Test
    void solve_withMargin_sharedLinkGivesUpItsUsersRoundingRoom() {
        // The tolerance is 10^-6 of the largest need, 8 units; a resource of two users gives up
        // (2 + 1) * (1 + 8) = 27 units. The first interval then carries 10^7 - 27 units and the second
        // 6 * 10^6 + 27: the cost is 3.8 * 10^7 + 27.
        Lp lp = lp(1e6, Duration.ZERO);

        MultiCommodityLp.Solution margined = MultiCommodityLp.solve(lp.networks(), lp.need(), lp.capacity(), true)
                .orElseThrow();

        assertThat(shareSum(margined, linkResource(0))).isCloseTo(1e7 - 27, within(0.5));
        assertThat(shareSum(margined, linkResource(1))).isCloseTo(6e6 + 27, within(0.5));
        assertThat(margined.cost()).isCloseTo(3.8e7 + 27, within(0.5));
    }

    @Test
    void solve_demandArcCapsADemand_lateDemandCannotLendItsUnits() {
        // 1.4 * 10^6 B/s: 1.4 * 10^7 units per interval. The Irish demand is released at 10 s, so only the
        // US 4 * 10^6 and the Canadian 8 * 10^6 may arrive first: 1.2 * 10^7 at cost 2, then the Irish
        // 4 * 10^6 at cost 3: 2.4 * 10^7 + 1.2 * 10^7 = 3.6 * 10^7. Without the cap on the US demand's arc
        // (4 * 10^6), commodity A's 8 * 10^6 could all leave by it, filling the first interval (1.4 * 10^7
        // at 2, 2 * 10^6 at 3: 3.4 * 10^7).
        Lp lp = lp(1.4e6, Duration.ofSeconds(10));

        MultiCommodityLp.Solution exact = MultiCommodityLp.solve(lp.networks(), lp.need(), lp.capacity(), false)
                .orElseThrow();

        assertThat(exact.cost()).isCloseTo(3.6e7, within(0.5));
        assertThat(shareSum(exact, linkResource(0))).isCloseTo(1.2e7, within(0.5));
    }
}
