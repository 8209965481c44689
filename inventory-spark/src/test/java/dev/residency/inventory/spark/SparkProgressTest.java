package dev.residency.inventory.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The progress listener reports a stage's start with its tasks, each further tenth of them done (for 4
 * tasks: after 1, 2 and 3) and its end with the tasks and the time.
 */
final class SparkProgressTest {

    @Test
    void stageOfFourTasks_startTenthsAndEnd() throws InterruptedException {
        SparkSession spark = LocalSpark.shared();
        List<String> lines = new CopyOnWriteArrayList<>();
        SparkProgress progress = new SparkProgress(lines::add);
        spark.sparkContext().addSparkListener(progress);
        try {
            long n = JavaSparkContext.fromSparkContext(spark.sparkContext())
                    .parallelize(IntStream.range(0, 100).boxed().toList(), 4)
                    .count();
            assertThat(n).isEqualTo(100);
            // Listeners hear of events asynchronously: wait for the stage's end.
            for (int i = 0; i < 300 && lines.stream().noneMatch(l -> l.contains(") done: ")); i++) {
                Thread.sleep(100);
            }
        } finally {
            spark.sparkContext().removeSparkListener(progress);
        }

        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).matches("stage \\d+ \\(count at SparkProgressTest\\.java:\\d+\\): 4 tasks");
        assertThat(lines.subList(1, 4))
                .allMatch(l -> l.matches("stage \\d+: [123] of 4 tasks done \\((25|50|75)%\\)"))
                .anyMatch(l -> l.endsWith("3 of 4 tasks done (75%)"));
        assertThat(lines.get(4))
                .matches("stage \\d+ \\(count at SparkProgressTest\\.java:\\d+\\) done: 4 tasks in \\d+\\.\\d s");
    }
}
