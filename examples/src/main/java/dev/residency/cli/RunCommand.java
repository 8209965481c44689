package dev.residency.cli;

import dev.residency.inventory.InventoryFormat;
import dev.residency.sim.migration.MigrationSetup;
import dev.residency.sim.migration.Migrations;
import dev.residency.sim.migration.Replications;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.DeadlineRule;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code residency run}: plans a scenario, runs its replications and writes the report. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Plans the scenario, simulates its replications and writes the report folder:",
            "report.md, timeseries.csv, batches.csv, summary.json and compliance.png."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:done (a missed deadline is an answer, not an error)",
            "1:internal error (a bug)",
            "2:bad scenario or flag; nothing written",
            "3:the report could not be written"
        })
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a built-in scenario's name or a YAML file")
    private String scenarioName;

    @Option(names = "--replications", paramLabel = "N", description = "replications (default: the scenario's)")
    private Integer replications;

    @Option(names = "--seed", paramLabel = "S", description = "master seed (default: the scenario's)")
    private Long seed;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "report folder, new or empty (default: runs/<scenario>-<time>)")
    private Path out;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "console output: ${COMPLETION-CANDIDATES} (default: text)")
    private ConsoleFormat format = ConsoleFormat.text;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: one per processor)")
    private Integer threads;

    @Option(names = "--rule", paramLabel = "RULE", description = "deadline rule override: continue or enforce")
    private String rule;

    @Option(names = "--planner", paramLabel = "NAME", description = "planner override: flow or greedy")
    private String planner;

    @Option(names = "--quick", description = "quick mode: 2 replications, 10x fewer synthetic users (for smoke tests)")
    private boolean quick;

    @Option(names = "--quiet", description = "no progress bar")
    private boolean quiet;

    @Option(
            names = "--manifests",
            paramLabel = "FORMAT",
            description = "for an inventory population: manifest format, parquet or csv (default: parquet)")
    private String manifests = "parquet";

    @Override
    public Integer call() throws Exception {
        if (replications != null && replications < 1) {
            throw new BadInputException("--replications: \"" + replications + "\" must be at least 1");
        }
        if (threads != null && threads < 1) {
            throw new BadInputException("--threads: \"" + threads + "\" must be at least 1");
        }
        if (rule != null && !rule.equals("continue") && !rule.equals("enforce")) {
            throw new BadInputException("--rule: \"" + rule + "\" is not a deadline rule (use continue or enforce)");
        }
        if (planner != null && !PlanningSettings.PLANNERS.contains(planner)) {
            throw new BadInputException("--planner: \"" + planner + "\" is not a planner (use "
                    + String.join(" or ", PlanningSettings.PLANNERS) + ")");
        }
        InventoryFormat manifestFormat = InventoryFormat.byName(manifests)
                .orElseThrow(() -> new BadInputException(
                        "--manifests: \"" + manifests + "\" is not a manifest format (use parquet or csv)"));
        Scenario scenario = overrides(ScenarioArgument.load(scenarioName, quick));
        OutputFolder folder = OutputFolder.choose(out, scenario.name());

        ProgressBar progress = ProgressBar.forTerminal(quiet);
        Optional<InventoryStep> step = InventoryStep.scan(scenario, progress, threads != null ? threads : 0);
        if (step.isPresent()) {
            scenario = step.get().scanned(scenario);
        }
        progress.stage("planning " + scenario.name());
        MigrationSetup setup = MigrationSetup.prepare(scenario);
        int runs = scenario.run().replications();
        progress.stage("simulating");
        List<RunResult> results = Migrations.replicate(
                setup, threads != null ? threads : Replications.defaultThreads(), done -> progress.update(done, runs));
        InventoryStep.Staged staged = null;
        String inventoryReport = "";
        if (step.isPresent()) {
            staged = step.get().writeManifests(setup.plan(), folder.target(), manifestFormat, progress);
            inventoryReport =
                    step.get().report(setup.plan(), staged, folder.target().resolve("manifests"));
            folder.add("inventory.txt", inventoryReport);
        }
        progress.finish();
        ReplicationSummary summary = ReplicationSummary.of(results);

        String json = SummaryJson.render(scenario, setup.plan(), summary, results);
        String report = MarkdownReport.render(scenario, setup.plan(), summary, setup.deadlineSeconds());
        folder.add("report.md", report);
        folder.add(
                "timeseries.csv", CsvReports.timeSeries(results, scenario.run().start()));
        folder.add("batches.csv", CsvReports.batches(results, scenario.topology()));
        folder.add("summary.json", json);
        folder.add(
                "compliance.png",
                ComplianceChart.png(summary, setup.deadlineSeconds(), scenario.name() + ": violating bytes over time"));
        folder.commit();
        if (staged != null) {
            InventoryStep.publish(staged, folder.target());
        }

        PrintWriter console = spec.commandLine().getOut();
        if (format == ConsoleFormat.json) {
            console.print(json);
        } else {
            int end = report.indexOf("\n## ");
            console.println(report.substring(0, end < 0 ? report.length() : end).strip());
            if (!inventoryReport.isEmpty()) {
                console.println();
                console.print(inventoryReport);
            }
            console.printf(Locale.ROOT, "%nReport written to %s%n", folder.target());
        }
        console.flush();
        return ExitCodes.OK;
    }

    private Scenario overrides(Scenario scenario) {
        RunSettings.Builder run = scenario.run().toBuilder();
        if (replications != null) {
            run.replications(replications);
        }
        if (seed != null) {
            run.seed(seed);
        }
        if (rule != null) {
            run.deadlineRule(rule.equals("enforce") ? DeadlineRule.ENFORCE : DeadlineRule.CONTINUE);
        }
        Scenario result = scenario.withRun(run.build());
        if (planner != null) {
            PlanningSettings p = result.planning();
            result = new Scenario(
                    result.name(),
                    result.description(),
                    result.topology(),
                    result.population(),
                    result.scale(),
                    result.policy(),
                    new PlanningSettings(
                            planner,
                            p.targetBatchBytes(),
                            p.timeStep(),
                            p.siteReadyAt(),
                            p.approvalAt(),
                            p.maintenance(),
                            p.usedBytesOutsideStore()),
                    result.run(),
                    result.assumptions());
        }
        return result;
    }
}
