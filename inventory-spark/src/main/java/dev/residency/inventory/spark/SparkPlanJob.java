package dev.residency.inventory.spark;

import com.google.common.collect.ImmutableMap;
import dev.residency.audit.Tally;
import dev.residency.data.RecordStore;
import dev.residency.inventory.InventoryException;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.ScanProgress;
import dev.residency.inventory.UnitActions;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.io.PlanWriter;
import dev.residency.plan.verify.PlanVerifier;
import dev.residency.plan.verify.VerificationResult;
import dev.residency.sim.migration.ScenarioPlans;
import dev.residency.sim.scenario.BuiltInScenarios;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.PopulationSource;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.ScenarioException;
import dev.residency.sim.scenario.ScenarioSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The job for {@code spark-submit}: the cluster path of {@code residency plan} for a scenario whose
 * population is an object inventory, with the same arguments ({@link JobArguments#USAGE}). It scans
 * the inventory with {@link SparkInventoryEngine}, plans on the units in the driver with the same
 * Java planner as the embedded path, verifies the plan, and writes {@code plan.json}, {@code
 * summary.csv}, {@code batches.csv}, {@code deletions.csv}, {@code inventory.txt} and the {@code
 * manifests} folder into the output folder, by default {@code SCENARIO-plan} beside the inventory, on
 * whatever file system holds it. A bad flag, scenario or inventory exits with status 2 before anything
 * is written.
 */
public final class SparkPlanJob {

    /** Exit status: done. */
    static final int OK = 0;
    /** Exit status: the plan failed verification. */
    static final int INVALID_PLAN = 1;
    /** Exit status: bad flag, scenario or inventory; nothing written. */
    static final int BAD_INPUT = 2;
    /** Exit status: the output folder could not be written. */
    static final int OUTPUT = 3;

    private SparkPlanJob() {}

    /** Runs the job on the session {@code spark-submit} configures, and exits with its status. */
    public static void main(String[] args) {
        JobLauncher.runAndExit("residency plan", SparkPlanJob::run, args);
    }

    /** Runs the job on {@code spark} with {@code args}, printing to {@code out} and {@code err}; returns the exit status. */
    static int run(SparkSession spark, PrintStream out, PrintStream err, String... args) {
        JobArguments arguments;
        Scenario scenario;
        try {
            arguments = JobArguments.parse(args);
            if (arguments.help()) {
                out.println(JobArguments.USAGE);
                return OK;
            }
            scenario = load(arguments);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (ScenarioException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        }
        if (!(scenario.population() instanceof PopulationSource.Inventory inventory)) {
            err.println("population: scenario \"" + scenario.name()
                    + "\" has no inventory population; the Spark job plans object inventories"
                    + " (population: {inventory: ...}); use `residency plan` for the others");
            return BAD_INPUT;
        }
        SparkInventoryEngine engine = new SparkInventoryEngine(spark, arguments.partitions());
        String target = arguments.out().orElseGet(() -> besideInventory(inventory, scenario.name()));
        try {
            ClusterFolder folder = ClusterFolder.of(spark, target);
            folder.checkNewOrEmpty();
        } catch (IOException e) {
            err.println("--out: " + e.getMessage());
            return OUTPUT;
        }
        long started = System.nanoTime();
        InventoryScan scan;
        try {
            scan = engine.scan(inventory.source(), scenario.topology(), inventory.categories(), ScanProgress.NONE);
        } catch (InventoryException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        }
        double scanSeconds = seconds(started);
        Scenario scanned = new Scenario(
                scenario.name(),
                scenario.description(),
                scenario.topology(),
                inventory.withScan(scan),
                scenario.scale(),
                scenario.policy(),
                scenario.planning(),
                scenario.run(),
                scenario.assumptions());
        RecordStore store = scanned.population().build(scanned.topology());
        long planStarted = System.nanoTime();
        PlanningProblem problem = ScenarioPlans.problem(scanned, store);
        MigrationPlan plan = ScenarioPlans.plan(scanned, problem);
        double planSeconds = seconds(planStarted);
        VerificationResult verification = PlanVerifier.verify(plan, problem);
        UnitActions actions = UnitActions.of(plan, scan);
        String report;
        ClusterFolder folder;
        try {
            folder = ClusterFolder.of(spark, target);
            folder.prepare();
        } catch (IOException e) {
            err.println("--out: " + target + " cannot be created: " + e.getMessage());
            return OUTPUT;
        }
        try {
            long writeStarted = System.nanoTime();
            ClusterManifests manifests = engine.writeManifests(
                    inventory.source(),
                    scan,
                    actions,
                    folder.child("manifests"),
                    arguments.manifests(),
                    ScanProgress.NONE);
            report = report(scan, actions, manifests, scanSeconds, planSeconds, seconds(writeStarted), verification);
            folder.write("plan.json", PlanWriter.json(plan, scanned.topology()));
            folder.write("summary.csv", PlanWriter.summaryCsv(plan));
            folder.write("batches.csv", PlanWriter.batchesCsv(plan, scanned.topology()));
            folder.write("deletions.csv", PlanWriter.deletionsCsv(plan, scanned.topology()));
            folder.write("inventory.txt", report);
        } catch (IOException e) {
            folder.deleteQuietly();
            err.println("--out: " + target + " cannot be written: " + e.getMessage());
            return OUTPUT;
        } catch (InventoryException e) {
            folder.deleteQuietly();
            err.println(e.getMessage());
            return BAD_INPUT;
        }
        if (arguments.json()) {
            out.print(PlanWriter.json(plan, scanned.topology()));
        } else {
            out.print(report);
            out.println("Plan written to " + target);
        }
        out.flush();
        return verification.isValid() ? OK : INVALID_PLAN;
    }

    private static Scenario load(JobArguments arguments) {
        Scenario scenario = source(arguments.scenario()).load(Overrides.parse(arguments.settings()));
        return arguments.quick() ? scenario.withQuickMode() : scenario;
    }

    /**
     * Returns the scenario file {@code nameOrFile} names: a built-in scenario or a YAML file (both jobs
     * read their SCENARIO argument this way).
     *
     * @throws IllegalArgumentException if it is neither
     */
    static ScenarioSource source(String nameOrFile) {
        if (BuiltInScenarios.names().contains(nameOrFile)) {
            return ScenarioSource.builtIn(nameOrFile);
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(String.format(
                    "scenario \"%s\" is neither a built-in scenario nor a file (built-in: %s)",
                    nameOrFile, String.join(", ", BuiltInScenarios.names())));
        }
        return ScenarioSource.of(file);
    }

    /** Returns the default output folder: {@code NAME-plan} in the folder of the inventory's path. */
    static String besideInventory(PopulationSource.Inventory inventory, String scenarioName) {
        org.apache.hadoop.fs.Path path =
                new org.apache.hadoop.fs.Path(inventory.source().path());
        org.apache.hadoop.fs.Path parent =
                path.getParent() == null ? new org.apache.hadoop.fs.Path(".") : path.getParent();
        String name = scenarioName.replaceAll("[^A-Za-z0-9._-]", "_") + "-plan";
        return new org.apache.hadoop.fs.Path(parent, name).toString();
    }

    private static String report(
            InventoryScan scan,
            UnitActions actions,
            ClusterManifests manifests,
            double scanSeconds,
            double planSeconds,
            double writeSeconds,
            VerificationResult verification) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "Inventory: %,d rows read by %s in %.1f s; %,d groups, %,d planning units (%d shards per group),"
                        + " %,d bytes.%n",
                scan.rowsRead(),
                SparkInventoryEngine.NAME,
                scanSeconds,
                scan.groups().size(),
                scan.units().size(),
                scan.shards(),
                scan.bytes()));
        b.append(String.format(Locale.ROOT, "Planned on the units in %.1f s.%n", planSeconds));
        b.append("Objects by outcome:\n");
        ImmutableMap<String, Tally> outcomes = actions.objectsByOutcome(scan);
        for (Map.Entry<String, Tally> e : outcomes.entrySet()) {
            b.append(String.format(
                    Locale.ROOT,
                    "  %-32s %,18d objects %,22d bytes%n",
                    e.getKey(),
                    e.getValue().records(),
                    e.getValue().bytes()));
        }
        b.append(String.format(
                Locale.ROOT,
                "Manifests: %,d rows in %d batch folders (%s), written in %.1f s, in %s%n",
                manifests.rows(),
                manifests.partitions(),
                manifests.format().fileName(),
                writeSeconds,
                manifests.directory()));
        b.append(verification.isValid() ? "Verifier: the plan is sound.\n" : "Verifier: " + verification + "\n");
        return b.toString();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
