package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.migration.MigrationRun;
import dev.residency.sim.migration.MigrationSetup;
import dev.residency.sim.migration.Replications;
import dev.residency.sim.report.RunResult;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjIntConsumer;

/**
 * Runs points one after the other in this JVM, each point's replications on a pool of threads,
 * sharing populations and plans between points by their keys ({@link PointSetups}). One runner
 * serves one sweep or one bisection: what it built stays for its later calls.
 */
final class ThreadedRunner implements PointRunner {

    private final int threads;
    private final ObjIntConsumer<List<StudyPoint>> progress;
    private final PointSetups setups = new PointSetups();
    private final AtomicInteger done = new AtomicInteger();

    /**
     * Creates a runner on {@code threads} threads that calls {@code progress} with the points of the
     * current call and the replications finished so far over all calls, from worker threads.
     *
     * @throws IllegalArgumentException if {@code threads} is not positive
     */
    ThreadedRunner(int threads, ObjIntConsumer<List<StudyPoint>> progress) {
        checkArgument(threads > 0, "threads must be positive, was %s", threads);
        this.threads = threads;
        this.progress = checkNotNull(progress, "progress");
    }

    @Override
    public ImmutableList<ImmutableList<RunResult>> run(Study study, List<StudyPoint> points) {
        ImmutableList.Builder<ImmutableList<RunResult>> out = ImmutableList.builder();
        for (StudyPoint point : points) {
            MigrationSetup setup = setups.setup(point);
            out.add(ImmutableList.copyOf(Replications.run(
                    point.replications(),
                    threads,
                    r -> MigrationRun.execute(setup, r),
                    d -> progress.accept(points, done.incrementAndGet()))));
        }
        return out.build();
    }
}
