package dev.residency.plan.internal.solve;

import dev.residency.plan.internal.flow.ResidualNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The earliest-arrival problem of several commodities sharing the time-expanded network, solved
 * exactly as one linear program (Commons Math's {@link SimplexSolver}) where it is small.
 *
 * <p>The LP is written on the commodities' own {@link TimeExpandedNetwork}s, each built on the full
 * capacities with its arrival costs: one variable per arc of positive capacity and commodity, one
 * conservation row per node and commodity (the source sends the commodity's units, the sink takes
 * them), one row per arc whose private capacity could bind (a demand's arc from the source), and one
 * row per <em>shared resource</em> (a link, ingest or egress limit in one interval, a site's free
 * storage) that the commodities' total could exceed: their flows on it sum to at most its capacity.
 * The objective is the networks' own cost (arrival time weighted above every route's egress, plus
 * egress), so its optimum is the least violation-time integral, then the least egress, of the
 * fractional multi-commodity flow on that network: a lower bound on every integral routing of it,
 * the decomposition's included.
 *
 * <p><b>Rounding.</b> Multi-commodity LPs have fractional vertices, so the flow planner does not use
 * the LP's flows directly: it routes the commodities one after another with their min-cost flows, each
 * capped on every shared resource at its LP share (rounded to the nearest unit where it is within the
 * simplex's tolerance of one, else up). A commodity's LP flow is feasible within those caps, so
 * (single-commodity flows with integral capacities having integral optima) its integral min-cost flow
 * fits and costs no more than its LP share did: the sum is the LP optimum, up to the simplex's
 * tolerance. Shares rounded up can overbook a resource by a unit per commodity; if a later commodity
 * then does not fit, the LP is solved again with a margin: every resource used by {@code k}
 * commodities gives up {@code (k + 1) * (1 + tolerance)} units ({@link #toleranceUnits}), and its shares
 * rounded up fit whatever the order. The planner reports the cost it reached against the margin-free
 * optimum.
 *
 * <p><b>Size limit.</b> Commons Math's simplex keeps a dense tableau (constraints times variables plus
 * slack and artificial columns) and pivots on all of it, so its time grows about with the cube of the
 * size: {@value #MAX_VARIABLES} variables and {@value #MAX_CONSTRAINTS} constraints solve in about a
 * second on the 2-core build machine (measured by {@code ExactLpTimingTest}, see {@code
 * docs/planner-lp.md}); {@code DEPENDENCIES.md} records 16 s for 2·10^4 variables. Larger problems
 * take the sequential decomposition ({@link AggregateSolver}) with its gap to the LP unknown.
 *
 * <p>Stateless and thread-safe.
 */
final class MultiCommodityLp {

    /** The most variables the planner lets the simplex take. */
    static final int MAX_VARIABLES = 1_200;

    /** The most constraints the planner lets the simplex take. */
    static final int MAX_CONSTRAINTS = 1_200;

    /** The simplex's relative accuracy the rounding allows for: 10^-6 of the largest commodity. */
    private static final double RELATIVE_TOLERANCE = 1e-6;

    private MultiCommodityLp() {}

    /**
     * The LP's optimum.
     *
     * @param share per commodity (index in the networks' list) and resource, the LP's flow in units
     * @param cost the optimum, in the networks' cost units
     * @param variables the LP's variables
     * @param constraints the LP's constraints
     */
    record Solution(double[][] share, double cost, int variables, int constraints) {}

    /**
     * The LP's size.
     *
     * @param variables the number of variables
     * @param constraints the number of constraints
     */
    record Size(int variables, int constraints) {

        /** Returns whether the planner lets the simplex take an LP of this size. */
        boolean fits() {
            return variables <= MAX_VARIABLES && constraints <= MAX_CONSTRAINTS;
        }

        @Override
        public String toString() {
            return variables + " variables, " + constraints + " constraints";
        }
    }

    /** Returns the units by which a commodity's share of a resource is rounded up, beyond the next unit. */
    static double toleranceUnits(long[] need) {
        long largest = 0;
        for (long n : need) {
            largest = Math.max(largest, n);
        }
        return RELATIVE_TOLERANCE * largest;
    }

    /** Returns the size of the LP of {@code networks} (see {@link #solve}). */
    static Size size(List<TimeExpandedNetwork> networks, long[] need, long[] capacity) {
        return new Layout(networks, need, capacity, true).size();
    }

    /**
     * Solves the LP of {@code networks}, one per commodity, built on the full {@code capacity} of the
     * shared resources, network {@code j} to carry {@code need[j]} units from its source to its sink;
     * empty if it is larger than {@link #MAX_VARIABLES} or {@link #MAX_CONSTRAINTS}. With {@code
     * margin}, every resource shared by {@code k > 1} commodities gives up {@code (k + 1) * (1 +}
     * {@link #toleranceUnits}{@code )} units, so that the shares rounded up never overbook it; without,
     * the optimum is the exact LP's, a lower bound on every routing of the networks.
     *
     * @throws org.apache.commons.math3.exception.MathIllegalStateException if the simplex fails (no
     *     feasible solution, or too many iterations)
     */
    static Optional<Solution> solve(List<TimeExpandedNetwork> networks, long[] need, long[] capacity, boolean margin) {
        Layout layout = new Layout(networks, need, capacity, margin);
        Size size = layout.size();
        if (!size.fits()) {
            return Optional.empty();
        }
        return Optional.of(layout.solve());
    }

    /**
     * Solves the LP whatever its size (the timing program measures the simplex beyond the limits with
     * it); {@link #solve} is the planner's entry.
     *
     * @throws org.apache.commons.math3.exception.MathIllegalStateException if the simplex fails
     */
    static Solution solveAnySize(List<TimeExpandedNetwork> networks, long[] need, long[] capacity, boolean margin) {
        return new Layout(networks, need, capacity, margin).solve();
    }

    /** The LP's variables and rows, counted before the tableau is built. */
    private static final class Layout {
        final List<TimeExpandedNetwork> networks;
        final long[] need;
        final long[] capacity;
        /** Per network, per forward arc index {@code k}, its variable or -1. */
        final int[][] variableOf;
        /** Per variable, {network, arc index k}. */
        final List<int[]> variables = new ArrayList<>();
        /** Per resource, how many networks have an arc on it, and their needs' sum. */
        final int[] users;

        final long[] userNeed;
        final double tolerance;
        final boolean margin;
        int rows;

        Layout(List<TimeExpandedNetwork> networks, long[] need, long[] capacity, boolean margin) {
            this.networks = networks;
            this.margin = margin;
            this.need = need;
            this.capacity = capacity;
            this.tolerance = toleranceUnits(need);
            variableOf = new int[networks.size()][];
            users = new int[capacity.length];
            userNeed = new long[capacity.length];
            for (int j = 0; j < networks.size(); j++) {
                TimeExpandedNetwork ten = networks.get(j);
                ResidualNetwork net = ten.network;
                variableOf[j] = new int[ten.arcResource.length];
                boolean[] nodeUsed = new boolean[net.nodeCount()];
                for (int k = 0; k < ten.arcResource.length; k++) {
                    variableOf[j][k] = -1;
                    if (net.capacity(2 * k) <= 0) {
                        continue;
                    }
                    variableOf[j][k] = variables.size();
                    variables.add(new int[] {j, k});
                    nodeUsed[net.tail(2 * k)] = true;
                    nodeUsed[net.head(2 * k)] = true;
                    int r = ten.arcResource[k];
                    if (r >= 0) {
                        users[r]++;
                        userNeed[r] += need[j];
                    } else if (net.capacity(2 * k) < need[j]) {
                        rows++;
                    }
                }
                for (boolean used : nodeUsed) {
                    rows += used ? 1 : 0;
                }
            }
            for (int r = 0; r < capacity.length; r++) {
                if (binds(r)) {
                    rows++;
                }
            }
        }

        Size size() {
            return new Size(variables.size(), rows);
        }

        /** Returns whether resource {@code r} could bind: the commodities on it need more than it holds. */
        private boolean binds(int r) {
            return users[r] > 0 && available(r) < userNeed[r];
        }

        /** Returns resource {@code r}'s capacity less the rounding margin of its users. */
        private double available(int r) {
            double room = margin && users[r] > 1 ? (users[r] + 1) * (1 + tolerance) : 0;
            return Math.max(0, capacity[r] - room);
        }

        Solution solve() {
            int n = variables.size();
            double scale = 1;
            for (long u : need) {
                scale = Math.max(scale, u);
            }
            double maxCost = 1;
            for (int[] v : variables) {
                maxCost = Math.max(maxCost, Math.abs(networks.get(v[0]).network.cost(2 * v[1])));
            }
            List<LinearConstraint> constraints = new ArrayList<>(rows);
            double[] objective = new double[n];
            List<List<Integer>> onResource = new ArrayList<>(capacity.length);
            for (int r = 0; r < capacity.length; r++) {
                onResource.add(null);
            }
            for (int j = 0; j < networks.size(); j++) {
                TimeExpandedNetwork ten = networks.get(j);
                ResidualNetwork net = ten.network;
                double[][] balance = new double[net.nodeCount()][];
                for (int k = 0; k < ten.arcResource.length; k++) {
                    int x = variableOf[j][k];
                    if (x < 0) {
                        continue;
                    }
                    int arc = 2 * k;
                    objective[x] = net.cost(arc) / maxCost;
                    // tail(arc) sends, head(arc) receives: row = outflow - inflow
                    row(balance, net.tail(arc), n)[x] += 1;
                    row(balance, net.head(arc), n)[x] -= 1;
                    int r = ten.arcResource[k];
                    if (r >= 0) {
                        if (binds(r)) {
                            if (onResource.get(r) == null) {
                                onResource.set(r, new ArrayList<>());
                            }
                            onResource.get(r).add(x);
                        }
                    } else if (net.capacity(arc) < need[j]) {
                        double[] cap = new double[n];
                        cap[x] = 1;
                        constraints.add(new LinearConstraint(cap, Relationship.LEQ, net.capacity(arc) / scale));
                    }
                }
                for (int node = 0; node < balance.length; node++) {
                    if (balance[node] != null) {
                        double supply = node == ten.source ? need[j] : node == ten.sink ? -need[j] : 0;
                        constraints.add(new LinearConstraint(balance[node], Relationship.EQ, supply / scale));
                    }
                }
            }
            for (int r = 0; r < capacity.length; r++) {
                List<Integer> on = onResource.get(r);
                if (on != null) {
                    double[] sum = new double[n];
                    for (int x : on) {
                        sum[x] = 1;
                    }
                    constraints.add(new LinearConstraint(sum, Relationship.LEQ, available(r) / scale));
                }
            }
            PointValuePair optimum = new SimplexSolver()
                    .optimize(
                            new MaxIter(200_000),
                            new LinearObjectiveFunction(objective, 0),
                            new LinearConstraintSet(constraints),
                            GoalType.MINIMIZE,
                            new NonNegativeConstraint(true));
            double[] point = optimum.getPoint();
            double[][] share = new double[networks.size()][capacity.length];
            for (int x = 0; x < n; x++) {
                int[] v = variables.get(x);
                int r = networks.get(v[0]).arcResource[v[1]];
                if (r >= 0) {
                    share[v[0]][r] += Math.max(0, point[x]) * scale;
                }
            }
            return new Solution(share, optimum.getValue() * scale * maxCost, n, constraints.size());
        }

        private static double[] row(double[][] rows, int node, int width) {
            if (rows[node] == null) {
                rows[node] = new double[width];
            }
            return rows[node];
        }
    }
}
