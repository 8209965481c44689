package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.data.RecordStore;
import dev.residency.plan.MigrationPlan;
import dev.residency.sim.migration.MigrationRun;
import dev.residency.sim.migration.MigrationSetup;
import dev.residency.sim.migration.Replications;
import dev.residency.sim.migration.ScenarioPlans;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.Scenario;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjIntConsumer;

/**
 * Runs points one after the other in this JVM, each point's replications on a pool of threads,
 * sharing populations and plans between points by their keys ({@link Preparations}). One runner
 * serves one sweep or one bisection: what it built stays for its later calls.
 */
final class ThreadedRunner implements PointRunner {

    private record Planned(RecordStore store, MigrationPlan plan) {}

    private final int threads;
    private final ObjIntConsumer<List<StudyPoint>> progress;
    private final Preparations<RecordStore, Planned> preparations = new Preparations<>();
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
            Scenario s = point.scenario();
            Planned planned = preparations.plan(
                    point.populationKey(),
                    point.planKey(),
                    () -> s.population().build(s.topology()),
                    store -> new Planned(store, ScenarioPlans.plan(s, store)));
            MigrationSetup setup = MigrationSetup.prepare(s, planned.store(), planned.plan());
            out.add(ImmutableList.copyOf(Replications.run(
                    point.replications(),
                    threads,
                    r -> MigrationRun.execute(setup, r),
                    d -> progress.accept(points, done.incrementAndGet()))));
        }
        return out.build();
    }
}
