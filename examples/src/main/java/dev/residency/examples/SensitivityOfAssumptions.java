package dev.residency.examples;

import dev.residency.sim.migration.Replications;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.ScenarioSource;
import dev.residency.sim.study.Assumptions;
import dev.residency.sim.study.Figure;
import dev.residency.sim.study.Outcome;
import dev.residency.sim.study.Progress;
import dev.residency.sim.study.Sensitivity;
import dev.residency.sim.study.SensitivityResult;
import dev.residency.sim.study.SobolIndex;
import dev.residency.sim.study.Study;
import dev.residency.sim.study.Swing;
import java.util.List;
import java.util.Locale;

/**
 * Embedding example of uncertain inputs from the library: runs a scenario with its uncertain inputs
 * drawn per replication and at their central values, then ranks the inputs by how far each moves the
 * headline on its own (one at a time) and, with a Sobol sample count, estimates first-order Sobol
 * indices; prints the wall-clock time of each step.
 *
 * <p>Run: {@code java -cp examples/target/residency.jar dev.residency.examples.SensitivityOfAssumptions
 * [scenario] [replications] [sobol N] [--quick]} (defaults: microsoft-tiktok-2020, 8 replications
 * per point, no Sobol indices).
 */
public final class SensitivityOfAssumptions {

    private SensitivityOfAssumptions() {}

    /** Runs the study; see the class comment for the arguments. */
    public static void main(String[] args) {
        List<String> positional =
                java.util.Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        boolean quick = java.util.Arrays.asList(args).contains("--quick");
        String name = positional.size() > 0 ? positional.get(0) : "microsoft-tiktok-2020";
        int replications = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 8;
        int sobol = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 0;
        Study study = Study.of(
                ScenarioSource.builtIn(name),
                Overrides.parse(List.of("run.replications=" + replications)),
                s -> quick ? s.withQuickMode() : s);
        int threads = Replications.defaultThreads();

        for (Assumptions mode : Assumptions.values()) {
            long started = System.nanoTime();
            Outcome o = study.run(mode, threads, Progress.NONE);
            System.out.printf(
                    Locale.ROOT,
                    "%s, assumptions %s: met in %d of %d runs, drawing %s (%s) in %.1f s%n",
                    name,
                    mode.name().toLowerCase(Locale.ROOT),
                    o.summary().metDeadline().successes(),
                    o.summary().runs(),
                    o.uncertaintyCovered(),
                    o.reuse(),
                    (System.nanoTime() - started) / 1e9);
        }

        long started = System.nanoTime();
        SensitivityResult r =
                Sensitivity.run(study, List.of(), study.scenario().run().replications(), sobol, threads, Progress.NONE);
        System.out.printf(
                Locale.ROOT,
                "sensitivity (%s) in %.1f s:%n",
                SensitivityResult.ONE_AT_A_TIME_METHOD,
                (System.nanoTime() - started) / 1e9);
        for (Swing s : r.swings()) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-40s %s..%s  swing P(met) %5.1f%%  days to clean %6.1f%n",
                    s.input().path(),
                    s.low().value(),
                    s.high().value(),
                    100 * s.swing(Figure.PROBABILITY_MET),
                    s.swing(Figure.CLEAN_DAYS));
        }
        for (SobolIndex i : r.sobol()) {
            if (i.figure() == Figure.CLEAN_DAYS) {
                System.out.printf(
                        Locale.ROOT,
                        "  %s of %s for days to clean: %.3f ± %.3f%n",
                        SobolIndex.METHOD,
                        i.input().path(),
                        i.index(),
                        i.standardError());
            }
        }
    }
}
