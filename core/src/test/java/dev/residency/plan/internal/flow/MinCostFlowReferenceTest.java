package dev.residency.plan.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cost-scaling {@link MinCostFlow} finds a feasible flow of the same exact cost as an independent
 * reference, successive shortest paths with Bellman-Ford (written below), on 350 seeded random
 * instances, or fails with {@link IllegalStateException} exactly when the reference finds no feasible
 * flow. Each instance is solved three ways: with the production arc-fixing factor, with a factor of 1
 * (almost every guess wrong, so the repair of fixed arcs runs all the time) and without arc fixing.
 *
 * <p>The instances come from seven families chosen by {@code seed % 7}: general graphs with negative
 * costs, self-loops and negative cycles; all costs zero; many parallel arcs between two to four nodes;
 * random supplies that are often infeasible; costs at the overflow guard's limit; disconnected graphs
 * with isolated nodes (some with stranded supply); dense transportation problems like the benchmark's (up to 40 by 40).
 * The seed and the factor are in every failure.
 */
// A separate thread, so that a solve that spins fails the test instead of hanging the build.
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
final class MinCostFlowReferenceTest {

    private static final int FAMILIES = 7;

    static LongStream seeds() {
        return LongStream.range(0, 350);
    }

    /** Arc lists and supplies; {@code supply[v]} is what node {@code v} must send out, net. */
    private record Instance(String family, int n, int[] from, int[] to, long[] cap, long[] cost, long[] supply) {
        int m() {
            return from.length;
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void solve_randomInstance_matchesSuccessiveShortestPaths(long seed) {
        Instance g = instance(seed);
        long[] reference = successiveShortestPaths(g);
        for (long factor : new long[] {MinCostFlow.FIXING_FACTOR, 1, 0}) {
            String where =
                    "seed " + seed + " (" + g.family + ", n=" + g.n + ", m=" + g.m() + ") fixing factor " + factor;
            ResidualNetwork net = network(g);
            if (reference == null) {
                Throwable thrown = catchThrowable(() -> MinCostFlow.solve(net, factor));
                assertThat(thrown)
                        .as("%s: the reference finds no feasible flow", where)
                        .isInstanceOf(IllegalStateException.class);
                continue;
            }
            double returned = MinCostFlow.solve(net, factor);
            long[] flow = new long[g.m()];
            for (int a = 0; a < g.m(); a++) {
                flow[a] = net.flow(2 * a);
            }
            assertFeasible(g, flow, where);
            BigInteger ours = cost(g, flow);
            assertThat(ours).as("%s: exact cost against the reference", where).isEqualTo(cost(g, reference));
            assertThat(returned)
                    .as("%s: returned cost", where)
                    .isCloseTo(ours.doubleValue(), within(1e-9 * Math.max(1, Math.abs(ours.doubleValue()))));
            // The benchmark re-solves one network: a second solve must start from scratch.
            assertThat(MinCostFlow.solve(net, factor))
                    .as("%s: second solve", where)
                    .isEqualTo(returned);
        }
    }

    @Test
    void solve_costAboveOverflowGuard_isRejectedNamingTheCost() {
        // Three nodes, scale n + 1 = 4: the guard accepts costs below MAX / 64 / 16.
        long limit = Long.MAX_VALUE / 64 / 4 / 4;
        ResidualNetwork accepted = new ResidualNetwork(3, 2);
        accepted.addArc(0, 1, 5, limit - 1);
        accepted.addArc(1, 2, 5, -(limit - 1));
        accepted.setSupply(0, 5);
        accepted.setSupply(2, -5);
        assertThat(MinCostFlow.solve(accepted)).isEqualTo(0.0);

        ResidualNetwork rejected = new ResidualNetwork(3, 2);
        rejected.addArc(0, 1, 5, limit);
        rejected.addArc(1, 2, 5, 0);
        rejected.setSupply(0, 5);
        rejected.setSupply(2, -5);
        assertThatThrownBy(() -> MinCostFlow.solve(rejected))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Long.toString(limit));
    }

