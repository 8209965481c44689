package dev.residency.plan.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@link ResidualNetwork#flows()} and {@link ResidualNetwork#setFlows(long[])} save and restore a flow
 * arc by arc (the planner's horizon search warm-starts each maximum flow from the last one that fell
 * short this way), {@code setFlows} refuses a flow of the wrong length or outside an arc's capacity
 * before it writes anything, and the raw out-arc index is refused before {@link ResidualNetwork#freeze()}.
 */
final class ResidualNetworkFlowsTest {

    /** Four nodes, arcs 0->1 (capacity 5), 1->2 (7), 0->2 (4), 2->3 (9): ids 0, 2, 4, 6. */
    private static ResidualNetwork diamond() {
        ResidualNetwork net = new ResidualNetwork(4, 4);
        net.addArc(0, 1, 5, 0);
        net.addArc(1, 2, 7, 0);
        net.addArc(0, 2, 4, 0);
        net.addArc(2, 3, 9, 0);
        return net.freeze();
    }

    @Test
    void flows_afterMaximumFlow_isTheFlowOfEachAddedArcInOrder() {
        // From 0 to 3: 2->3 (9) is the cut's only candidate below 0's 5 + 4 = 9 out, so all 9 go:
        // 5 on 0->1->2 and 4 on 0->2, then 9 on 2->3.
        ResidualNetwork net = diamond();
        assertThat(net.flows()).containsExactly(0, 0, 0, 0);

        assertThat(MaxFlow.augment(net, 0, 3)).isEqualTo(9);

        assertThat(net.flows()).containsExactly(5, 5, 4, 9);
    }

    @Test
    void setFlows_savedFlowPutBackAfterClearing_restoresFlowsAndResiduals() {
        ResidualNetwork net = diamond();
        MaxFlow.augment(net, 0, 3);
        long[] saved = net.flows();
        net.clearFlow();
        assertThat(net.flows()).containsExactly(0, 0, 0, 0);

        net.setFlows(saved);

        assertThat(net.flows()).containsExactly(5, 5, 4, 9);
        // Residuals: forward capacity - flow, reverse = flow, for arcs 0..6 and their reverses 1..7.
        assertThat(net.residuals()).startsWith(0, 5, 2, 5, 0, 4, 0, 9);
        // The restored flow is maximum: nothing more can be added, and 3 is cut off from 0.
        assertThat(MaxFlow.augment(net, 0, 3)).isZero();
        assertThat(MaxFlow.sourceSide(net, 0)).containsExactly(true, false, false, false);
    }

    @Test
    void setFlows_flowAtZeroAndAtCapacity_isAccepted_andAugmentingContinuesFromIt() {
        // 0->1 full (5 of 5), 1->2 carrying the same 5 (of 7), 0->2 empty (0 of 4), 2->3 carrying 5:
        // a conserved flow of value 5. Augmenting adds the 4 of 0->2, up to 9 on 2->3.
        ResidualNetwork net = diamond();

        net.setFlows(new long[] {5, 5, 0, 5});

        assertThat(net.flows()).containsExactly(5, 5, 0, 5);
        assertThat(MaxFlow.augment(net, 0, 3)).isEqualTo(4);
        assertThat(net.flows()).containsExactly(5, 5, 4, 9);
    }

    @Test
    void setFlows_wrongLength_isRejectedNamingBothCounts() {
        ResidualNetwork net = diamond();

        assertThatThrownBy(() -> net.setFlows(new long[] {1, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flows has 3 entries for 4 arcs");
        assertThatThrownBy(() -> net.setFlows(new long[8]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flows has 8 entries for 4 arcs");
    }

    @Test
    void setFlows_entryOutsideItsCapacity_isRejectedAndNothingIsWritten() {
        ResidualNetwork net = diamond();
        net.setFlows(new long[] {1, 1, 2, 3});

        // The third entry (arc id 4, capacity 4) is one above its capacity; the first two are valid and
        // must not be written either.
        assertThatThrownBy(() -> net.setFlows(new long[] {2, 2, 5, 7}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flow 5 of arc 4 is outside [0, 4]");
        // The last entry (arc id 6, capacity 9) is negative.
        assertThatThrownBy(() -> net.setFlows(new long[] {2, 2, 0, -1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flow -1 of arc 6 is outside [0, 9]");

        assertThat(net.flows()).containsExactly(1, 1, 2, 3);
    }

    @Test
    void outStart_beforeFreeze_isRefused() {
        ResidualNetwork net = new ResidualNetwork(2, 1);
        net.addArc(0, 1, 1, 0);

        assertThatThrownBy(net::outStart)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("freeze() the network first");
    }
}
