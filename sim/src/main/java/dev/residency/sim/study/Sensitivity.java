package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.engine.RandomStreams;
import dev.residency.sim.migration.MigrationSetup;
import dev.residency.sim.migration.ScenarioPlans;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.ScenarioException;
import dev.residency.sim.scenario.UncertainInput;
import dev.residency.sim.scenario.internal.DidYouMean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Which uncertain input moves the headline figures most: every input (or those named) at its low and
 * high end with every other at its central value, {@code replications} replications each (the
 * one-at-a-time swings a tornado chart draws), and, if asked, first-order Sobol indices by {@link
 * Saltelli}'s estimator over a design of N base samples drawn by {@link InputDraws#quantile}.
 *
 * <p><b>Sobol design.</b> The matrices A and B hold uniform numbers from the study seed's streams
 * {@code "sensitivity sobol A"} and {@code "sensitivity sobol B"}; row j of A, of B and of every
 * A_B^(i) runs one replication with fault streams j, so the rows of one j share their faults (common
 * random numbers) and the indices measure the inputs' effect, not the faults'. N(k + 2) runs for k
 * inputs. <b>Determinism</b>: results depend on the scenario, its seed and the arguments only, not on
 * the thread count. Stateless.
 */
public final class Sensitivity {

    /** The most base samples of a Sobol design. */
    public static final int MAX_SOBOL_SAMPLES = 4_096;

    private Sensitivity() {}

    /**
     * Returns the inputs named by {@code paths} among {@code study}'s uncertain inputs (all of them if
     * {@code paths} is empty), in the file's order.
     *
     * @throws IllegalArgumentException naming a path that is no uncertain input (with the closest one),
     *     or if the scenario has no uncertain input
     */
    public static ImmutableList<UncertainInput> inputs(Study study, List<String> paths) {
        checkNotNull(study, "study");
        checkNotNull(paths, "paths");
        ImmutableList<UncertainInput> all = study.source().uncertainInputs(study.overrides());
        checkArgument(
                !all.isEmpty(),
                "%s has no uncertain input: write an estimate as a distribution, such as"
                        + " retention: {uniform: [14d, 180d]}",
                study.source().name());
        Set<String> known =
                all.stream().map(UncertainInput::path).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        List<String> problems = new ArrayList<>();
        for (String p : paths) {
            if (!known.contains(p)) {
                problems.add("\"" + p + "\" is not an uncertain input of "
                        + study.source().name() + DidYouMean.hint(p, known) + " (its uncertain inputs: "
                        + String.join(", ", known) + ")");
            }
        }
        checkArgument(problems.isEmpty(), "%s", String.join("\n", problems));
        return paths.isEmpty()
                ? all
                : all.stream().filter(i -> paths.contains(i.path())).collect(ImmutableList.toImmutableList());
    }

    /**
     * Runs the study.
     *
     * @param paths the inputs to study (empty: every uncertain input)
     * @param replications replications per one-at-a-time point, at least 1
     * @param sobolSamples base samples N of the Sobol design: 0 for none, else 2 to {@value
     *     #MAX_SOBOL_SAMPLES}
     * @throws IllegalArgumentException for an unknown path (see {@link #inputs}), or a count out of range
     * @throws ScenarioException if a value makes the scenario invalid, before anything runs
     */
    public static SensitivityResult run(
            Study study, List<String> paths, int replications, int sobolSamples, int threads, Progress progress) {
        checkArgument(
                replications >= 1 && replications <= dev.residency.sim.scenario.RunSettings.MAX_REPLICATIONS,
                "replications must be between 1 and %s, was %s",
                dev.residency.sim.scenario.RunSettings.MAX_REPLICATIONS,
                replications);
        checkArgument(
                sobolSamples == 0 || (sobolSamples >= 2 && sobolSamples <= MAX_SOBOL_SAMPLES),
                "Sobol base samples must be 0 (none) or between 2 and %s, was %s",
                MAX_SOBOL_SAMPLES,
                sobolSamples);
        checkArgument(threads > 0, "threads must be positive, was %s", threads);
        checkNotNull(progress, "progress");
        ImmutableList<UncertainInput> all = study.source().uncertainInputs(study.overrides());
        ImmutableList<UncertainInput> chosen = inputs(study, paths);
        ImmutableList<Overrides.Setting> central = Study.centralRow(all);

        // One-at-a-time rows: the centre, then each chosen input at each of its points.
        List<List<Overrides.Setting>> oatRows = new ArrayList<>();
        List<String> values = new ArrayList<>();
        oatRows.add(central);
        for (UncertainInput input : chosen) {
            for (String v : input.values()) {
                oatRows.add(replace(central, all.indexOf(input), unquote(v)));
                values.add(unquote(v));
            }
        }
        // Sobol rows: A, B, then A_B^(i) for each chosen input.
        int k = chosen.size();
        int n = sobolSamples;
        List<List<Overrides.Setting>> sobolRows = new ArrayList<>();
        if (n > 0) {
            RandomStreams streams = new RandomStreams(study.scenario().run().seed());
            double[][] a = matrix(streams.stream("sensitivity sobol A", 0), n, k);
            double[][] b = matrix(streams.stream("sensitivity sobol B", 0), n, k);
            for (double[][] m : List.of(a, b)) {
                for (int j = 0; j < n; j++) {
                    sobolRows.add(row(central, all, chosen, m[j]));
                }
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < n; j++) {
                    double[] mixed = a[j].clone();
                    mixed[i] = b[j][i];
                    sobolRows.add(row(central, all, chosen, mixed));
                }
            }
        }
        // Every point is loaded and checked before anything runs.
        List<Scenario> oatScenarios = study.loaded(oatRows);
        List<Scenario> sobolScenarios = study.loaded(sobolRows);
        Scenario centre = oatScenarios.get(0);
        int total = replications * oatRows.size() + sobolRows.size();
        AtomicInteger done = new AtomicInteger();
        java.util.function.IntConsumer tick = d -> progress.update(done.incrementAndGet(), total);