    @Test
    void solve_supplyOnIsolatedNode_failsWithoutSpinning() {
        // Node 2 has no arcs at all; its 7 units cannot reach node 1's deficit (3 + 7 = 0 + 10 units).
        ResidualNetwork net = new ResidualNetwork(3, 1);
        net.addArc(0, 1, 100, 4);
        net.setSupply(0, 3);
        net.setSupply(2, 7);
        net.setSupply(1, -10);
        assertThatThrownBy(() -> MinCostFlow.solve(net))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no flow meets the supplies");
    }

    @Test
    void solve_unbalancedSupplies_isRejectedWithTheSum() {
        ResidualNetwork net = new ResidualNetwork(2, 1);
        net.addArc(0, 1, 10, 1);
        net.setSupply(0, 4);
        net.setSupply(1, -3);
        assertThatThrownBy(() -> MinCostFlow.solve(net))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sum was 1");
    }

    @Test
    void solve_twoByTwoTransportation_hasTheHandComputedOptimum() {
        // Sources 0 (supply 5) and 1 (supply 5), sinks 2 (demand 6) and 3 (demand 4). Costs 0->2: 1,
        // 0->3: 4, 1->2: 2, 1->3: 3. Shipping x on 0->2 fixes the rest: 0->3 = 5-x, 1->2 = 6-x,
        // 1->3 = x-1, cost x + 4(5-x) + 2(6-x) + 3(x-1) = 29 - 2x, least at the largest x = 5: 19.
        ResidualNetwork net = new ResidualNetwork(4, 4);
        int a02 = net.addArc(0, 2, 10, 1);
        int a03 = net.addArc(0, 3, 10, 4);
        int a12 = net.addArc(1, 2, 10, 2);
        int a13 = net.addArc(1, 3, 10, 3);
        net.setSupply(0, 5);
        net.setSupply(1, 5);
        net.setSupply(2, -6);
        net.setSupply(3, -4);
        assertThat(MinCostFlow.solve(net)).isEqualTo(19.0);
        assertThat(new long[] {net.flow(a02), net.flow(a03), net.flow(a12), net.flow(a13)})
                .containsExactly(5, 0, 1, 4);
    }

    private static Instance instance(long seed) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
        return switch ((int) (seed % FAMILIES)) {
            case 0 -> general(rng, "general", -10, 30);
            case 1 -> general(rng, "zero costs", 0, 0);
            case 2 -> parallel(rng);
            case 3 -> randomSupplies(rng);
            case 4 -> largeCosts(rng);
            case 5 -> disconnected(rng);
            default -> transportation(rng);
        };
    }

    private static Instance general(SplittableRandom rng, String family, int minCost, int maxCost) {
        int n = 1 + rng.nextInt(12);
        int m = rng.nextInt(4 * n + 1);
        int[] from = new int[m];
        int[] to = new int[m];
        long[] cap = new long[m];
        long[] cost = new long[m];
        for (int a = 0; a < m; a++) {
            from[a] = rng.nextInt(n);
            to[a] = rng.nextInt(n);
            cap[a] = rng.nextInt(4) == 0 ? 0 : rng.nextInt(21);
            cost[a] = minCost + rng.nextInt(maxCost - minCost + 1);
        }
        return withFeasibleSupplies(family, rng, n, from, to, cap, cost);
    }

    private static Instance parallel(SplittableRandom rng) {
        int n = 2 + rng.nextInt(3);
        int m = 5 + rng.nextInt(21);
        int[] from = new int[m];
        int[] to = new int[m];
        long[] cap = new long[m];
        long[] cost = new long[m];
        for (int a = 0; a < m; a++) {
            // Mostly 0 -> 1 and 1 -> 0, so most arcs have parallel twins, often of equal cost.
            from[a] = rng.nextInt(3) == 0 ? rng.nextInt(n) : a % 2;
            to[a] = rng.nextInt(3) == 0 ? rng.nextInt(n) : 1 - a % 2;
            cap[a] = rng.nextInt(11);
            cost[a] = rng.nextInt(11) - 5;
        }
        return withFeasibleSupplies("parallel arcs", rng, n, from, to, cap, cost);
    }

