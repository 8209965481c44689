package dev.residency.plan.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dinic's maximum flow and the cost-scaling minimum-cost flow reach the same optimum as an
 * independent oracle, Commons Math's {@link SimplexSolver}, on 60 seeded random networks each (with
 * parallel arcs, cycles, negative costs); the flow they leave is feasible and decomposes into paths
 * that carry it. The seed is in every failure.
 */
final class FlowOracleTest {

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    private record Instance(int n, int[] from, int[] to, long[] cap, long[] cost) {}

    private static Instance random(long seed) {
        Random rng = new Random(seed);
        int n = 3 + rng.nextInt(6);
        int m = n + rng.nextInt(3 * n);
        int[] from = new int[m];
        int[] to = new int[m];
        long[] cap = new long[m];
        long[] cost = new long[m];
        for (int a = 0; a < m; a++) {
            from[a] = rng.nextInt(n);
            do {
                to[a] = rng.nextInt(n);
            } while (to[a] == from[a]);
            cap[a] = rng.nextInt(25);
            cost[a] = rng.nextInt(16) - 4;
        }
        return new Instance(n, from, to, cap, cost);
    }

    private static ResidualNetwork network(Instance g) {
        ResidualNetwork net = new ResidualNetwork(g.n, g.from.length);
        for (int a = 0; a < g.from.length; a++) {
            net.addArc(g.from[a], g.to[a], g.cap[a], g.cost[a]);
        }
        return net.freeze();
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void augment_randomNetwork_matchesSimplexMaximum(long seed) {
        Instance g = random(seed);
        int s = 0;
        int t = g.n - 1;
        ResidualNetwork net = network(g);

        long value = MaxFlow.augment(net, s, t);

        int m = g.from.length;
        double[] objective = new double[m];
        for (int a = 0; a < m; a++) {
            objective[a] = (g.from[a] == s ? 1 : 0) - (g.to[a] == s ? 1 : 0);
        }
        List<LinearConstraint> constraints = conservation(g, new double[g.n], s, t);
        bounds(g, constraints);
        PointValuePair lp = new SimplexSolver()
                .optimize(
                        new MaxIter(10_000),
                        new LinearObjectiveFunction(objective, 0),
                        new LinearConstraintSet(constraints),
                        GoalType.MAXIMIZE,
                        new NonNegativeConstraint(true));
        assertThat((double) value).as("seed %s", seed).isCloseTo(lp.getValue(), within(1e-6));
        assertFeasible(g, net, new long[g.n], s, t, seed);
        boolean[] side = MaxFlow.sourceSide(net, s);
        long cut = 0;
        for (int a = 0; a < m; a++) {
            if (side[g.from[a]] && !side[g.to[a]]) {
                cut += g.cap[a];
            }
        }
        assertThat(cut).as("seed %s: min cut equals max flow", seed).isEqualTo(value);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void solve_randomSupplies_matchesSimplexMinimumCost(long seed) {
        Instance g = random(seed + 1000);
        Random rng = new Random(seed);
        long[] supply = new long[g.n];
        for (int a = 0; a < g.from.length; a++) {
            // Supplies come from a random feasible flow, so a solution exists.
            long f = g.cap[a] == 0 ? 0 : rng.nextInt((int) g.cap[a] + 1);
            supply[g.from[a]] += f;
            supply[g.to[a]] -= f;
        }
        ResidualNetwork net = network(g);
        for (int v = 0; v < g.n; v++) {
            net.setSupply(v, supply[v]);
        }

        double cost = MinCostFlow.solve(net);

        double[] b = new double[g.n];
        for (int v = 0; v < g.n; v++) {
            b[v] = supply[v];
        }
        List<LinearConstraint> constraints = conservation(g, b, -1, -1);
        bounds(g, constraints);
        double[] objective = new double[g.from.length];
        for (int a = 0; a < objective.length; a++) {
            objective[a] = g.cost[a];
        }
        PointValuePair lp = new SimplexSolver()
                .optimize(
                        new MaxIter(10_000),
                        new LinearObjectiveFunction(objective, 0),
                        new LinearConstraintSet(constraints),
                        GoalType.MINIMIZE,
                        new NonNegativeConstraint(true));
        assertThat(cost).as("seed %s", seed).isCloseTo(lp.getValue(), within(1e-6));
        assertFeasible(g, net, supply, -1, -1, seed);
    }

    /** Out minus in equals {@code b(v)} at every node except {@code s} and {@code t}. */
    private static List<LinearConstraint> conservation(Instance g, double[] b, int s, int t) {
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int v = 0; v < g.n; v++) {
            if (v == s || v == t) {
                continue;
            }
            double[] row = new double[g.from.length];
            for (int a = 0; a < row.length; a++) {
                row[a] += (g.from[a] == v ? 1 : 0) - (g.to[a] == v ? 1 : 0);
            }
            constraints.add(new LinearConstraint(row, Relationship.EQ, b[v]));
        }
        return constraints;
    }

    private static void bounds(Instance g, List<LinearConstraint> constraints) {
        for (int a = 0; a < g.from.length; a++) {
            double[] row = new double[g.from.length];
            row[a] = 1;
            constraints.add(new LinearConstraint(row, Relationship.LEQ, g.cap[a]));
        }
    }

    private static void assertFeasible(Instance g, ResidualNetwork net, long[] supply, int s, int t, long seed) {
        long[] balance = new long[g.n];
        for (int a = 0; a < g.from.length; a++) {
            long f = net.flow(2 * a);
            assertThat(f).as("seed %s arc %s", seed, a).isBetween(0L, g.cap[a]);
            balance[g.from[a]] += f;
            balance[g.to[a]] -= f;
        }
        for (int v = 0; v < g.n; v++) {
            if (v != s && v != t) {
                assertThat(balance[v]).as("seed %s node %s", seed, v).isEqualTo(supply[v]);
            }
        }
        if (s >= 0) {
            List<PathDecomposition.Path> paths =
                    PathDecomposition.decompose(net, new int[] {s}, new long[] {balance[s]}, t);
            long carried =
                    paths.stream().mapToLong(PathDecomposition.Path::amount).sum();
            assertThat(carried).as("seed %s: paths carry the flow", seed).isEqualTo(balance[s]);
            for (PathDecomposition.Path p : paths) {
                assertThat(net.tail(p.arcs()[0])).isEqualTo(s);
                assertThat(net.head(p.arcs()[p.arcs().length - 1])).isEqualTo(t);
            }
        }
    }
}
