package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.data.RecordStore;
import dev.residency.plan.MigrationPlan;
import dev.residency.sim.migration.MigrationSetup;
import dev.residency.sim.migration.ScenarioPlans;
import dev.residency.sim.scenario.Scenario;

/**
 * The setups of a study's points, sharing populations and plans between points whose keys say they
 * are equal ({@link StudyPoint#populationKey()}, {@link StudyPoint#planKey()}), as a local sweep does:
 * a shared plan is the plan the point would have made, so sharing changes the time taken, never a run.
 * A {@link PointRunner} keeps one for the points it runs one after the other (a local sweep, or one
 * partition of a sweep on a cluster). Keeps the last few populations and plans only. Not thread-safe.
 */
public final class PointSetups {

    private record Planned(RecordStore store, MigrationPlan plan) {}

    private final Preparations<RecordStore, Planned> preparations = new Preparations<>();

    /** Creates an empty set of setups. */
    public PointSetups() {}

    /** Returns the setup of {@code point}, reusing a population or plan built for an earlier point with the same key. */
    public MigrationSetup setup(StudyPoint point) {
        checkNotNull(point, "point");
        Scenario s = point.scenario();
        Planned planned = preparations.plan(
                point.populationKey(),
                point.planKey(),
                () -> s.population().build(s.topology()),
                store -> new Planned(store, ScenarioPlans.plan(s, store)));
        return MigrationSetup.prepare(s, planned.store(), planned.plan());
    }

    /** Returns how many populations and plans were built and reused so far. */
    public Reuse reuse() {
        return preparations.reuse();
    }
}
