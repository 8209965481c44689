package dev.residency.plan.internal.flow;

import static dev.residency.plan.internal.flow.FlowsByHand.setFlow;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A walk that runs out of arcs at a node must report that node, even when the next node in the arc
 * arrays has flow to give: the arcs of one node are never taken for another's.
 */
final class PathDecompositionConservationTest {

    @Test
    void decompose_walkStuckBeforeANodeWithFlow_namesTheStuckNode() {
        // s=0 -> a=1 flow 1, and a sends nothing on; b=2 -> t=3 flow 1 (b's arcs come right after a's).
        // The walk from s reaches a and finds no arc with flow left: conservation fails at a (node 1).
        ResidualNetwork net = new ResidualNetwork(4, 2);
        int sa = net.addArc(0, 1, 5, 0);
        int bt = net.addArc(2, 3, 5, 0);
        setFlow(net, sa, 1);
        setFlow(net, bt, 1);

        assertThatThrownBy(() -> PathDecomposition.decompose(net, new int[] {0}, new long[] {1}, 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("flow is not conserved at node 1");
    }
}
