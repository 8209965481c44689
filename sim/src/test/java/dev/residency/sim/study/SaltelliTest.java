package dev.residency.sim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Saltelli's first-order estimator against functions whose Sobol indices are known analytically: the
 * Ishigami function and a linear model. The tolerance is four standard errors of each estimate (the
 * standard deviation of its N terms over sqrt(N) V), so it shrinks as 1/sqrt(N); a wrong estimator
 * (say, one without the f(A) term) misses by far more.
 */
final class SaltelliTest {

    private static double[] estimate(
            long seed,
            int n,
            int k,
            java.util.function.DoubleUnaryOperator toInput,
            ToDoubleFunction<double[]> f,
            double[] expected,
            String what) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] a = new double[n][k];
        double[][] b = new double[n][k];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < k; i++) {
                a[j][i] = toInput.applyAsDouble(rng.nextDouble());
                b[j][i] = toInput.applyAsDouble(rng.nextDouble());
            }
        }
        double[] fA = new double[n];
        double[] fB = new double[n];
        double[][] fAB = new double[k][n];
        for (int j = 0; j < n; j++) {
            fA[j] = f.applyAsDouble(a[j]);
            fB[j] = f.applyAsDouble(b[j]);
            for (int i = 0; i < k; i++) {
                double[] mixed = a[j].clone();
                mixed[i] = b[j][i];
                fAB[i][j] = f.applyAsDouble(mixed);
            }
        }
        List<Saltelli.Index> s = Saltelli.firstOrder(fA, fB, fAB);
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            out[i] = s.get(i).value();
            assertThat(s.get(i).value())
                    .as("%s, seed %s, S%s (± %s)", what, seed, i + 1, s.get(i).standardError())
                    .isCloseTo(expected[i], within(4 * s.get(i).standardError()));
            assertThat(s.get(i).standardError()).as("seed %s", seed).isLessThan(0.05);
        }
        return out;
    }

    /**
     * Ishigami, a = 7, b = 0.1, inputs uniform on [-π, π]: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2 = 13.8446,
     * V1 = (1 + bπ⁴/5)²/2 = 4.3459, V2 = a²/8 = 6.125, V3 = 0: S1 = 0.3139, S2 = 0.4424, S3 = 0.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void firstOrder_ishigami_matchesAnalyticIndices(long seed) {
        double a = 7;
        double b = 0.1;
        double pi4 = Math.pow(Math.PI, 4);
        double v = a * a / 8 + b * pi4 / 5 + b * b * pi4 * pi4 / 18 + 0.5;
        double v1 = Math.pow(1 + b * pi4 / 5, 2) / 2;
        double[] expected = {v1 / v, a * a / 8 / v, 0};
        estimate(
                seed,
                20_000,
                3,
                u -> Math.PI * (2 * u - 1),
                x -> Math.sin(x[0]) + a * Math.pow(Math.sin(x[1]), 2) + b * Math.pow(x[2], 4) * Math.sin(x[0]),
                expected,
                "Ishigami");
    }

    /** Y = 1·X1 + 2·X2 + 3·X3, X uniform on [0, 1]: S_i = a_i² / Σ a_j² = 1/14, 4/14, 9/14. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void firstOrder_linearModel_isSquaredCoefficientShare(long seed) {
        estimate(
                seed,
                5_000,
                3,
                u -> u,
                x -> x[0] + 2 * x[1] + 3 * x[2],
                new double[] {1.0 / 14, 4.0 / 14, 9.0 / 14},
                "linear");
    }

    @org.junit.jupiter.api.Test
    void firstOrder_constantOutput_hasNoIndex() {
        double[] one = {1, 1, 1};
        List<Saltelli.Index> s = Saltelli.firstOrder(one, one, new double[][] {one});

        assertThat(s.get(0).value()).isNaN();
    }
}