    private static Instance randomSupplies(SplittableRandom rng) {
        Instance g = general(rng, "random supplies", -5, 20);
        long[] supply = new long[g.n];
        long sum = 0;
        for (int v = 0; v < g.n; v++) {
            supply[v] = rng.nextInt(31) - 15;
            sum += supply[v];
        }
        supply[rng.nextInt(g.n)] -= sum;
        return new Instance(g.family, g.n, g.from, g.to, g.cap, g.cost, supply);
    }

    private static Instance largeCosts(SplittableRandom rng) {
        Instance g = general(rng, "costs at the overflow guard", 0, 1);
        long scale = g.n + 1L;
        long limit = Long.MAX_VALUE / 64 / scale / scale - 1;
        for (int a = 0; a < g.m(); a++) {
            switch (rng.nextInt(4)) {
                case 0 -> g.cost[a] = limit;
                case 1 -> g.cost[a] = -limit + rng.nextInt(1000);
                case 2 -> g.cost[a] = limit / 2 + rng.nextLong(limit / 2);
                default -> g.cost[a] = 0;
            }
        }
        return g;
    }

    private static Instance disconnected(SplittableRandom rng) {
        // Nodes 0..k-1 and k..n-3 form two random components; n-2 and n-1 have no arcs.
        int n = 6 + rng.nextInt(8);
        int k = 2 + rng.nextInt(n - 5);
        int m = 2 * n;
        int[] from = new int[m];
        int[] to = new int[m];
        long[] cap = new long[m];
        long[] cost = new long[m];
        for (int a = 0; a < m; a++) {
            boolean left = a % 2 == 0;
            int lo = left ? 0 : k;
            int size = left ? k : n - 2 - k;
            from[a] = lo + rng.nextInt(size);
            to[a] = lo + rng.nextInt(size);
            cap[a] = rng.nextInt(16);
            cost[a] = rng.nextInt(21) - 3;
        }
        Instance g = withFeasibleSupplies("disconnected", rng, n, from, to, cap, cost);
        if (rng.nextBoolean()) {
            // Strand supply on an isolated node, its demand in a component: infeasible.
            long stranded = 1 + rng.nextInt(5);
            g.supply[n - 1] += stranded;
            g.supply[rng.nextInt(n - 2)] -= stranded;
        }
        return g;
    }

    private static Instance transportation(SplittableRandom rng) {
        // One in four is larger, so that late phases fix few arcs among many (another code path).
        int most = rng.nextInt(4) == 0 ? 40 : 12;
        int sources = 2 + rng.nextInt(most - 1);
        int sinks = 2 + rng.nextInt(most - 1);
        int n = sources + sinks;
        boolean complete = rng.nextBoolean();
        int m = 0;
        int[] from = new int[sources * sinks];
        int[] to = new int[sources * sinks];
        for (int i = 0; i < sources; i++) {
            for (int j = 0; j < sinks; j++) {
                if (complete || rng.nextInt(3) > 0) {
                    from[m] = i;
                    to[m] = sources + j;
                    m++;
                }
            }
        }
        from = Arrays.copyOf(from, m);
        to = Arrays.copyOf(to, m);
        long[] cap = new long[m];
        long[] cost = new long[m];
        for (int a = 0; a < m; a++) {
            cap[a] = 1 + rng.nextInt(complete ? 1000 : 30);
            cost[a] = rng.nextInt(1001);
        }
        return withFeasibleSupplies("transportation", rng, n, from, to, cap, cost);
    }

    /** Supplies of a random flow within the capacities, so a feasible flow exists. */
    private static Instance withFeasibleSupplies(
            String family, SplittableRandom rng, int n, int[] from, int[] to, long[] cap, long[] cost) {
        long[] supply = new long[n];
        for (int a = 0; a < from.length; a++) {
            long f = rng.nextInt(3) == 0 ? cap[a] : rng.nextLong(cap[a] + 1);
            supply[from[a]] += f;
            supply[to[a]] -= f;
        }
        return new Instance(family, n, from, to, cap, cost, supply);
    }

