package dev.residency.inventory.spark;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a long job as log lines, for a scan or a manifest write of 10^9 rows that runs for
 * minutes: when a stage starts (its name and number of tasks), each time another tenth of its tasks
 * has finished, and when it ends (with its time, or the reason it failed). {@link #attach} logs at
 * INFO through SLF4J, which Spark's own logging sends to standard error. Spark calls a listener from
 * its listener-bus thread, one event at a time; the counts are kept in a concurrent map all the same.
 */
final class SparkProgress extends SparkListener {

    private static final Logger LOG = LoggerFactory.getLogger(SparkProgress.class);

    /** Per running stage: its tasks, those finished, and the tenths reported. */
    private static final class Count {
        final int tasks;
        int done;
        int tenths;

        Count(int tasks) {
            this.tasks = tasks;
        }
    }

    private final Consumer<String> sink;
    private final Map<Integer, Count> stages = new ConcurrentHashMap<>();

    /** Creates a listener that hands every line to {@code sink}. */
    SparkProgress(Consumer<String> sink) {
        this.sink = checkNotNull(sink, "sink");
    }

    /** Adds a listener logging at INFO to {@code spark}'s context, and returns it. */
    static SparkProgress attach(SparkSession spark) {
        SparkProgress progress = new SparkProgress(LOG::info);
        spark.sparkContext().addSparkListener(progress);
        return progress;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        StageInfo stage = submitted.stageInfo();
        stages.put(stage.stageId(), new Count(stage.numTasks()));
        sink.accept(String.format(
                Locale.ROOT, "stage %d (%s): %,d tasks", stage.stageId(), stage.name(), stage.numTasks()));
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        Count count = stages.get(end.stageId());
        if (count == null || !end.taskInfo().successful() || count.tasks <= 0) {
            return;
        }
        count.done++;
        int tenths = (int) (10L * count.done / count.tasks);
        if (tenths > count.tenths && count.done < count.tasks) {
            count.tenths = tenths;
            sink.accept(String.format(
                    Locale.ROOT,
                    "stage %d: %,d of %,d tasks done (%d%%)",
                    end.stageId(),
                    count.done,
                    count.tasks,
                    100L * count.done / count.tasks));
        }
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted completed) {
        StageInfo stage = completed.stageInfo();
        stages.remove(stage.stageId());
        double seconds =
                stage.submissionTime().isDefined() && stage.completionTime().isDefined()
                        ? ((Long) stage.completionTime().get()
                                        - (Long) stage.submissionTime().get())
                                / 1e3
                        : Double.NaN;
        if (stage.failureReason().isDefined()) {
            sink.accept(String.format(
                    Locale.ROOT,
                    "stage %d (%s) failed after %.1f s: %s",
                    stage.stageId(),
                    stage.name(),
                    seconds,
                    stage.failureReason().get()));
        } else {
            sink.accept(String.format(
                    Locale.ROOT,
                    "stage %d (%s) done: %,d tasks in %.1f s",
                    stage.stageId(),
                    stage.name(),
                    stage.numTasks(),
                    seconds));
        }
    }
}