        MigrationSetup centralSetup = ScenarioPlans.prepare(centre);
        List<Scenario> scenarios = new ArrayList<>();
        List<List<Overrides.Setting>> rows = new ArrayList<>();
        int[] index = new int[replications * oatRows.size()];
        for (int p = 0; p < oatRows.size(); p++) {
            for (int r = 0; r < replications; r++) {
                scenarios.add(oatScenarios.get(p));
                rows.add(oatRows.get(p));
                index[p * replications + r] = r;
            }
        }
        DrawnRuns.Result oat = DrawnRuns.run(centralSetup, central, scenarios, rows, index, threads, tick);
        List<ReplicationSummary> summaries = new ArrayList<>();
        for (int p = 0; p < oatRows.size(); p++) {
            summaries.add(ReplicationSummary.of(oat.runs().subList(p * replications, (p + 1) * replications)));
        }
        List<Swing> swings = new ArrayList<>();
        int at = 1;
        for (UncertainInput input : chosen) {
            ImmutableList.Builder<Swing.Point> points = ImmutableList.builder();
            for (int v = 0; v < input.values().size(); v++) {
                points.add(new Swing.Point(values.get(at - 1), summaries.get(at)));
                at++;
            }
            swings.add(new Swing(input, points.build()));
        }
        swings.sort(Comparator.comparingDouble((Swing s) -> -s.swing(Figure.PROBABILITY_MET))
                .thenComparingDouble(s -> -s.swing(Figure.CLEAN_DAYS))
                .thenComparingDouble(s -> -s.swing(Figure.LIVE_CLEAN_DAYS)));

        ImmutableList.Builder<SobolIndex> sobol = ImmutableList.builder();
        Reuse reuse = oat.reuse();
        if (n > 0) {
            int[] sobolIndex = new int[sobolRows.size()];
            for (int q = 0; q < sobolRows.size(); q++) {
                sobolIndex[q] = q % n;
            }
            DrawnRuns.Result s =
                    DrawnRuns.run(centralSetup, central, sobolScenarios, sobolRows, sobolIndex, threads, tick);
            reuse = new Reuse(
                    reuse.populationsBuilt() + s.reuse().populationsBuilt() - 1,
                    reuse.populationsReused() + s.reuse().populationsReused(),
                    reuse.plansMade() + s.reuse().plansMade() - 1,
                    reuse.plansReused() + s.reuse().plansReused());
            for (Figure figure : Figure.values()) {
                sobol.addAll(indices(chosen, figure, s.runs(), n, k));
            }
        }
        return new SensitivityResult(
                summaries.get(0), ImmutableList.copyOf(swings), replications, n, sobol.build(), reuse);
    }

    private static List<SobolIndex> indices(
            List<UncertainInput> chosen, Figure figure, List<RunResult> runs, int n, int k) {
        double[] fA = new double[n];
        double[] fB = new double[n];
        double[][] fAB = new double[k][n];
        boolean finite = true;
        for (int j = 0; j < n; j++) {
            fA[j] = figure.of(runs.get(j));
            fB[j] = figure.of(runs.get(n + j));
            finite &= Double.isFinite(fA[j]) && Double.isFinite(fB[j]);
            for (int i = 0; i < k; i++) {
                fAB[i][j] = figure.of(runs.get((2 + i) * n + j));
                finite &= Double.isFinite(fAB[i][j]);
            }
        }
        List<SobolIndex> out = new ArrayList<>();
        if (!finite) {
            // A run that never reached the figure (never clean) has no value: the index is undefined.
            for (UncertainInput input : chosen) {
                out.add(new SobolIndex(input, figure, Double.NaN, Double.NaN));
            }
            return out;
        }
        List<Saltelli.Index> s = Saltelli.firstOrder(fA, fB, fAB);
        for (int i = 0; i < k; i++) {
            out.add(new SobolIndex(
                    chosen.get(i), figure, s.get(i).value(), s.get(i).standardError()));
        }
        return out;
    }

    private static double[][] matrix(UniformRandomProvider rng, int n, int k) {
        double[][] m = new double[n][k];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < k; i++) {
                m[j][i] = InputDraws.open01(rng);
            }
        }
        return m;
    }

    private static List<Overrides.Setting> row(
            List<Overrides.Setting> central, List<UncertainInput> all, List<UncertainInput> chosen, double[] u) {
        List<Overrides.Setting> row = new ArrayList<>(central);
        for (int i = 0; i < chosen.size(); i++) {
            int at = all.indexOf(chosen.get(i));
            row.set(at, new Overrides.Setting(chosen.get(i).path(), InputDraws.quantile(chosen.get(i), u[i])));
        }
        return row;
    }

    private static List<Overrides.Setting> replace(List<Overrides.Setting> central, int at, String value) {
        List<Overrides.Setting> row = new ArrayList<>(central);
        row.set(at, new Overrides.Setting(central.get(at).path(), value));
        return row;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
