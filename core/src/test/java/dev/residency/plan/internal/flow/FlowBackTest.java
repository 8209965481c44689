package dev.residency.plan.internal.flow;

import static dev.residency.plan.internal.flow.FlowsByHand.setFlow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Flow that goes back on itself. Dinic's algorithm must send flow back along an arc used in an earlier phase: on the network below
 * the first phase's blocking flow takes the shortest path s-a-d-t, and the maximum (2) is reached only
 * by the second phase's path s-b-d-a-e-f-t, which cancels the unit on a-d.
 *
 * <pre>
 *   s -> a -> d -> t        all capacities 1; the arcs are added in this order, so the first
 *   s -> b -> d             phase's depth-first search goes s-a-d-t
 *        a -> e -> f -> t
 * </pre>
 *
 * <p>And the path decomposition must cancel a cycle that returns to the start node itself, not only
 * one that returns to a node met later on the walk.
 */
final class FlowBackTest {

    private static final int S = 0;
    private static final int A = 1;
    private static final int B = 2;
    private static final int D = 3;
    private static final int E = 4;
    private static final int F = 5;
    private static final int T = 6;

    @Test
    void augment_secondPhaseCancelsTheFirstPhasesFlow_reachesTheMaximum() {
        ResidualNetwork net = new ResidualNetwork(7, 8);
        int sa = net.addArc(S, A, 1, 0);
        int ad = net.addArc(A, D, 1, 0);
        int dt = net.addArc(D, T, 1, 0);
        int sb = net.addArc(S, B, 1, 0);
        int bd = net.addArc(B, D, 1, 0);
        int ae = net.addArc(A, E, 1, 0);
        int ef = net.addArc(E, F, 1, 0);
        int ft = net.addArc(F, T, 1, 0);

        // Two arcs leave s, each of capacity 1: the cut {s} has capacity 2, and the two paths
        // s-a-e-f-t and s-b-d-t reach it.
        assertThat(MaxFlow.augment(net, S, T)).isEqualTo(2);
        // Those two paths are the only flow of value 2: a-d carries nothing in the end.
        assertThat(net.flow(ad)).isZero();
        for (int arc : new int[] {sa, dt, sb, bd, ae, ef, ft}) {
            assertThat(net.flow(arc)).as("arc %s", arc).isEqualTo(1);
        }
        // Saturated: the sink's side of the cut is everything but s.
        assertThat(MaxFlow.sourceSide(net, S)).containsExactly(true, false, false, false, false, false, false);
    }

    @Test
    void decompose_cycleThroughTheStart_isCancelled() {
        // s=0 -> x=1 flow 1, x -> s flow 1 (a cycle through s, s -> x being s's first arc), s -> t=2 flow 1:
        // conserved at x (1 in, 1 out) and at s apart from its supply of 1. The walk s, x meets s again at
        // position 0: the cycle s -> x -> s is cancelled and the one path is s -> t with 1.
        ResidualNetwork net = new ResidualNetwork(3, 3);
        int sx = net.addArc(0, 1, 5, 0);
        int xs = net.addArc(1, 0, 5, 0);
        int st = net.addArc(0, 2, 5, 0);
        setFlow(net, sx, 1);
        setFlow(net, xs, 1);
        setFlow(net, st, 1);

        List<PathDecomposition.Path> paths = PathDecomposition.decompose(net, new int[] {0}, new long[] {1}, 2);

        assertThat(paths).hasSize(1);
        assertThat(paths.get(0).start()).isZero();
        assertThat(paths.get(0).arcs()).containsExactly(st);
        assertThat(paths.get(0).amount()).isEqualTo(1);
    }
}
