package dev.residency.cli;

import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.study.Axis;
import dev.residency.sim.study.Study;
import dev.residency.sim.study.SweepResult;
import dev.residency.sim.study.Threshold;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code residency sweep}: runs a scenario over a grid of varied inputs ({@code --vary}) and writes a
 * table and a chart, or bisects one input for the value at which the answer flips ({@code --find}).
 * A thin layer over {@link Study}.
 */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the scenario over a grid of values (--vary, repeatable) and writes sweep.md, sweep.csv and",
            "sweep.png; or bisects one input for the value where the answer flips (--find), writing find.md",
            "and find.csv. Every point's scenario is validated before anything runs."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:done",
            "1:internal error (a bug)",
            "2:bad scenario, --set, --vary, --find or flag; nothing written",
            "3:the report could not be written"
        })
final class SweepCommand implements Callable<Integer> {

    /** Points of a {@code --find} range written without {@code :POINTS}. */
    static final int DEFAULT_FIND_POINTS = Axis.DEFAULT_FIND_POINTS;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a built-in scenario's name or a YAML file")
    private String scenarioName;

    @Option(
            names = "--vary",
            paramLabel = "PATH=LOW..HIGH:POINTS",
            description = {
                "an input to vary (repeatable; the grid is every combination, the first varying slowest):",
                "a range cut into POINTS values, ends included (run.backups.retention=14d..180d:10), or a list",
                "of values (run.backups.cryptoShred=true,false)"
            })
    private List<String> vary = new ArrayList<>();

    @Option(
            names = "--find",
            paramLabel = "PATH=LOW..HIGH[:POINTS]",
            description = "bisect this range (default " + DEFAULT_FIND_POINTS
                    + " points) for the value where the answer (met in at least half of the runs) flips")
    private String find;

    @Mixin
    private OverrideOptions sets;

    @Mixin
    private StudyOptions runs;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "report folder, new or empty (default: runs/<scenario>-sweep-<time>)")
    private Path out;

    @Override
    public Integer call() throws Exception {
        if (vary.isEmpty() == (find == null)) {
            throw new BadInputException(
                    vary.isEmpty()
                            ? "give --vary PATH=LOW..HIGH:POINTS (repeatable) or --find PATH=LOW..HIGH"
                            : "--vary and --find cannot be combined: a sweep runs a grid, --find bisects one range");
        }
        runs.check();
        List<Axis> axes = axes();
        Overrides overrides = sets.overrides();
        Study study = Study.of(ScenarioArgument.source(scenarioName), overrides, runs::adjust);
        Scenario scenario = study.scenario();
        OutputFolder folder = OutputFolder.choose(out, scenario.name() + "-sweep");
        int workers = runs.threads();
        ProgressBar progress = runs.progress();
        PrintWriter console = spec.commandLine().getOut();
        if (find != null) {
            progress.stage("bisecting " + axes.get(0).path());
            Threshold threshold = study.find(axes.get(0), workers, progress::update);
            progress.finish();
            folder.add("find.md", SweepTables.markdown(scenario, overrides, threshold));
            folder.add("find.csv", SweepTables.csv(threshold));
            folder.commit();
            console.printf(Locale.ROOT, "%s: %s.%n", scenario.name(), threshold.statement());
        } else {
            progress.stage("sweeping " + scenario.name());
            SweepResult sweep = study.sweep(axes, workers, progress::update);
            progress.finish();
            String md = SweepTables.markdown(scenario, overrides, sweep);
            folder.add("sweep.md", md);
            folder.add("sweep.csv", SweepTables.csv(sweep));
            folder.add(
                    "sweep.png",
                    SweepChart.png(
                            sweep,
                            scenario.name() + ": headline over " + axes.get(0).path()));
            folder.commit();
            console.print(md);
        }
        console.printf(Locale.ROOT, "%nReport written to %s%n", folder.target());
        console.flush();
        return ExitCodes.OK;
    }

    /** Parses every --vary (or the --find), reporting all that are malformed at once ({@link Axis#parseFlags}). */
    private List<Axis> axes() {
        try {
            return Axis.parseFlags(find != null ? List.of(find) : vary, find != null);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage().replace("\n", "\nresidency: "));
        }
    }
}
