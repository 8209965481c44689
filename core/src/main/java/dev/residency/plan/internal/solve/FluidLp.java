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
 * written in units near the data's size: bytes in units of the largest demand, time in units of all
 * the bytes over the sum of all links' bandwidths (a time no plan can beat, since every demand's bytes
 * cross at least one link). Every right-hand side is then at most 1 per demand and every link's
 * coefficient at most the number of demands. A site's egress and ingest limits are capped at the sum
 * of its outgoing and incoming links' bandwidths, and free storage at all the demand: exact, since
 * those sums bound the flow through the site and the absorption anyway, but it keeps an "unlimited"
 * rate from dwarfing the rest of the tableau. Counting bytes in fixed megabytes and time in seconds
 * instead made the LP of {@code microsoft-tiktok-2020} (16 demands of 2·10^12 to 10^16 bytes, links of
 * 100 Gbps to 1.6 Tbps) end in {@code NoFeasibleSolutionException} at {@code population.scale} 1,000
 * and 100 alike.
 *
 * <p>{@link MakespanBound} uses it as the exact bound of small multi-commodity aggregates; the tests
 * use it as the oracle of the sequential decomposition. The dense simplex is only fit for a few
 * thousand variables, hence {@link #MAX_VARIABLES}.
 */
final class FluidLp {

    /** The most variables the bound lets the simplex take (about a second on the 2-core VM). */
    static final int MAX_VARIABLES = 1_500;

    private FluidLp() {}

    /**
     * Returns the LP's optimal τ in seconds for moving {@code bytes[d]} of each demand.
     *
     * @throws org.apache.commons.math3.exception.MathIllegalStateException if the simplex fails (no
     *     feasible solution found, or too many iterations): on the moved bytes of a plan the LP is
     *     feasible, so this is a numerical failure that callers must not hide
     */
    static double minimumMakespan(AggregatedProblem p, long[] bytes) {
        return minimumMakespan(p, bytes, Integer.MAX_VALUE);
    }

    /**
     * Returns the LP's optimal τ in seconds, or NaN if the LP would have more than {@code
     * maxVariables} variables.
     *
     * @throws org.apache.commons.math3.exception.MathIllegalStateException if the simplex fails
     */
    static double minimumMakespan(AggregatedProblem p, long[] bytes, int maxVariables) {
        Topology topology = p.topology;
        int sites = topology.siteCount();
        int arcs = topology.arcCount();
        int k = p.commodityCount();
        List<int[]> flowVars = new ArrayList<>(); // {commodity, arc}
        List<int[]> supplyVars = new ArrayList<>(); // {demand, site}
        List<int[]> absorbVars = new ArrayList<>(); // {commodity, site}
        boolean[][] source = new boolean[k][sites];
        for (int d = 0; d < bytes.length; d++) {
            if (bytes[d] > 0) {
                for (int s : p.demandSources[d]) {
                    source[p.demandCommodity[d]][s] = true;
                    supplyVars.add(new int[] {d, s});
                }
            }
        }
        for (int j = 0; j < k; j++) {
            for (int a = 0; a < arcs; a++) {
                int u = topology.arcFrom(a);
                int w = topology.arcTo(a);
                if ((p.commodityPass[j][u] || source[j][u]) && p.commodityPass[j][w]) {
                    flowVars.add(new int[] {j, a});
                }
            }
            for (int v = 0; v < sites; v++) {
                if (p.commodityDest[j][v]) {
                    absorbVars.add(new int[] {j, v});
                }
            }
        }
        int nf = flowVars.size();
        if (nf + supplyVars.size() + absorbVars.size() + 1 > maxVariables) {
            return Double.NaN;
        }
        double byteUnit = 1;
        double all = 0;
        for (long b : bytes) {
            byteUnit = Math.max(byteUnit, b);
            all += Math.max(0, b);
        }
        double[] outRate = new double[sites];
        double[] inRate = new double[sites];
        double linkRates = 0;
        for (int a = 0; a < arcs; a++) {
            double rate = topology.arcBytesPerSecond(a);
            outRate[topology.arcFrom(a)] += rate;
            inRate[topology.arcTo(a)] += rate;
            linkRates += rate;
        }
        double demand = all / byteUnit;
        double timeUnitSeconds = linkRates > 0 && all > 0 ? all / linkRates : 1;
        double unitRate = timeUnitSeconds / byteUnit;
        int ns = supplyVars.size();
        int na = absorbVars.size();
        int tau = nf + ns + na;
        int width = tau + 1;
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            for (int v = 0; v < sites; v++) {
                double[] row = new double[width];
                for (int x = 0; x < nf; x++) {
                    int[] f = flowVars.get(x);
                    if (f[0] == j) {
                        row[x] += (topology.arcTo(f[1]) == v ? 1 : 0) - (topology.arcFrom(f[1]) == v ? 1 : 0);
                    }
                }
                for (int x = 0; x < ns; x++) {
                    int[] s = supplyVars.get(x);
                    if (p.demandCommodity[s[0]] == j && s[1] == v) {
                        row[nf + x] = 1;
                    }
                }
                for (int x = 0; x < na; x++) {
                    int[] a = absorbVars.get(x);
                    if (a[0] == j && a[1] == v) {
                        row[nf + ns + x] = -1;
                    }
                }
                constraints.add(new LinearConstraint(row, Relationship.EQ, 0));
            }
        }
        for (int d = 0; d < bytes.length; d++) {
            if (bytes[d] > 0) {
                double[] row = new double[width];
                for (int x = 0; x < ns; x++) {
                    if (supplyVars.get(x)[0] == d) {
                        row[nf + x] = 1;
                    }
                }
                constraints.add(new LinearConstraint(row, Relationship.EQ, bytes[d] / byteUnit));
            }
        }
        for (int a = 0; a < arcs; a++) {
            double[] row = new double[width];
            for (int x = 0; x < nf; x++) {
                if (flowVars.get(x)[1] == a) {
                    row[x] = 1;
                }
            }
            row[tau] = -topology.arcBytesPerSecond(a) * unitRate;
            constraints.add(new LinearConstraint(row, Relationship.LEQ, 0));
        }
        for (int v = 0; v < sites; v++) {
            double[] out = new double[width];
            double[] in = new double[width];
            double[] stored = new double[width];
            for (int x = 0; x < nf; x++) {
                int a = flowVars.get(x)[1];
                out[x] = topology.arcFrom(a) == v ? 1 : 0;
                in[x] = topology.arcTo(a) == v ? 1 : 0;
            }
            for (int x = 0; x < na; x++) {
                stored[nf + ns + x] = absorbVars.get(x)[1] == v ? 1 : 0;
            }
            out[tau] = -Math.min(outRate[v], topology.site(v).egress().bytesPerSecond()) * unitRate;
            in[tau] = -Math.min(inRate[v], topology.site(v).ingest().bytesPerSecond()) * unitRate;
            constraints.add(new LinearConstraint(out, Relationship.LEQ, 0));
            constraints.add(new LinearConstraint(in, Relationship.LEQ, 0));
            constraints.add(
                    new LinearConstraint(stored, Relationship.LEQ, Math.min(demand, p.freeStorage[v] / byteUnit)));
        }
        double[] objective = new double[width];
        objective[tau] = 1;
        return new SimplexSolver()
                        .optimize(
                                new MaxIter(100_000),
                                new LinearObjectiveFunction(objective, 0),
                                new LinearConstraintSet(constraints),
                                GoalType.MINIMIZE,
                                new NonNegativeConstraint(true))
                        .getValue()
                * timeUnitSeconds;
    }
}
