package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;

/**
 * First-order Sobol indices by Saltelli's estimator (Saltelli et al., "Variance based sensitivity
 * analysis of model output", Computer Physics Communications 181, 2010, table 2 (b)): with two
 * independent sample matrices A and B of N rows and, for each input i, the matrix A_B^(i) that is A
 * with column i taken from B, the first-order index of input i is {@code S_i = mean_j[f(B)_j (f(A_B^(i))_j
 * - f(A)_j)] / V}, where V is the variance of the 2N outputs f(A) and f(B). The standard error of each
 * index is the sample standard deviation of its N terms over {@code sqrt(N) V} (the central limit
 * theorem, V taken as exact). Stateless.
 */
public final class Saltelli {

    private Saltelli() {}

    /**
     * One estimated index.
     *
     * @param value the first-order index S_i (NaN if the output has no variance)
     * @param standardError its standard error (NaN likewise)
     */
    public record Index(double value, double standardError) {}

    /**
     * Returns the first-order index of each input.
     *
     * @param fA the outputs at the rows of A, N of them
     * @param fB the outputs at the rows of B, N of them
     * @param fAB for each input i, the outputs at the rows of A_B^(i), N each
     * @throws IllegalArgumentException if N is below 2, the lengths differ, or an output is not finite
     */
    public static ImmutableList<Index> firstOrder(double[] fA, double[] fB, double[][] fAB) {
        checkNotNull(fA, "fA");
        checkNotNull(fB, "fB");
        checkNotNull(fAB, "fAB");
        int n = fA.length;
        checkArgument(n >= 2, "Saltelli's estimator needs at least 2 rows, had %s", n);
        checkArgument(fB.length == n, "fB has %s rows, fA %s", fB.length, n);
        double sum = 0;
        for (int j = 0; j < n; j++) {
            checkArgument(Double.isFinite(fA[j]) && Double.isFinite(fB[j]), "row %s has a non-finite output", j);
            sum += fA[j] + fB[j];
        }
        double mean = sum / (2.0 * n);
        double ss = 0;
        for (int j = 0; j < n; j++) {
            ss += (fA[j] - mean) * (fA[j] - mean) + (fB[j] - mean) * (fB[j] - mean);
        }
        double variance = ss / (2.0 * n - 1);
        ImmutableList.Builder<Index> out = ImmutableList.builder();
        for (int i = 0; i < fAB.length; i++) {
            checkArgument(fAB[i].length == n, "fAB[%s] has %s rows, fA %s", i, fAB[i].length, n);
            if (!(variance > 0)) {
                out.add(new Index(Double.NaN, Double.NaN));
                continue;
            }
            double termSum = 0;
            double termSq = 0;
            for (int j = 0; j < n; j++) {
                checkArgument(Double.isFinite(fAB[i][j]), "row %s of input %s has a non-finite output", j, i);
                double term = fB[j] * (fAB[i][j] - fA[j]);
                termSum += term;
                termSq += term * term;
            }
            double termMean = termSum / n;
            double termVar = Math.max(0, (termSq - n * termMean * termMean) / (n - 1));
            out.add(new Index(termMean / variance, Math.sqrt(termVar / n) / variance));
        }
        return out.build();
    }
}
