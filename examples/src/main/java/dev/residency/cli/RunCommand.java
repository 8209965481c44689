package dev.residency.cli;

import dev.residency.inventory.InventoryFormat;
import dev.residency.sim.migration.MigrationSetup;
import dev.residency.sim.migration.Replications;
import dev.residency.sim.report.MilestoneSummary;
import dev.residency.sim.report.ObservedComparison;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.DeadlineRule;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.study.Assumptions;
import dev.residency.sim.study.Influence;
import dev.residency.sim.study.Outcome;
import dev.residency.sim.study.Study;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            "report.md, timeseries.csv, batches.csv, milestones.csv, costs.csv, summary.json,",
            "compliance.png and jurisdictions.png."
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

    @Option(
            names = "--assumptions",
            paramLabel = "MODE",
            description = "drawn: each replication draws every uncertain input (default); central: all at their"
                    + " central values, so the probability covers faults only")
    private String assumptions = "drawn";

    @Option(names = "--quiet", description = "no progress bar")
    private boolean quiet;

    @Mixin
    private OverrideOptions sets;

    /** Points of a bisected range that is not a whole number of days. */
    private static final int DECIDES_POINTS = 33;

    @Option(
            names = "--decides-replications",
            paramLabel = "N",
            description = "replications per point when checking which uncertain inputs flip the answer (default 8;"
                    + " 0 skips the check)")
    private int decidesReplications = 8;

    @Option(
            names = "--manifests",
            paramLabel = "FORMAT",
            description = "for an inventory population: manifest format, parquet or csv (default: parquet)")
    private String manifests = "parquet";

    @Override
    public Integer call() throws Exception {
        if (replications != null && (replications < 1 || replications > RunSettings.MAX_REPLICATIONS)) {
            throw new BadInputException("--replications: \"" + replications + "\" must be between 1 and the limit of "
                    + RunSettings.MAX_REPLICATIONS);
        }
        if (decidesReplications < 0) {
            throw new BadInputException("--decides-replications: \"" + decidesReplications + "\" must not be negative");
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
        Assumptions assumptionMode = assumptions(assumptions);
        InventoryFormat manifestFormat = InventoryFormat.byName(manifests)
                .orElseThrow(() -> new BadInputException(
                        "--manifests: \"" + manifests + "\" is not a manifest format (use parquet or csv)"));
        Overrides overrides = sets.overrides();
        ProgressBar progress = ProgressBar.forTerminal(quiet);
        // An inventory population is scanned once, when the study first loads the scenario; the
        // what-decides check, which would load it again under other values, is skipped for it.
        AtomicReference<InventoryStep> step = new AtomicReference<>();
        Study study = Study.of(ScenarioArgument.source(scenarioName), overrides, s -> {
            Scenario adjusted = overrides(quick ? s.withQuickMode() : s);
            if (step.get() == null) {
                InventoryStep.scan(adjusted, progress, threads != null ? threads : 0)
                        .ifPresent(step::set);
            }
            return step.get() == null ? adjusted : step.get().scanned(adjusted);
        });
        Scenario scenario = study.scenario();
        OutputFolder folder = OutputFolder.choose(out, scenario.name());

        progress.stage("planning and simulating " + scenario.name());
        Outcome outcome =
                study.run(assumptionMode, threads != null ? threads : Replications.defaultThreads(), progress::update);
        progress.finish();
        MigrationSetup setup = outcome.setup();
        List<RunResult> results = outcome.runs();
        ReplicationSummary summary = outcome.summary();
        InventoryStep.Staged staged = null;
        String inventoryReport = "";
        if (step.get() != null) {
            staged = step.get().writeManifests(setup.plan(), folder.target(), manifestFormat, progress);
            inventoryReport =
                    step.get().report(setup.plan(), staged, folder.target().resolve("manifests"));
            folder.add("inventory.txt", inventoryReport);
        }

        String json = SummaryJson.render(outcome, assumptionMode);
        MilestoneSummary milestones = MilestoneSummary.of(results);
        String report = MarkdownReport.withOverrides(
                MarkdownReport.render(
                        scenario,
                        setup.plan(),
                        summary,
                        setup.deadlineSeconds(),
                        MilestoneReport.observed(
                                        scenario,
                                        ObservedComparison.of(
                                                scenario.run().observed(),
                                                scenario.run().start(),
                                                results))
                                + MilestoneReport.markdown(scenario, milestones),
                        DrawsSection.retention(outcome)),
                overrides);
        report = DrawsSection.insert(
                report,
                outcome,
                assumptionMode,
                study.source().uncertainInputs(overrides).size());
        if (decidesReplications > 0
                && step.get() == null
                && scenario.run().deadline().isPresent()) {
            progress.stage("what decides the answer");
            List<Influence> influences = study.influences(
                    decidesReplications,
                    DECIDES_POINTS,
                    threads != null ? threads : Replications.defaultThreads(),
                    progress::update);
            progress.finish();
            report = DecidesSection.insert(
                    report,
                    influences,
                    Math.min(decidesReplications, scenario.run().replications()));
        }
        folder.add("report.md", report);
        folder.add(
                "timeseries.csv", CsvReports.timeSeries(results, scenario.run().start()));
        folder.add("batches.csv", CsvReports.batches(results, scenario.topology()));
        folder.add("summary.json", json);
        folder.add("milestones.csv", MilestoneReport.csv(results, scenario.run().start()));
        folder.add("costs.csv", CostReport.csv(results));
        folder.add(
                "jurisdictions.png",
                JurisdictionChart.png(
                        results,
                        scenario.run().start(),
                        setup.deadlineSeconds(),
                        scenario.name() + ": violating bytes per home jurisdiction"));
        folder.add(
                "compliance.png",
                ComplianceChart.png(
                        summary,
                        setup.deadlineSeconds(),
                        scenario.name() + ": violating bytes over time",
                        scenario.run().start()));
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

    /** Returns the assumption mode named {@code text}, or refuses it (exit 2). */
    static Assumptions assumptions(String text) {
        return switch (text) {
            case "drawn" -> Assumptions.DRAWN;
            case "central" -> Assumptions.CENTRAL;
            default ->
                throw new BadInputException(
                        "--assumptions: \"" + text + "\" is not an assumption mode (use drawn or central)");
        };
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
