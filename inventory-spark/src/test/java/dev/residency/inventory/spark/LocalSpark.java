package dev.residency.inventory.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Test support: one small local Spark session on 4 threads, shared by the module's test classes
 * (start-up costs seconds); Spark stops it when the JVM exits. Tests choose 1 or 4 partitions through
 * the engine.
 */
final class LocalSpark {

    private LocalSpark() {}

    private static final int THREADS = 4;

    /** Returns the session: local[4], without UI, with 4 shuffle partitions. */
    static synchronized SparkSession shared() {
        int threads = THREADS;
        return SparkSession.builder()
                .master("local[" + threads + "]")
                .appName("residency-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", String.valueOf(threads))
                .config("spark.default.parallelism", String.valueOf(threads))
                .config("spark.sql.adaptive.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
