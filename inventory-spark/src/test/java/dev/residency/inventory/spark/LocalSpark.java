package dev.residency.inventory.spark;

import org.apache.spark.sql.SparkSession;

/** Test support: a small local Spark session, one per test class (start-up costs seconds). */
final class LocalSpark {

    private LocalSpark() {}

    /** Returns a session on {@code threads} local threads, without UI, with few shuffle partitions. */
    static SparkSession start(int threads) {
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
