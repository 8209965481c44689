package dev.residency.cli;

import dev.residency.sim.migration.Replications;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
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

    @Option(names = "--assumptions", paramLabel = "MODE", description = "drawn (default) or central, as for run")
    private String assumptions = "drawn";

    @Option(
            names = "--replications",
            paramLabel = "N",
            description = "replications per variant (default: each scenario's)")
    private Integer replications;

    @Option(names = "--seed", paramLabel = "S", description = "master seed (default: each scenario's)")
    private Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: one per processor)")
    private Integer threads;

    @Option(names = "--quick", description = "quick mode: 2 replications, 10x fewer synthetic users (for smoke tests)")
    private boolean quick;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "report folder, new or empty (default: runs/<scenario>-compare-<time>)")
    private Path out;

    @Option(names = "--quiet", description = "no progress bar")
    private boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (replications != null && (replications < 1 || replications > RunSettings.MAX_REPLICATIONS)) {
            throw new BadInputException(
                    "--replications: \"" + replications + "\" must be between 1 and " + RunSettings.MAX_REPLICATIONS);
        }
        if (threads != null && threads < 1) {
            throw new BadInputException("--threads: \"" + threads + "\" must be at least 1");
        }
        Assumptions mode = RunCommand.assumptions(assumptions);
        Overrides common = sets.overrides();
        List<Variant> list = variants(common);
        if (list.size() > Comparison.MAX_VARIANTS) {
            throw new BadInputException(
                    "compare: " + list.size() + " variants, more than the limit of " + Comparison.MAX_VARIANTS);
        }
        ProgressBar progress = ProgressBar.forTerminal(quiet);
        progress.stage("comparing " + list.size() + " variants");
        List<Compared> compared = Comparison.run(
                list, this::adjust, mode, threads != null ? threads : Replications.defaultThreads(), progress::update);
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

    private Scenario adjust(Scenario scenario) {
        Scenario s = quick ? scenario.withQuickMode() : scenario;
        if (replications == null && seed == null) {
            return s;
        }
        RunSettings.Builder run = s.run().toBuilder();
        if (replications != null) {
            run.replications(replications);
        }
        if (seed != null) {
            run.seed(seed);
        }
        return s.withRun(run.build());
    }
}
