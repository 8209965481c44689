package dev.residency.inventory.spark;

import java.io.PrintStream;
import org.apache.spark.sql.SparkSession;

/**
 * What every {@code spark-submit} job's {@code main} does around its body: take the session {@code
 * spark-submit} configures, report progress on it, run the body, stop the session whatever happens,
 * and exit with the body's status.
 */
final class JobLauncher {

    /** A job's body: runs on {@code spark} with {@code args}, printing to {@code out} and {@code err}. */
    @FunctionalInterface
    interface Job {
        /** Runs the job and returns its exit status. */
        int run(SparkSession spark, PrintStream out, PrintStream err, String... args);
    }

    private JobLauncher() {}

    /** Runs {@code job} as the application {@code appName} with {@code args}, then exits with its status. */
    static void runAndExit(String appName, Job job, String[] args) {
        SparkSession spark = SparkSession.builder().appName(appName).getOrCreate();
        SparkProgress.attach(spark);
        int status;
        try {
            status = job.run(spark, System.out, System.err, args);
        } finally {
            spark.stop();
        }
        System.exit(status);
    }
}
