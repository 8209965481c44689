package dev.residency.plan.internal.solve;

import dev.residency.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The multi-commodity fluid makespan of an aggregated problem at the topology's static rates (ready
 * dates, approvals, maintenance and release dates ignored: a relaxation of a time-varying problem, since
 * more capacity never lengthens the optimum) as a linear program
 * solved by Commons Math's simplex, built straight from the topology and the demands, independently
 * of the flow code: minimise τ subject to, per commodity and site, inflow plus supply equals outflow plus
 * absorption; per arc, the commodities' flow at most τ times its bandwidth; per site, outflow at most
 * τ times egress, inflow at most τ times ingest, absorption at most free storage; flow enters a site
 * only where the commodity may pass, leaves only where it may pass or has a source, is absorbed only
 * at its allowed destinations.
 *
 * <p><b>Units.</b> The simplex works with absolute tolerances (10^-6 on its tableau), so the LP is
 * written in units near the data's size: bytes in units of the largest demand, time in units of
 * {@code τ0}, the bytes that must cross a link (those of demands none of whose sources is an allowed
 * destination) over the sum of all links' bandwidths: a time no plan can beat, since every such byte
 * crosses at least one link and all links together carry at most that sum. Every right-hand side is then
 * at most 1 per demand and every link's coefficient at most the number of demands. Counting bytes in
 * fixed megabytes and time in seconds instead made the LP of {@code microsoft-tiktok-2020} (16 demands
 * of 2·10^12 to 10^16 bytes, links of 100 Gbps to 1.6 Tbps) end in {@code NoFeasibleSolutionException}
 * at {@code population.scale} 1,000 and 100 alike.
 *
 * <p><b>Shifted makespan (no degenerate start).</b> The variable is not τ but {@code t = τ / τ0 - 1
 * >= 0}: since {@code τ0 <= τ} at every feasible point, nothing is cut off, and every capacity row reads
 * {@code flow - c·t <= c} with {@code c > 0} its capacity in {@code τ0}. Written with τ itself, those rows
 * read {@code flow - c·τ <= 0}: at the simplex's start every one of them was tight at 0, the tableau
 * massively degenerate, and on the 100-site instance of {@code AggregatedSolveBenchmark} (3 commodities,
 * 1,195 variables) Commons Math's Dantzig pivoting stalled for its whole 100,000-iteration cap
 * ({@code TooManyIterationsException}). Shifted, the same LP takes 928 pivots (1 to 3 s on the loaded
 * 2-core machine; Bland's rule stalled even then, so the default rule stays; {@code docs/planner-lp.md}).
 *
 * <p><b>Only what can bind.</b> A commodity's flow variables are kept only on arcs from a site its
 * sources reach to a site that reaches one of its destinations with free storage, and absorption only
 * at such destinations: every feasible flow decomposes into source-to-destination paths, which use no
 * other arc, and cycles, which can be removed without raising any left-hand side. For the same reason
 * a commodity's flow on an arc never exceeds its need, so a capacity row is left out where the needs
 * of the commodities on it fit in its capacity at {@code τ0}, a storage row where they fit in the free
 * storage, and a site's egress (ingest) row where its egress (ingest) is at least the sum of its
 * outgoing (incoming) links' bandwidths, which already bound the flow through it.
 *
 * <p>{@link MakespanBound} uses it as the exact bound of small multi-commodity aggregates; the tests
 * use it as the oracle of the sequential decomposition. The dense simplex is only fit for a few
 * thousand variables, hence {@link #MAX_VARIABLES}. Stateless and thread-safe.
 */
final class FluidLp {

    /**
     * The most variables (after pruning) the bound lets the simplex take: about a second on the 2-core
     * build machine. Within it, a failure of the simplex on moved bytes is a bug ({@code FluidLpTest}).
     */
    static final int MAX_VARIABLES = 1_500;

    /** The simplex's iteration cap: far above the few thousand pivots the shifted LP takes within the limit. */
    static final int MAX_ITERATIONS = 100_000;

    private FluidLp() {}

    /**
     * Returns the LP's optimal τ in seconds for moving {@code bytes[d]} of each demand.
     *
     * @throws org.apache.commons.math3.exception.MathIllegalStateException if the simplex fails (no
     *     feasible solution found, or too many iterations): on the moved bytes of a plan the LP is
     *     feasible, so this is a numerical failure that callers must not hide
     */
    static double minimumMakespan(AggregatedProblem p, long[] bytes) {
        return layout(p, bytes).solve();
    }

    /** Returns the number of variables of the LP for {@code bytes}, the figure held against {@link #MAX_VARIABLES}. */
    static int variables(AggregatedProblem p, long[] bytes) {
        return layout(p, bytes).variables();
    }

    /**
     * Returns the LP for {@code bytes}, pruned, not yet solved: its {@link Layout#variables()} to hold
     * against a limit and its {@link Layout#solve()}, so that a caller doing both builds it once.
     */
    static Layout layout(AggregatedProblem p, long[] bytes) {
        return new Layout(p, bytes);
    }

    /** The LP's variables, pruned to the arcs and destinations that a source-to-destination path can use. */
    static final class Layout {
        final AggregatedProblem p;
        final Topology topology;
        final long[] bytes;
        /** Per variable {commodity, arc}. */
        final List<int[]> flowVars = new ArrayList<>();
        /** Per variable {demand, site}. */
        final List<int[]> supplyVars = new ArrayList<>();
        /** Per variable {commodity, site}. */
        final List<int[]> absorbVars = new ArrayList<>();
        /** Per commodity, its demands' bytes in units of the largest demand. */
        final double[] need;

        final double byteUnit;
        /** Bytes of demands none of whose sources is one of its destinations: each crosses a link. */
        final double crossingBytes;

        Layout(AggregatedProblem p, long[] bytes) {
            this.p = p;
            this.topology = p.topology;
            this.bytes = bytes;
            int sites = topology.siteCount();
            int k = p.commodityCount();
            double largest = 1;
            for (long b : bytes) {
                largest = Math.max(largest, b);
            }
            byteUnit = largest;
            need = new double[k];
            boolean[][] source = new boolean[k][sites];
            double crossing = 0;
            for (int d = 0; d < bytes.length; d++) {
                if (bytes[d] <= 0) {
                    continue;
                }
                int j = p.demandCommodity[d];
                need[j] += bytes[d] / byteUnit;
                boolean local = false;
                for (int s : p.demandSources[d]) {
                    source[j][s] = true;
                    supplyVars.add(new int[] {d, s});
                    local |= p.commodityDest[j][s];
                }
                crossing += local ? 0 : bytes[d];
            }
            crossingBytes = crossing;
            for (int j = 0; j < k; j++) {
                boolean[] reached = reached(j, source[j]);
                boolean[] reaching = reaching(j, source[j], reached);
                for (int a = 0; a < topology.arcCount(); a++) {
                    if (usable(j, source[j], a) && reached[topology.arcFrom(a)] && reaching[topology.arcTo(a)]) {
                        flowVars.add(new int[] {j, a});
                    }
                }
                for (int v = 0; v < sites; v++) {
                    if (absorbs(j, v) && reached[v]) {
                        absorbVars.add(new int[] {j, v});
                    }
                }
            }
        }

        int variables() {
            return flowVars.size() + supplyVars.size() + absorbVars.size() + 1;
        }

        private boolean absorbs(int j, int v) {
            return p.commodityDest[j][v] && p.freeStorage[v] > 0;
        }

        private boolean usable(int j, boolean[] source, int a) {
            int u = topology.arcFrom(a);
            int w = topology.arcTo(a);
            return (p.commodityPass[j][u] || source[u]) && p.commodityPass[j][w];
        }

        /** Returns the sites commodity {@code j}'s flow can reach from its sources. */
        private boolean[] reached(int j, boolean[] source) {
            boolean[] seen = source.clone();
            for (boolean grew = true; grew; ) {
                grew = false;
                for (int a = 0; a < topology.arcCount(); a++) {
                    if (seen[topology.arcFrom(a)] && !seen[topology.arcTo(a)] && usable(j, source, a)) {
                        seen[topology.arcTo(a)] = true;
                        grew = true;
                    }
                }
            }
            return seen;
        }

        /** Returns the reached sites from which commodity {@code j}'s flow can reach a destination it may fill. */
        private boolean[] reaching(int j, boolean[] source, boolean[] reached) {
            boolean[] seen = new boolean[topology.siteCount()];
            for (int v = 0; v < seen.length; v++) {
                seen[v] = reached[v] && absorbs(j, v);
            }
            for (boolean grew = true; grew; ) {
                grew = false;
                for (int a = 0; a < topology.arcCount(); a++) {
                    int u = topology.arcFrom(a);
                    if (seen[topology.arcTo(a)] && !seen[u] && reached[u] && usable(j, source, a)) {
                        seen[u] = true;
                        grew = true;
                    }
                }
            }
            return seen;
        }

        double solve() {
            int sites = topology.siteCount();
            int nf = flowVars.size();
            int ns = supplyVars.size();
            int na = absorbVars.size();
            int t = nf + ns + na;
            int width = t + 1;
            double[] outRate = new double[sites];
            double[] inRate = new double[sites];
            double linkRates = 0;
            for (int a = 0; a < topology.arcCount(); a++) {
                double rate = topology.arcBytesPerSecond(a);
                outRate[topology.arcFrom(a)] += rate;
                inRate[topology.arcTo(a)] += rate;
                linkRates += rate;
            }
            // τ = τ0 (shift + t): with no byte bound to cross a link, τ0 is only a unit and no shift applies.
            double shift = linkRates > 0 && crossingBytes > 0 ? 1 : 0;
            double all = 0;
            for (long b : bytes) {
                all += Math.max(0, b);
            }
            double unitSeconds = shift > 0 ? crossingBytes / linkRates : linkRates > 0 && all > 0 ? all / linkRates : 1;
            double unitRate = unitSeconds / byteUnit;

            List<LinearConstraint> constraints = new ArrayList<>();
            double[][] balance = new double[p.commodityCount() * sites][];
            for (int x = 0; x < nf; x++) {
                int[] f = flowVars.get(x);
                row(balance, f[0] * sites + topology.arcTo(f[1]), width)[x] += 1;
                row(balance, f[0] * sites + topology.arcFrom(f[1]), width)[x] -= 1;
            }
            for (int x = 0; x < ns; x++) {
                int[] s = supplyVars.get(x);
                row(balance, p.demandCommodity[s[0]] * sites + s[1], width)[nf + x] += 1;
            }
            for (int x = 0; x < na; x++) {
                int[] a = absorbVars.get(x);
                row(balance, a[0] * sites + a[1], width)[nf + ns + x] -= 1;
            }
            for (double[] node : balance) {
                if (node != null) {
                    constraints.add(new LinearConstraint(node, Relationship.EQ, 0));
                }
            }
            for (int d = 0; d < bytes.length; d++) {
                if (bytes[d] > 0) {
                    double[] supply = new double[width];
                    for (int x = 0; x < ns; x++) {
                        supply[nf + x] = supplyVars.get(x)[0] == d ? 1 : 0;
                    }
                    constraints.add(new LinearConstraint(supply, Relationship.EQ, bytes[d] / byteUnit));
                }
            }
            double[][] onArc = new double[topology.arcCount()][];
            double[] arcNeed = new double[topology.arcCount()];
            double[][] out = new double[sites][];
            double[][] in = new double[sites][];
            double[] outNeed = new double[sites];
            double[] inNeed = new double[sites];
            for (int x = 0; x < nf; x++) {
                int[] f = flowVars.get(x);
                int u = topology.arcFrom(f[1]);
                int w = topology.arcTo(f[1]);
                row(onArc, f[1], width)[x] = 1;
                row(out, u, width)[x] = 1;
                row(in, w, width)[x] = 1;
                arcNeed[f[1]] += need[f[0]];
                outNeed[u] += need[f[0]];
                inNeed[w] += need[f[0]];
            }
            for (int a = 0; a < onArc.length; a++) {
                capacity(constraints, onArc[a], arcNeed[a], topology.arcBytesPerSecond(a) * unitRate, shift, t);
            }
            double[][] stored = new double[sites][];
            double[] storedNeed = new double[sites];
            for (int x = 0; x < na; x++) {
                int[] a = absorbVars.get(x);
                row(stored, a[1], width)[nf + ns + x] = 1;
                storedNeed[a[1]] += need[a[0]];
            }
            for (int v = 0; v < sites; v++) {
                double egress = topology.site(v).egress().bytesPerSecond();
                double ingest = topology.site(v).ingest().bytesPerSecond();
                if (egress < outRate[v]) {
                    capacity(constraints, out[v], outNeed[v], egress * unitRate, shift, t);
                }
                if (ingest < inRate[v]) {
                    capacity(constraints, in[v], inNeed[v], ingest * unitRate, shift, t);
                }
                double free = p.freeStorage[v] / byteUnit;
                if (stored[v] != null && free < storedNeed[v]) {
                    constraints.add(new LinearConstraint(stored[v], Relationship.LEQ, free));
                }
            }
            double[] objective = new double[width];
            objective[t] = 1;
            double optimum = new SimplexSolver()
                    .optimize(
                            new MaxIter(MAX_ITERATIONS),
                            new LinearObjectiveFunction(objective, 0),
                            new LinearConstraintSet(constraints),
                            GoalType.MINIMIZE,
                            new NonNegativeConstraint(true))
                    .getValue();
            return (shift + optimum) * unitSeconds;
        }

        /**
         * Adds {@code lhs <= capacity · (shift + t)} unless {@code lhs} has no variable or, with the
         * shift, the needs of the commodities on it fit in {@code capacity} anyway.
         */
        private static void capacity(
                List<LinearConstraint> constraints, double[] lhs, double users, double capacity, double shift, int t) {
            if (lhs == null || (shift > 0 && users <= capacity)) {
                return;
            }
            lhs[t] = -capacity;
            constraints.add(new LinearConstraint(lhs, Relationship.LEQ, capacity * shift));
        }

        private static double[] row(double[][] rows, int i, int width) {
            if (rows[i] == null) {
                rows[i] = new double[width];
            }
            return rows[i];
        }
    }
}
