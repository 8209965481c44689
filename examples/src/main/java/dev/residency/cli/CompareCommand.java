package dev.residency.cli;

import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.ScenarioSource;
import dev.residency.sim.study.Assumptions;
import dev.residency.sim.study.Comparison;
import dev.residency.sim.study.Comparison.Compared;
import dev.residency.sim.study.Variant;
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
 * {@code residency compare}: several scenarios, or one scenario as written and under several {@code
 * --variant}s, run side by side. A thin layer over {@link Comparison}.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Runs two or more scenarios (compare A B [C...]), or one scenario as written and under each",
            "--variant \"NAME: PATH=VALUE; PATH=VALUE\", and writes compare.md, compare.csv, compare.json and",
            "compare.png (violating bytes over time, one line per variant). Every variant is validated before",
            "anything runs; --set applies to all of them."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:done",
            "1:internal error (a bug)",
            "2:bad scenario, --set, --variant or flag; nothing written",
            "3:the report could not be written"
        })
final class CompareCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "SCENARIO",
            description = "built-in scenario names or YAML files: two or more, or one with --variant")
    private List<String> scenarios = new ArrayList<>();

    @Option(
            names = "--variant",
            paramLabel = "NAME: PATH=VALUE; ...",
            description = {
                "a variant of the one scenario (repeatable): a name, ':', then settings separated by ';'",
                "(\"retention 14d: run.backups.retention=14d\"); compared with the scenario as written"
            })
    private List<String> variants = new ArrayList<>();

    @Mixin
    private OverrideOptions sets;

    @Mixin
    private StudyOptions runs;

    @Option(names = "--assumptions", paramLabel = "MODE", description = "drawn (default) or central, as for run")
    private String assumptions = "drawn";

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "report folder, new or empty (default: runs/<scenario>-compare-<time>)")
    private Path out;

    @Override
    public Integer call() throws Exception {
        runs.check();
        Assumptions mode = RunCommand.assumptions(assumptions);
        Overrides common = sets.overrides();
        List<Variant> list = variants(common);
        if (list.size() > Comparison.MAX_VARIANTS) {
            throw new BadInputException(
                    "compare: " + list.size() + " variants, more than the limit of " + Comparison.MAX_VARIANTS);
        }
        ProgressBar progress = runs.progress();
        progress.stage("comparing " + list.size() + " variants");
        List<Compared> compared = Comparison.run(list, runs::adjust, mode, runs.threads(), progress::update);
        progress.finish();
        OutputFolder folder =
                OutputFolder.choose(out, compared.get(0).outcome().scenario().name() + "-compare");
        String md = CompareReport.markdown(compared);
        folder.add("compare.md", md);
        folder.add("compare.csv", CompareReport.csv(compared));
        folder.add("compare.json", CompareReport.json(compared));
        folder.add("compare.png", CompareChart.png(compared));
        folder.commit();
        PrintWriter console = spec.commandLine().getOut();
        console.print(md);
        console.printf(Locale.ROOT, "%nReport written to %s%n", folder.target());
        console.flush();
        return ExitCodes.OK;
    }

    /** Returns the variants the arguments describe, refusing malformed ones all at once. */
    private List<Variant> variants(Overrides common) {
        List<String> problems = new ArrayList<>();
        List<Variant> out = new ArrayList<>();
        if (variants.isEmpty()) {
            if (scenarios.size() < 2) {
                throw new BadInputException(
                        "compare: give two or more scenarios, or one scenario and --variant \"NAME: PATH=VALUE\"");
            }
            for (String name : scenarios) {
                out.add(new Variant(name, ScenarioArgument.source(name), common));
            }
            if (out.stream().map(Variant::name).distinct().count() < out.size()) {
                throw new BadInputException("compare: a scenario is named twice");
            }
            return out;
        }
        if (scenarios.size() != 1) {
            throw new BadInputException("--variant: give exactly one scenario with --variant, had " + scenarios.size()
                    + " (" + String.join(", ", scenarios) + ")");
        }
        ScenarioSource source = ScenarioArgument.source(scenarios.get(0));
        out.add(new Variant("as written", source, common));
        for (String text : variants) {
            try {
                Variant v = Variant.parse(text, source);
                if (out.stream().anyMatch(o -> o.name().equals(v.name()))) {
                    problems.add("--variant: two variants are named \"" + v.name() + "\"");
                } else {
                    out.add(new Variant(v.name(), source, common.plus(v.overrides())));
                }
            } catch (IllegalArgumentException e) {
                problems.add("--variant: " + e.getMessage().replace("\n", "; "));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(String.join("\nresidency: ", problems));
        }
        return out;
    }
}
