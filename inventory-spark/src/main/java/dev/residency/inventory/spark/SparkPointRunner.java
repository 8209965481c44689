package dev.residency.inventory.spark;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.migration.MigrationRun;
import dev.residency.sim.migration.MigrationSetup;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.study.PointRunner;
import dev.residency.sim.study.PointSetups;
import dev.residency.sim.study.Study;
import dev.residency.sim.study.StudyPoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a study's points on Spark's executors: one task per (point, replication), in that order, cut
 * into contiguous partitions. Each partition rebuilds the study from the broadcast {@link StudySpec},
 * prepares a point's setup once for its consecutive replications, sharing populations and plans between
 * its points by their keys as a local sweep does ({@link PointSetups}), and returns every run
 * Java-serialized, so
 * that the cluster's serializer (Java or Kryo) only ever carries bytes. The driver reads the runs back
 * in task order; the study aggregates them. A run depends only on its point's scenario, seed and
 * replication index, so results are the same on any number of partitions and executors.
 */
final class SparkPointRunner implements PointRunner {

    /**
     * One task: a point (its place in the call, its settings as path and value lists, and its keys for
     * sharing a population or a plan) and a replication index.
     */
    record Task(
            int point,
            ImmutableList<String> paths,
            ImmutableList<String> values,
            ImmutableList<String> populationKey,
            ImmutableList<String> planKey,
            int replication)
            implements Serializable {

        /** Creates a task, copying the lists. */
        Task {
            paths = ImmutableList.copyOf(paths);
            values = ImmutableList.copyOf(values);
            checkArgument(paths.size() == values.size(), "one value per path: %s and %s", paths, values);
            populationKey = ImmutableList.copyOf(populationKey);
            planKey = ImmutableList.copyOf(planKey);
        }

        /** Returns the point's settings. */
        ImmutableList<Overrides.Setting> settings() {
            ImmutableList.Builder<Overrides.Setting> out = ImmutableList.builder();
            for (int i = 0; i < paths.size(); i++) {
                out.add(new Overrides.Setting(paths.get(i), values.get(i)));
            }
            return out.build();
        }
    }

    private final JavaSparkContext context;
    private final Broadcast<StudySpec> spec;
    private final int partitions;
    private final PrintStream log;
    private int tasksRun;

    /**
     * Creates a runner on {@code spark} for the study {@code spec} describes (broadcast once), spreading
     * each call's tasks over {@code partitions} partitions (0: one per task, up to Spark's default
     * parallelism), logging each call's size to {@code log}.
     */
    SparkPointRunner(SparkSession spark, StudySpec spec, int partitions, PrintStream log) {
        checkNotNull(spark, "spark");
        checkArgument(partitions >= 0, "partitions must not be negative, was %s", partitions);
        this.context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.spec = context.broadcast(checkNotNull(spec, "spec"));
        this.partitions = partitions;
        this.log = checkNotNull(log, "log");
    }

    /** Returns the tasks run so far, over all calls. */
    int tasksRun() {
        return tasksRun;
    }

    @Override
    public ImmutableList<ImmutableList<RunResult>> run(Study study, List<StudyPoint> points) {
        List<Task> tasks = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            StudyPoint point = points.get(p);
            ImmutableList<String> paths =
                    point.settings().stream().map(Overrides.Setting::path).collect(ImmutableList.toImmutableList());
            ImmutableList<String> values =
                    point.settings().stream().map(Overrides.Setting::value).collect(ImmutableList.toImmutableList());
            for (int r = 0; r < point.replications(); r++) {
                tasks.add(new Task(p, paths, values, point.populationKey(), point.planKey(), r));
            }
        }
        int slices = partitions > 0 ? partitions : Math.max(1, Math.min(tasks.size(), context.defaultParallelism()));
        log.printf(
                Locale.ROOT,
                "%d point%s, %d task%s on %d partition%s%n",
                points.size(),
                points.size() == 1 ? "" : "s",
                tasks.size(),
                tasks.size() == 1 ? "" : "s",
                slices,
                slices == 1 ? "" : "s");
        List<byte[]> collected = context.parallelize(tasks, slices)
                .mapPartitions(new RunTasks(spec))
                .collect();
        checkState(collected.size() == tasks.size(), "%s runs came back for %s tasks", collected.size(), tasks.size());
        tasksRun += tasks.size();
        List<List<RunResult>> runs = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            runs.add(new ArrayList<>());
        }
        for (int t = 0; t < tasks.size(); t++) {
            runs.get(tasks.get(t).point()).add(read(collected.get(t)));
        }
        return runs.stream().map(ImmutableList::copyOf).collect(ImmutableList.toImmutableList());
    }

    /**
     * Runs one partition's tasks in order, preparing each point once for its consecutive replications
     * and sharing populations and plans between its points as a local sweep does ({@link PointSetups}).
     */
    private static final class RunTasks implements FlatMapFunction<Iterator<Task>, byte[]> {

        private static final long serialVersionUID = 1L;

        private final Broadcast<StudySpec> spec;

        RunTasks(Broadcast<StudySpec> spec) {
            this.spec = spec;
        }

        @Override
        public Iterator<byte[]> call(Iterator<Task> tasks) {
            Study study = null;
            PointSetups setups = new PointSetups();
            List<Overrides.Setting> prepared = null;
            MigrationSetup setup = null;
            List<byte[]> out = new ArrayList<>();
            while (tasks.hasNext()) {
                Task task = tasks.next();
                if (study == null) {
                    study = spec.value().study();
                }
                ImmutableList<Overrides.Setting> settings = task.settings();
                if (!settings.equals(prepared)) {
                    setup = setups.setup(new StudyPoint(
                            task.point(),
                            settings,
                            study.scenario(Overrides.of(settings)),
                            task.populationKey(),
                            task.planKey()));
                    prepared = settings;
                }
                out.add(write(MigrationRun.execute(setup, task.replication())));
            }
            return out.iterator();
        }
    }

    /** Returns {@code run} Java-serialized. */
    static byte[] write(RunResult run) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Returns the run {@link #write} wrote. */
    static RunResult read(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (RunResult) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a run came back as an unknown class", e);
        }
    }
}
