package dev.residency.inventory.spark;

import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.ScenarioException;
import dev.residency.sim.study.Study;
import dev.residency.sim.study.SweepFiles;
import dev.residency.sim.study.SweepResult;
import dev.residency.sim.study.Threshold;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The job for {@code spark-submit} that runs {@code residency sweep} on a cluster, with the same
 * arguments ({@link StudyArguments#USAGE}). The driver reads the scenario, checks every flag and
 * every point's scenario before anything runs, then hands the points to {@link SparkPointRunner}:
 * the executors run one task per (point, replication) and send the runs back; the driver aggregates
 * them with the same code as the local sweep ({@link Study#sweep(java.util.List,
 * dev.residency.sim.study.PointRunner)}, {@link Study#find(dev.residency.sim.study.Axis,
 * dev.residency.sim.study.PointRunner)}) and writes {@code sweep.md} and {@code sweep.csv} (or {@code
 * find.md} and {@code find.csv}) with {@link SweepFiles}, byte for byte what {@code residency sweep}
 * writes for the same arguments. The chart {@code sweep.png} is the command line's alone (its chart
 * library is not on a cluster). A bad flag, scenario or point exits with status 2 before anything is
 * written.
 */
public final class SparkStudyJob {

    /** Exit status: done. */
    static final int OK = 0;
    /** Exit status: a task failed (a bug). */
    static final int FAILED = 1;
    /** Exit status: bad flag, scenario or point; nothing written. */
    static final int BAD_INPUT = 2;
    /** Exit status: the report folder is not empty or could not be written. */
    static final int OUTPUT = 3;

    private SparkStudyJob() {}

    /** Runs the job on the session {@code spark-submit} configures, and exits with its status. */
    public static void main(String[] args) {
        JobLauncher.runAndExit("residency sweep", SparkStudyJob::run, args);
    }

    /** Runs the job on {@code spark} with {@code args}, printing to {@code out} and {@code err}; returns the exit status. */
    static int run(SparkSession spark, PrintStream out, PrintStream err, String... args) {
        StudyArguments arguments;
        StudySpec spec;
        Study study;
        try {
            arguments = StudyArguments.parse(args);
            if (arguments.help()) {
                out.println(StudyArguments.USAGE);
                return OK;
            }
            spec = StudySpec.of(SparkPlanJob.source(arguments.scenario()), arguments);
            study = spec.study();
        } catch (IllegalArgumentException | ScenarioException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        }
        Scenario scenario = study.scenario();
        String target = arguments.out().orElse(slug(scenario.name()) + (arguments.find() ? "-find" : "-sweep"));
        try {
            ClusterFolder.of(spark, target).checkNewOrEmpty();
        } catch (IOException e) {
            err.println("--out: " + e.getMessage() + " (choose a new folder; nothing was written)");
            return OUTPUT;
        }
        SparkPointRunner runner = new SparkPointRunner(spark, spec, arguments.partitions(), err);
        Map<String, String> files = new LinkedHashMap<>();
        String console;
        long started = System.nanoTime();
        try {
            if (arguments.find()) {
                err.println("bisecting " + arguments.axes().get(0).path() + " on Spark");
                Threshold threshold = study.find(arguments.axes().get(0), runner);
                files.put("find.md", SweepFiles.markdown(scenario, study.overrides(), threshold));
                files.put("find.csv", SweepFiles.csv(threshold));
                console = String.format(Locale.ROOT, "%s: %s.%n", scenario.name(), threshold.statement());
            } else {
                err.println("sweeping " + scenario.name() + " on Spark");
                SweepResult sweep = study.sweep(arguments.axes(), runner);
                String md = SweepFiles.markdown(scenario, study.overrides(), sweep);
                files.put("sweep.md", md);
                files.put("sweep.csv", SweepFiles.csv(sweep));
                console = md;
            }
        } catch (IllegalArgumentException | ScenarioException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (RuntimeException e) {
            err.println("a task failed: " + e);
            return FAILED;
        }
        err.printf(Locale.ROOT, "%,d tasks run in %.1f s%n", runner.tasksRun(), (System.nanoTime() - started) / 1e9);
        ClusterFolder folder;
        try {
            folder = ClusterFolder.of(spark, target);
            folder.prepare();
        } catch (IOException e) {
            err.println("--out: " + target + " cannot be created: " + e.getMessage());
            return OUTPUT;
        }
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                folder.write(file.getKey(), file.getValue());
            }
        } catch (IOException e) {
            folder.deleteQuietly();
            err.println("--out: " + target + " cannot be written: " + e.getMessage());
            return OUTPUT;
        }
        out.print(console);
        out.printf(Locale.ROOT, "%nReport written to %s%n", folder.uri());
        out.flush();
        return OK;
    }

    private static String slug(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
