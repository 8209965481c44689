package dev.residency.cli;

import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.study.Sensitivity;
import dev.residency.sim.study.SensitivityResult;
import dev.residency.sim.study.Study;
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
 * {@code residency sensitivity}: every uncertain input (or those named) at its low and high end with
 * the others at their central values, ranked by swing, as a table and a tornado chart; optionally
 * first-order Sobol indices. A thin layer over {@link Sensitivity}.
 */
@Command(
        name = "sensitivity",
        mixinStandardHelpOptions = true,
        description = {
            "Moves each uncertain input of the scenario (or those named by --input) to the low and high end",
            "of its plausible range, every other input at its central value, and writes sensitivity.md,",
            "sensitivity.csv and tornado.png, ranked by swing; --sobol N adds first-order Sobol indices",
            "(Saltelli's estimator, N base samples, N(k+2) runs). Every point is validated before anything runs."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:done",
            "1:internal error (a bug)",
            "2:bad scenario, --set, --input or flag; nothing written",
            "3:the report could not be written"
        })
final class SensitivityCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a built-in scenario's name or a YAML file")
    private String scenarioName;

    @Option(
            names = "--input",
            paramLabel = "PATH",
            description = "an uncertain input to study (repeatable; default: every one the file marks)")
    private List<String> inputs = new ArrayList<>();

    @Option(
            names = "--sobol",
            paramLabel = "N",
            description = "base samples of a Sobol design, 2 to " + Sensitivity.MAX_SOBOL_SAMPLES
                    + " (N(k+2) runs of one replication each); default 0: no Sobol indices")
    private int sobol;

    @Mixin
    private OverrideOptions sets;

    @Mixin
    private StudyOptions runs;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "report folder, new or empty (default: runs/<scenario>-sensitivity-<time>)")
    private Path out;

    @Override
    public Integer call() throws Exception {
        runs.check();
        if (sobol != 0 && (sobol < 2 || sobol > Sensitivity.MAX_SOBOL_SAMPLES)) {
            throw new BadInputException(
                    "--sobol: \"" + sobol + "\" must be 0 (none) or between 2 and " + Sensitivity.MAX_SOBOL_SAMPLES);
        }
        Overrides overrides = sets.overrides();
        Study study = Study.of(ScenarioArgument.source(scenarioName), overrides, runs::adjust);
        try {
            Sensitivity.inputs(study, inputs);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--input: " + e.getMessage().replace("\n", "\nresidency: --input: "));
        }
        Scenario scenario = study.scenario();
        int perPoint = scenario.run().replications();
        ProgressBar progress = runs.progress();
        progress.stage("sensitivity of " + scenario.name());
        SensitivityResult result = Sensitivity.run(study, inputs, perPoint, sobol, runs.threads(), progress::update);
        progress.finish();
        OutputFolder folder = OutputFolder.choose(out, scenario.name() + "-sensitivity");
        String md = SensitivityTables.markdown(scenario, overrides, result);
        folder.add("sensitivity.md", md);
        folder.add("sensitivity.csv", SensitivityTables.csv(result));
        folder.add("tornado.png", TornadoChart.png(result, scenario.name()));
        folder.commit();
        PrintWriter console = spec.commandLine().getOut();
        console.print(md);
        console.printf(Locale.ROOT, "%nReport written to %s%n", folder.target());
        console.flush();
        return ExitCodes.OK;
    }
}
