package dev.residency.sim.migration;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.report.RunResult;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The entry point for embedding code: runs a prepared migration's replications (as many as its
 * scenario says) in parallel and summarises them.
 */
public final class Migrations {

    private Migrations() {}

    /**
     * Runs every replication of {@code setup} on {@code threads} threads.
     *
     * @param progress hears the number of finished replications (from worker threads)
     */
    public static List<RunResult> replicate(MigrationSetup setup, int threads, IntConsumer progress) {
        checkNotNull(setup, "setup");
        return Replications.run(
                setup.scenario().run().replications(), threads, r -> MigrationRun.execute(setup, r), progress);
    }

    /** Runs every replication of {@code setup} on all processors and summarises them. */
    public static ReplicationSummary replicateAndSummarise(MigrationSetup setup) {
        return ReplicationSummary.of(replicate(setup, Replications.defaultThreads(), done -> {}));
    }
}
