package dev.residency.plan.internal.flow;

import static dev.residency.plan.internal.flow.FlowsByHand.setFlow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The flow package's contracts on networks small enough to work by hand: the residual network's
 * argument checks, growth, capacity changes, flow clearing and cost; Dinic's argument checks, its
 * continuation after a capacity is raised and the source side of the minimum cut; the path
 * decomposition's argument checks, cycle cancelling and conservation error. The arithmetic is in each
 * test.
 */
final class FlowEdgeTest {

    @Test
    void network_nodesOrArcsOutOfRange_isRejectedNamingTheValue() {
        assertThatThrownBy(() -> new ResidualNetwork(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nodes must be positive, was 0");
        assertThatThrownBy(() -> new ResidualNetwork(2, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expectedArcs must not be negative, was -1");
        assertThat(new ResidualNetwork(1, 0).nodeCount()).isEqualTo(1);
    }

    @Test
    void addArc_badEndsOrCapacity_isRejected() {
        ResidualNetwork net = new ResidualNetwork(2, 1);

        assertThatThrownBy(() -> net.addArc(2, 0, 1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> net.addArc(0, -1, 1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> net.addArc(0, 1, -1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("arc capacity must not be negative, was -1");
        assertThat(net.addArc(0, 1, 0, 0)).isZero();
        assertThat(net.arcCount()).isEqualTo(2);
    }

    @Test
    void addArc_afterFreeze_isRejected() {
        ResidualNetwork net = new ResidualNetwork(2, 1);
        net.addArc(0, 1, 1, 0);
        assertThat(net.freeze()).isSameAs(net);
        assertThat(net.freeze()).isSameAs(net);

        assertThatThrownBy(() -> net.addArc(1, 0, 1, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the network is frozen; add arcs before freeze()");
    }

    @Test
    void addArc_pastTheRoomAskedFor_growsAndKeepsEveryArc() {
        // Room for 0 arcs is 8 slots (4 arcs and their reverses); six parallel arcs 0->1 of capacities
        // 1..6 and costs 10..60 need 12 slots. Max flow 1 + ... + 6 = 21.
        ResidualNetwork net = new ResidualNetwork(2, 0);
        for (int k = 0; k < 6; k++) {
            assertThat(net.addArc(0, 1, k + 1, 10 * (k + 1))).isEqualTo(2 * k);
        }

        assertThat(net.arcCount()).isEqualTo(12);
        for (int k = 0; k < 6; k++) {
            assertThat(net.capacity(2 * k)).isEqualTo(k + 1);
            assertThat(net.cost(2 * k)).isEqualTo(10 * (k + 1));
            assertThat(net.cost(2 * k + 1)).isEqualTo(-10 * (k + 1));
            assertThat(net.head(2 * k)).isEqualTo(1);
            assertThat(net.tail(2 * k)).isEqualTo(0);
            assertThat(net.head(2 * k + 1)).isEqualTo(0);
            assertThat(net.tail(2 * k + 1)).isEqualTo(1);
        }
        assertThat(MaxFlow.augment(net, 0, 1)).isEqualTo(21);
        // Every arc saturated: cost 10 * (1 + 4 + 9 + 16 + 25 + 36) = 910.
        assertThat(net.totalCost()).isEqualTo(910.0);
    }

    @Test
    void setCapacity_reverseArcOrBelowFlow_isRejected() {
        // s=0 -> a=1 capacity 5, a -> t=2 capacity 3: max flow 3.
        ResidualNetwork net = new ResidualNetwork(3, 2);
        int sa = net.addArc(0, 1, 5, 0);
        int at = net.addArc(1, 2, 3, 0);
        assertThat(MaxFlow.augment(net, 0, 2)).isEqualTo(3);

        assertThatThrownBy(() -> net.setCapacity(at + 1, 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("arc 3 is a reverse arc");
        assertThatThrownBy(() -> net.setCapacity(at, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity 2 of arc 2 is below its flow 3");
        net.setCapacity(sa, 3);
        assertThat(net.flow(sa)).isEqualTo(3);
        assertThat(net.capacity(sa)).isEqualTo(3);
    }

    @Test
    void augment_afterRaisingACapacity_continuesFromTheFlow() {
        // s -> a capacity 5, a -> t capacity 3: 3 units; raising a -> t to 7 lets the other 2 through.
        ResidualNetwork net = new ResidualNetwork(3, 2);
        int sa = net.addArc(0, 1, 5, 0);
        int at = net.addArc(1, 2, 3, 0);
        assertThat(MaxFlow.augment(net, 0, 2)).isEqualTo(3);

        net.setCapacity(at, 7);

        assertThat(net.flow(at)).isEqualTo(3);
        assertThat(MaxFlow.augment(net, 0, 2)).isEqualTo(2);
        assertThat(net.flow(sa)).isEqualTo(5);
        assertThat(net.flow(at)).isEqualTo(5);
        assertThat(MaxFlow.augment(net, 0, 2)).isZero();
    }

    @Test
    void clearFlow_removesAllFlowSoTheSameMaximumIsFoundAgain() {
        // s=0 -> a=1 capacity 4 cost 2, a -> t=2 capacity 4 cost -3: 4 units cost 4 * (2 - 3) = -4.
        ResidualNetwork net = new ResidualNetwork(3, 2);
        int sa = net.addArc(0, 1, 4, 2);
        int at = net.addArc(1, 2, 4, -3);
        assertThat(MaxFlow.augment(net, 0, 2)).isEqualTo(4);
        assertThat(net.totalCost()).isEqualTo(-4.0);

        net.clearFlow();

        assertThat(net.flow(sa)).isZero();
        assertThat(net.flow(at)).isZero();
        assertThat(net.totalCost()).isZero();
        // The reverse arcs hold nothing either: from t, nothing is reachable.
        assertThat(MaxFlow.sourceSide(net, 2)).containsExactly(false, false, true);
        assertThat(MaxFlow.augment(net, 0, 2)).isEqualTo(4);
    }

    @Test
    void supply_isKeptPerNode() {
        ResidualNetwork net = new ResidualNetwork(3, 0);
        net.setSupply(0, 7);
        net.setSupply(2, -7);

        assertThat(net.supply(0)).isEqualTo(7);
        assertThat(net.supply(1)).isZero();
        assertThat(net.supply(2)).isEqualTo(-7);
    }

    @Test
    void augment_sameOrMissingNodes_isRejected() {
        ResidualNetwork net = new ResidualNetwork(2, 1);
        net.addArc(0, 1, 1, 0);

        assertThatThrownBy(() -> MaxFlow.augment(net, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("source and sink must differ, both were 1");
        assertThatThrownBy(() -> MaxFlow.augment(net, 2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MaxFlow.augment(net, 0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MaxFlow.augment(null, 0, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void sourceSide_afterMaximumFlow_isTheMinimumCut() {
        // s=0 -> a=1 capacity 1, a -> t=3 capacity 5, s -> b=2 capacity 5, b -> t capacity 1: max flow 2;
        // s -> a and b -> t are saturated, so the source reaches b only (and b reaches back to s).
        ResidualNetwork net = new ResidualNetwork(4, 4);
        net.addArc(0, 1, 1, 0);
        net.addArc(1, 3, 5, 0);
        net.addArc(0, 2, 5, 0);
        net.addArc(2, 3, 1, 0);

        assertThat(MaxFlow.augment(net, 0, 3)).isEqualTo(2);
        assertThat(MaxFlow.sourceSide(net, 0)).containsExactly(true, false, true, false);
    }

    @Test
    void augment_pathThatSaturatesMidway_retreatsAndFindsTheOtherBranch() {
        // s=0 -> a=1 capacity 10; a -> b=2 capacity 2, b -> t=4 capacity 10; a -> c=3 capacity 10,
        // c -> t capacity 10. One level graph: the path through b saturates a -> b after 2 units and the
        // search must go back to a and push the other 8 through c. Max flow 10.
        ResidualNetwork net = new ResidualNetwork(5, 5);
        net.addArc(0, 1, 10, 0);
        int ab = net.addArc(1, 2, 2, 0);
        net.addArc(2, 4, 10, 0);
        int ac = net.addArc(1, 3, 10, 0);
        net.addArc(3, 4, 10, 0);

        assertThat(MaxFlow.augment(net, 0, 4)).isEqualTo(10);
        assertThat(net.flow(ab)).isEqualTo(2);
        assertThat(net.flow(ac)).isEqualTo(8);
    }

    @Test
    void decompose_flowWithACycle_cancelsTheCycleAndReturnsThePath() {
        // s=0 -> a=1 flow 2, a -> b=2 flow 3, b -> a flow 1, b -> t=3 flow 2: conserved at a (2 + 1 in,
        // 3 out) and b (3 in, 1 + 2 out). The walk s, a, b meets a again (b -> a is b's first arc): the
        // cycle a -> b -> a carries 1 and is cancelled; the path s, a, b, t carries 2.
        ResidualNetwork net = new ResidualNetwork(4, 4);
        int sa = net.addArc(0, 1, 5, 0);
        int ab = net.addArc(1, 2, 5, 0);
        int ba = net.addArc(2, 1, 5, 0);
        int bt = net.addArc(2, 3, 5, 0);
        setFlow(net, sa, 2);
        setFlow(net, ab, 3);
        setFlow(net, ba, 1);
        setFlow(net, bt, 2);

        List<PathDecomposition.Path> paths = PathDecomposition.decompose(net, new int[] {0}, new long[] {2}, 3);

        assertThat(paths).hasSize(1);
        assertThat(paths.get(0).start()).isZero();
        assertThat(paths.get(0).arcs()).containsExactly(sa, ab, bt);
        assertThat(paths.get(0).amount()).isEqualTo(2);
    }

    @Test
    void decompose_twoStartsSharingAnArc_splitsTheFlow() {
        // s1=0 -> m=2 flow 3, s2=1 -> m flow 4, m -> t=3 flow 7: paths of 3 from s1 and 4 from s2, each
        // asked in two pieces (1 then 2, and 4 at once).
        ResidualNetwork net = new ResidualNetwork(4, 3);
        int am = net.addArc(0, 2, 9, 0);
        int bm = net.addArc(1, 2, 9, 0);
        int mt = net.addArc(2, 3, 9, 0);
        setFlow(net, am, 3);
        setFlow(net, bm, 4);
        setFlow(net, mt, 7);

        List<PathDecomposition.Path> paths =
                PathDecomposition.decompose(net, new int[] {0, 0, 1}, new long[] {1, 2, 4}, 3);

        assertThat(paths).hasSize(3);
        assertThat(paths.get(0).amount()).isEqualTo(1);
        assertThat(paths.get(1).amount()).isEqualTo(2);
        assertThat(paths.get(1).arcs()).containsExactly(am, mt);
        assertThat(paths.get(2).start()).isEqualTo(1);
        assertThat(paths.get(2).arcs()).containsExactly(bm, mt);
        assertThat(paths.get(2).amount()).isEqualTo(4);
    }

    @Test
    void decompose_moreThanTheFlowCarries_failsNamingTheNode() {
        // s=0 -> a=1 flow 2, a -> t=2 flow 1: asking 2 from s strands a unit at a.
        ResidualNetwork net = new ResidualNetwork(3, 2);
        int sa = net.addArc(0, 1, 5, 0);
        int at = net.addArc(1, 2, 5, 0);
        setFlow(net, sa, 2);
        setFlow(net, at, 1);

        assertThatThrownBy(() -> PathDecomposition.decompose(net, new int[] {0}, new long[] {2}, 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("flow is not conserved at node 1");
    }

    @Test
    void decompose_mismatchedArguments_areRejected() {
        ResidualNetwork net = new ResidualNetwork(2, 1);
        net.addArc(0, 1, 1, 0);

        assertThatThrownBy(() -> PathDecomposition.decompose(net, new int[] {0}, new long[] {1, 1}, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("starts and amounts differ in length");
        assertThatThrownBy(() -> new PathDecomposition.Path(0, new int[0], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a path must carry a positive amount, was 0");
        assertThatThrownBy(() -> new PathDecomposition.Path(0, null, 1)).isInstanceOf(NullPointerException.class);
        assertThat(PathDecomposition.decompose(net, new int[] {0}, new long[] {0}, 1))
                .isEmpty();
    }

    @Test
    void solve_negativeFixingFactor_isRejected() {
        ResidualNetwork net = new ResidualNetwork(2, 1);
        net.addArc(0, 1, 1, 0);

        assertThatThrownBy(() -> MinCostFlow.solve(net, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fixingFactor must not be negative, was -1");
    }

    @Test
    void solve_twoRoutes_takesTheCheaperFirstAndReturnsTheCost() {
        // Supply 5 at s=0, demand 5 at t=2; s -> t directly capacity 3 cost 4, s -> a=1 -> t capacity 10
        // cost 1 + 1. All 5 go through a: cost 5 * 2 = 10; then with s -> a cut to 2, 2 through a (4) and
        // 3 direct (12): 16.
        ResidualNetwork net = new ResidualNetwork(3, 3);
        int st = net.addArc(0, 2, 3, 4);
        int sa = net.addArc(0, 1, 10, 1);
        net.addArc(1, 2, 10, 1);
        net.setSupply(0, 5);
        net.setSupply(2, -5);

        assertThat(MinCostFlow.solve(net)).isEqualTo(10.0);
        assertThat(net.flow(st)).isZero();

        net.clearFlow();
        net.setCapacity(sa, 2);
        assertThat(MinCostFlow.solve(net)).isEqualTo(16.0);
        assertThat(net.flow(st)).isEqualTo(3);
        assertThat(net.flow(sa)).isEqualTo(2);
    }
}
