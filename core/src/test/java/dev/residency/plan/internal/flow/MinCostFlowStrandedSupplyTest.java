package dev.residency.plan.internal.flow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When some supply can reach no deficit at all, {@link MinCostFlow} refuses the network before any
 * flow is pushed and counts, exactly, the nodes with supply that are cut off. The count is a property
 * of the network, not of the algorithm: with no negative costs the first phase starts from the zero
 * flow, so the nodes with excess are the nodes with positive supply, and one is cut off when no path
 * of arcs with capacity leads from it to a node with negative supply.
 *
 * <p>The networks are built so that the global price update's backward search (a Dijkstra search
 * from the deficits) scans a node with no excess, re-labels a node already at the top of its heap,
 * and ends with the heap empty right after it labels the last node it can reach.
 */
// A separate thread, so that a solve that spins (an island of supply pushing to and fro) fails the test.
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
final class MinCostFlowStrandedSupplyTest {

    @Test
    void solve_oneSupplyCutOffAndOneReachable_countsOneNode() {
        // Supplies: node 0 +1, node 2 +5 (no arcs at all), node 3 0, node 1 -6 (sum 0).
        // Arcs 0->1 (cost 2), 3->1 (cost 1), 0->3 (cost 0), each of capacity 5: node 0 reaches the
        // deficit at 1 (directly or through 3), node 2 reaches nothing. Nodes with excess: 0 and 2;
        // cut off: 2 alone, so the count is 1.
        // The search from node 1 labels 0 (scaled cost 2 * 5 = 10: distance 11) and 3 (5: distance 6),
        // scans 3 (excess 0, which must not count as a labelled node with excess), lowers 0 to
        // 6 + 0 + 1 = 7 while 0 is the heap's top, and scans 0 last, which empties the heap.
        ResidualNetwork net = new ResidualNetwork(4, 3);
        net.addArc(0, 1, 5, 2);
        net.addArc(3, 1, 5, 1);
        net.addArc(0, 3, 5, 0);
        net.setSupply(0, 1);
        net.setSupply(1, -6);
        net.setSupply(2, 5);

        assertThatThrownBy(() -> MinCostFlow.solve(net))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no flow meets the supplies: 1 nodes with excess cannot reach a node with a deficit");
    }

    @Test
    void solve_twoSuppliesCutOffBehindOneThatIsNot_countsTwoNodes() {
        // Supplies: node 0 +2, node 4 +3, node 5 +1, node 1 -6 (sum 0); nodes 2 and 3 have none.
        // Arcs with capacity: 0->2->1 and 3->1; 4->5 and 5->4 form an island with no deficit; the arc
        // 1->4 leads into the island, but nothing leads out of it. Cut off: 4 and 5, so the count is 2.
        // Nodes with no supply (2, 3) are labelled and scanned before the search ends at node 0.
        ResidualNetwork net = new ResidualNetwork(6, 6);
        net.addArc(0, 2, 4, 3);
        net.addArc(2, 1, 4, 0);
        net.addArc(3, 1, 4, 1);
        net.addArc(4, 5, 4, 1);
        net.addArc(5, 4, 4, 1);
        net.addArc(1, 4, 4, 1);
        net.setSupply(0, 2);
        net.setSupply(4, 3);
        net.setSupply(5, 1);
        net.setSupply(1, -6);

        assertThatThrownBy(() -> MinCostFlow.solve(net))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no flow meets the supplies: 2 nodes with excess cannot reach a node with a deficit");
    }
}
