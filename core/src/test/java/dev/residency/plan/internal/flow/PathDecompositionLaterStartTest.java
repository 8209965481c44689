package dev.residency.plan.internal.flow;

import static dev.residency.plan.internal.flow.FlowsByHand.setFlow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A cycle cancelled while one start's flow is decomposed leaves nothing behind for the next start:
 * its nodes are no longer marked as on the walk, and a later walk that meets a cycle of its own at a
 * depth where an earlier, longer walk left a used-up arc cancels that cycle by its own bottleneck.
 */
// A separate thread, so that a walk that cancels nothing and meets the same cycle again fails the test.
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
final class PathDecompositionLaterStartTest {

    @Test
    void decompose_laterStartThroughANodeOfACancelledCycle_takesItsOwnPath() {
        // s1=0 -> a=1 flow 2, a -> b=2 flow 1, b -> a flow 1, a -> t=3 flow 2; s2=4 -> b flow 1,
        // b -> t flow 1. Conserved at a (2 + 1 in, 1 + 2 out) and b (1 + 1 in, 1 + 1 out).
        // From s1 the walk s1, a, b meets a again (a -> b is a's first arc, b -> a is b's): the cycle
        // a -> b -> a carries 1 and is cancelled, and s1's 2 units go s1 -> a -> t. From s2 the walk
        // reaches b, whose arc back to a is used up, and goes on to t: s2 -> b -> t carries 1.
        ResidualNetwork net = new ResidualNetwork(5, 6);
        int s1a = net.addArc(0, 1, 5, 0);
        int ab = net.addArc(1, 2, 5, 0);
        int ba = net.addArc(2, 1, 5, 0);
        int at = net.addArc(1, 3, 5, 0);
        int s2b = net.addArc(4, 2, 5, 0);
        int bt = net.addArc(2, 3, 5, 0);
        setFlow(net, s1a, 2);
        setFlow(net, ab, 1);
        setFlow(net, ba, 1);
        setFlow(net, at, 2);
        setFlow(net, s2b, 1);
        setFlow(net, bt, 1);

        List<PathDecomposition.Path> paths = PathDecomposition.decompose(net, new int[] {0, 4}, new long[] {2, 1}, 3);

        assertThat(paths).hasSize(2);
        assertThat(paths.get(0).start()).isZero();
        assertThat(paths.get(0).arcs()).containsExactly(s1a, at);
        assertThat(paths.get(0).amount()).isEqualTo(2);
        assertThat(paths.get(1).start()).isEqualTo(4);
        assertThat(paths.get(1).arcs()).containsExactly(s2b, bt);
        assertThat(paths.get(1).amount()).isEqualTo(1);
    }

    @Test
    void decompose_cycleMetAfterALongerPath_isCancelledByItsOwnBottleneck() {
        // s1=0 -> 1 -> 2 -> t=3, flow 1 on each arc; s2=4 -> 5 flow 1, 5 -> 4 flow 1, 4 -> t flow 1.
        // s1's walk uses three arcs and leaves them empty. s2's walk goes 4, 5 and back to 4 (4 -> 5 is
        // 4's first arc): the cycle 4 -> 5 -> 4 carries min(1, 1) = 1, is cancelled, and s2's unit goes
        // 4 -> t.
        ResidualNetwork net = new ResidualNetwork(6, 6);
        int a01 = net.addArc(0, 1, 3, 0);
        int a12 = net.addArc(1, 2, 3, 0);
        int a23 = net.addArc(2, 3, 3, 0);
        int a45 = net.addArc(4, 5, 3, 0);
        int a54 = net.addArc(5, 4, 3, 0);
        int a43 = net.addArc(4, 3, 3, 0);
        for (int a : new int[] {a01, a12, a23, a45, a54, a43}) {
            setFlow(net, a, 1);
        }

        List<PathDecomposition.Path> paths = PathDecomposition.decompose(net, new int[] {0, 4}, new long[] {1, 1}, 3);

        assertThat(paths).hasSize(2);
        assertThat(paths.get(0).arcs()).containsExactly(a01, a12, a23);
        assertThat(paths.get(0).amount()).isEqualTo(1);
        assertThat(paths.get(1).start()).isEqualTo(4);
        assertThat(paths.get(1).arcs()).containsExactly(a43);
        assertThat(paths.get(1).amount()).isEqualTo(1);
    }
}
