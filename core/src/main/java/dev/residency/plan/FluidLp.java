package dev.residency.plan;

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
 * The multi-commodity fluid makespan of a static aggregated problem (one interval) as a linear program
 * solved by Commons Math's simplex, built straight from the topology and the demands, independently
 * of the flow code: minimise τ subject to, per commodity and site, inflow plus supply equals outflow plus
 * absorption; per arc, the commodities' flow at most τ times its bandwidth; per site, outflow at most
 * τ times egress, inflow at most τ times ingest, absorption at most free storage; flow enters a site
 * only where the commodity may pass, leaves only where it may pass or has a source, is absorbed only
 * at its allowed destinations. Bytes are counted in megabytes to keep the tableau well scaled.
 *
 * <p>{@link MakespanBound} uses it as the exact bound of small multi-commodity aggregates; the tests
 * use it as the oracle of the sequential decomposition. The dense simplex is only fit for a few
 * thousand variables, hence {@link #MAX_VARIABLES}.
 */
final class FluidLp {

    /** The most variables the bound lets the simplex take (about a second on the 2-core VM). */
    static final int MAX_VARIABLES = 1_500;

    private static final double MB = 1e6;

    private FluidLp() {}

    /** Returns the LP's optimal τ in seconds for moving {@code bytes[d]} of each demand. */
    static double minimumMakespan(AggregatedProblem p, long[] bytes) {
        return minimumMakespan(p, bytes, Integer.MAX_VALUE);
    }

    /**
     * Returns the LP's optimal τ in seconds, or NaN if the LP would have more than {@code
     * maxVariables} variables.
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
                constraints.add(new LinearConstraint(row, Relationship.EQ, bytes[d] / MB));
            }
        }
        for (int a = 0; a < arcs; a++) {
            double[] row = new double[width];
            for (int x = 0; x < nf; x++) {
                if (flowVars.get(x)[1] == a) {
                    row[x] = 1;
                }
            }
            row[tau] = -topology.arcBytesPerSecond(a) / MB;
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
            out[tau] = -topology.site(v).egress().bytesPerSecond() / MB;
            in[tau] = -topology.site(v).ingest().bytesPerSecond() / MB;
            constraints.add(new LinearConstraint(out, Relationship.LEQ, 0));
            constraints.add(new LinearConstraint(in, Relationship.LEQ, 0));
            constraints.add(new LinearConstraint(stored, Relationship.LEQ, p.freeStorage[v] / MB));
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
                .getValue();
    }
}
