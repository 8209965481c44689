package dev.residency.cli;

import dev.residency.audit.Tally;
import dev.residency.data.RecordStore;
import dev.residency.inventory.InventoryFormat;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PartTiming;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.io.PlanWriter;
import dev.residency.plan.verify.PlanVerifier;
import dev.residency.plan.verify.VerificationResult;
import dev.residency.sim.migration.ScenarioPlans;
import dev.residency.sim.scenario.PopulationSource;
import dev.residency.sim.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code residency plan}: plans a scenario's migration, verifies the plan and prints its summary. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Plans the scenario's migration, checks the plan with the verifier, and prints what moves,",
            "what is deleted and why, the makespan estimate, its lower bound and the quality ratio."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:done",
            "1:the plan failed verification, or another internal error (a bug)",
            "2:bad scenario or flag; nothing written",
            "3:the --out folder could not be written"
        })
final class PlanCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a built-in scenario's name or a YAML file")
    private String scenarioName;

    @Option(names = "--quick", description = "quick mode: 10x fewer synthetic users")
    private boolean quick;

    @Mixin
    private OverrideOptions sets;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "console output: ${COMPLETION-CANDIDATES} (default: text)")
    private ConsoleFormat format = ConsoleFormat.text;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "also write plan.json, summary.csv, batches.csv and deletions.csv to this new or empty folder")
    private Path out;

    @Option(
            names = "--manifests",
            paramLabel = "FORMAT",
            description = "for an inventory population: manifest format, parquet or csv (default: parquet)")
    private String manifests = "parquet";

    @Override
    public Integer call() throws IOException {
        InventoryFormat manifestFormat = InventoryFormat.byName(manifests)
                .orElseThrow(() -> new BadInputException(
                        "--manifests: \"" + manifests + "\" is not a manifest format (use parquet or csv)"));
        Scenario scenario = ScenarioArgument.load(scenarioName, quick, sets.overrides());
        boolean inventory = scenario.population() instanceof PopulationSource.Inventory;
        // An inventory's plan always goes to a folder: its manifests are too large for the console.
        OutputFolder folder = out == null && !inventory ? null : OutputFolder.choose(out, scenario.name());
        ProgressBar progress = ProgressBar.forTerminal(format == ConsoleFormat.json);
        Optional<InventoryStep> step = InventoryStep.scan(scenario, progress, 0);
        if (step.isPresent()) {
            scenario = step.get().scanned(scenario);
        }
        RecordStore store = scenario.population().build(scenario.topology());
        long started = System.nanoTime();
        PlanningProblem problem = ScenarioPlans.problem(scenario, store);
        MigrationPlan plan = ScenarioPlans.plan(scenario, problem);
        double seconds = (System.nanoTime() - started) / 1e9;
        VerificationResult verification = PlanVerifier.verify(plan, problem);
        InventoryStep.Staged staged = null;
        String inventoryReport = "";
        if (step.isPresent()) {
            staged = step.get().writeManifests(plan, folder.target(), manifestFormat, progress);
            inventoryReport = step.get().report(plan, staged, folder.target().resolve("manifests"));
            folder.add("inventory.txt", inventoryReport);
        }
        progress.finish();
        if (folder != null) {
            folder.add("plan.json", PlanWriter.json(plan, scenario.topology()));
            folder.add("summary.csv", PlanWriter.summaryCsv(plan));
            folder.add("batches.csv", PlanWriter.batchesCsv(plan, scenario.topology()));
            folder.add("deletions.csv", PlanWriter.deletionsCsv(plan, scenario.topology()));
            folder.commit();
            if (staged != null) {
                InventoryStep.publish(staged, folder.target());
            }
        }
        PrintWriter console = spec.commandLine().getOut();
        if (format == ConsoleFormat.json) {
            console.print(PlanWriter.json(plan, scenario.topology()));
            console.flush();
            return verification.isValid() ? ExitCodes.OK : ExitCodes.INTERNAL;
        }
        print(console, scenario, plan, store, seconds, verification);
        if (!inventoryReport.isEmpty()) {
            console.println();
            console.print(inventoryReport);
        }
        if (folder != null) {
            console.printf("Plan written to %s%n", folder.target());
        }
        console.flush();
        return verification.isValid() ? ExitCodes.OK : ExitCodes.INTERNAL;
    }

    private static void tallies(PrintWriter out, String title, Map<?, Tally> rows, Scenario scenario) {
        out.println(title);
        for (Map.Entry<?, Tally> e : rows.entrySet()) {
            out.printf(
                    Locale.ROOT,
                    "  %-16s %18s %12s%n",
                    e.getKey(),
                    Formats.count((double) e.getValue().records() * scenario.scale()),
                    Formats.bytes(e.getValue().bytes()));
        }
    }

    private static void print(
            PrintWriter out,
            Scenario scenario,
            MigrationPlan plan,
            RecordStore store,
            double seconds,
            VerificationResult verification) {
        out.printf(
                Locale.ROOT,
                "Plan of %s by the %s planner (%s), made in %.2f s from %,d synthetic records.%n%n",
                scenario.name(),
                plan.planner(),
                plan.method(),
                seconds,
                store.size());
        out.printf(
                Locale.ROOT,
                "Copy makespan estimate %.2f days, lower bound %.2f days: quality ratio %.3f.%n",
                plan.makespanSeconds() / Formats.DAY,
                plan.lowerBoundSeconds() / Formats.DAY,
                plan.qualityRatio());
        out.printf(
                Locale.ROOT,
                "Violation-time integral %.4g PB-days, lower bound %.4g PB-days: area ratio %.3f.%n",
                plan.areaByteSeconds() / 1e15 / Formats.DAY,
                plan.areaLowerBoundByteSeconds() / 1e15 / Formats.DAY,
                plan.areaRatio());
        out.println("Planned compliance per home jurisdiction (last copy; bound = its data alone on the network):");
        for (PartTiming part : plan.parts(PartTiming.HOME)) {
            out.printf(
                    Locale.ROOT,
                    "  %-4s %12s  day %8.2f  bound %8.2f  ratio %.3f%n",
                    part.name(),
                    Formats.bytes(part.bytes()),
                    part.plannedSeconds() / Formats.DAY,
                    part.lowerBoundSeconds() / Formats.DAY,
                    part.ratio());
        }
        out.printf(
                Locale.ROOT,
                "%,d transfer batches in %d waves (%s to move), %,d deletion jobs, egress %s.%n%n",
                plan.batches().size(),
                plan.waveCount(),
                Formats.bytes(plan.bytesToMove()),
                plan.deletions().size(),
                scenario.topology().links().stream().anyMatch(l -> l.egressCostPerGiB() > 0)
                        ? String.format(Locale.ROOT, "US$ %,.0f", plan.egressCostUsd())
                        : "not modelled (no link has an egress price)");
        tallies(
                out,
                "Violating records by class (real-world records)",
                plan.classification().byClass(),
                scenario);
        out.println();
        tallies(
                out,
                "Deleted rather than moved, by reason (real-world records)",
                plan.classification().deletedByReason(),
                scenario);
        out.println();
        out.println(verification.isValid() ? "Verifier: the plan is sound." : "Verifier: " + verification);
    }
}