    private static ResidualNetwork network(Instance g) {
        ResidualNetwork net = new ResidualNetwork(g.n, g.m());
        for (int a = 0; a < g.m(); a++) {
            net.addArc(g.from[a], g.to[a], g.cap[a], g.cost[a]);
        }
        for (int v = 0; v < g.n; v++) {
            net.setSupply(v, g.supply[v]);
        }
        return net;
    }

    /**
     * Successive shortest paths: saturate every negative-cost arc (so the residual graph has no
     * negative cycle), then send flow from nodes still owing supply to nodes still owed, one
     * Bellman-Ford shortest path at a time; shortest augmenting paths keep the residual graph free of
     * negative cycles, so the final flow is optimal. Returns the flow per arc, or null if some supply
     * cannot reach any deficit.
     */
    private static long[] successiveShortestPaths(Instance g) {
        int n = g.n;
        int m = g.m();
        long[] flow = new long[m];
        long[] owed = g.supply.clone();
        for (int a = 0; a < m; a++) {
            if (g.cost[a] < 0) {
                flow[a] = g.cap[a];
                owed[g.from[a]] -= g.cap[a];
                owed[g.to[a]] += g.cap[a];
            }
        }
        long[] dist = new long[n];
        int[] via = new int[n];
        while (true) {
            boolean pending = false;
            Arrays.fill(dist, Long.MAX_VALUE);
            Arrays.fill(via, -1);
            for (int v = 0; v < n; v++) {
                if (owed[v] > 0) {
                    dist[v] = 0;
                    pending = true;
                }
            }
            if (!pending) {
                return flow;
            }
            // Residual arc 2a is arc a forward, 2a+1 its reverse.
            for (boolean changed = true; changed; ) {
                changed = false;
                for (int a = 0; a < m; a++) {
                    int u = g.from[a];
                    int w = g.to[a];
                    if (flow[a] < g.cap[a] && dist[u] != Long.MAX_VALUE && dist[u] + g.cost[a] < dist[w]) {
                        dist[w] = dist[u] + g.cost[a];
                        via[w] = 2 * a;
                        changed = true;
                    }
                    if (flow[a] > 0 && dist[w] != Long.MAX_VALUE && dist[w] - g.cost[a] < dist[u]) {
                        dist[u] = dist[w] - g.cost[a];
                        via[u] = 2 * a + 1;
                        changed = true;
                    }
                }
            }
            int sink = -1;
            for (int v = 0; v < n; v++) {
                if (owed[v] < 0 && dist[v] != Long.MAX_VALUE && (sink < 0 || dist[v] < dist[sink])) {
                    sink = v;
                }
            }
            if (sink < 0) {
                return null;
            }
            long amount = -owed[sink];
            int v = sink;
            while (via[v] >= 0) {
                int a = via[v] >> 1;
                boolean forward = (via[v] & 1) == 0;
                amount = Math.min(amount, forward ? g.cap[a] - flow[a] : flow[a]);
                v = forward ? g.from[a] : g.to[a];
            }
            int source = v;
            amount = Math.min(amount, owed[source]);
            for (v = sink; v != source; ) {
                int a = via[v] >> 1;
                boolean forward = (via[v] & 1) == 0;
                flow[a] += forward ? amount : -amount;
                v = forward ? g.from[a] : g.to[a];
            }
            owed[source] -= amount;
            owed[sink] += amount;
        }
    }

    private static void assertFeasible(Instance g, long[] flow, String where) {
        long[] out = new long[g.n];
        for (int a = 0; a < g.m(); a++) {
            assertThat(flow[a]).as("%s: flow on arc %s", where, a).isBetween(0L, g.cap[a]);
            out[g.from[a]] += flow[a];
            out[g.to[a]] -= flow[a];
        }
        assertThat(out).as("%s: net outflow per node equals supply", where).containsExactly(g.supply);
    }

    private static BigInteger cost(Instance g, long[] flow) {
        BigInteger sum = BigInteger.ZERO;
        for (int a = 0; a < g.m(); a++) {
            sum = sum.add(BigInteger.valueOf(flow[a]).multiply(BigInteger.valueOf(g.cost[a])));
        }
        return sum;
    }
}
