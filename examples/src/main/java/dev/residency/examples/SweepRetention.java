package dev.residency.examples;

import dev.residency.sim.migration.Replications;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.ScenarioSource;
import dev.residency.sim.study.Axis;
import dev.residency.sim.study.Progress;
import dev.residency.sim.study.Study;
import dev.residency.sim.study.SweepPoint;
import dev.residency.sim.study.SweepResult;
import dev.residency.sim.study.Threshold;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Embedding example and timed benchmark of the {@link Study} API: sweeps the backup retention of a
 * scenario over a range, each point with its replications, then bisects the range for the retention at
 * which the commitment flips, printing the wall-clock time of each and how many populations and plans
 * were reused.
 *
 * <p>Run: {@code java -cp examples/target/residency.jar dev.residency.examples.SweepRetention
 * [scenario] [points] [replications] [--quick]} (defaults: microsoft-tiktok-2020, 10 points, the
 * scenario's 20 replications).
 */
public final class SweepRetention {

    private SweepRetention() {}

    /** Sweeps and bisects; see the class comment for the arguments. */
    public static void main(String[] args) {
        List<String> positional =
                java.util.Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        boolean quick = java.util.Arrays.asList(args).contains("--quick");
        String name = positional.size() > 0 ? positional.get(0) : "microsoft-tiktok-2020";
        int points = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 10;
        Integer replications = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : null;
        Overrides overrides =
                replications == null ? Overrides.NONE : Overrides.parse(List.of("run.replications=" + replications));
        Study study = Study.of(ScenarioSource.builtIn(name), overrides, s -> quick ? s.withQuickMode() : s);
        Scenario scenario = study.scenario();
        int threads = Replications.defaultThreads();

        Axis retention = Axis.parse("run.backups.retention=0d..180d:" + points, OptionalInt.empty());
        long started = System.nanoTime();
        SweepResult sweep = study.sweep(List.of(retention), threads, Progress.NONE);
        double sweepSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%s: %d-point sweep x %d replications on %d threads in %.1f s (%s)%n",
                name,
                sweep.points().size(),
                scenario.run().replications(),
                threads,
                sweepSeconds,
                sweep.reuse());
        for (SweepPoint p : sweep.points()) {
            System.out.printf(
                    Locale.ROOT,
                    "  retention %-5s met %2d of %d   full compliance %6.1f days%n",
                    p.settings().get(0).value(),
                    p.summary().metDeadline().successes(),
                    p.summary().runs(),
                    p.summary().fullComplianceDays().mean());
        }

        started = System.nanoTime();
        Threshold threshold = study.find(
                Axis.parse("run.backups.retention=0d..180d:181", OptionalInt.empty()), threads, Progress.NONE);
        System.out.printf(
                Locale.ROOT, "bisection in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, threshold.statement());
    }
}
