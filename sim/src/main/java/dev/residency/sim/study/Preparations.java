package dev.residency.sim.study;

import dev.residency.data.RecordStore;
import dev.residency.plan.MigrationPlan;
import dev.residency.sim.migration.MigrationSetup;
import dev.residency.sim.migration.ScenarioPlans;
import dev.residency.sim.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Populations and plans shared between the points of one study. A point's population is keyed by the
 * values of the varied inputs that shape it ({@link InputKind#POPULATION}), its plan by those that
 * shape either; a point whose key was seen uses what was built for it. The most recent few entries
 * are kept (least recently used go first) so that memory stays bounded whatever the grid. Not
 * thread-safe: points are prepared one after the other.
 */
final class Preparations {

    private static final int KEPT_POPULATIONS = 2;
    private static final int KEPT_PLANS = 8;

    private record Planned(RecordStore store, MigrationPlan plan) {}

    private final Map<List<String>, RecordStore> populations = lru(KEPT_POPULATIONS);
    private final Map<List<String>, Planned> plans = lru(KEPT_PLANS);
    private int populationsBuilt;
    private int populationsReused;
    private int plansMade;
    private int plansReused;

    private static <K, V> Map<K, V> lru(int size) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @java.lang.Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }

    /**
     * Returns the setup of {@code scenario}, reusing the population keyed {@code populationKey} and the
     * plan keyed {@code planKey} if an earlier point built them.
     */
    MigrationSetup setup(Scenario scenario, List<String> populationKey, List<String> planKey) {
        Planned planned = plans.get(planKey);
        if (planned != null) {
            plansReused++;
            populationsReused++;
            return MigrationSetup.prepare(scenario, planned.store(), planned.plan());
        }
        RecordStore store = populations.get(populationKey);
        if (store != null) {
            populationsReused++;
        } else {
            store = scenario.population().build(scenario.topology());
            populations.put(populationKey, store);
            populationsBuilt++;
        }
        MigrationPlan plan = ScenarioPlans.plan(scenario, store);
        plansMade++;
        plans.put(planKey, new Planned(store, plan));
        return MigrationSetup.prepare(scenario, store, plan);
    }

    /** Returns the counts so far. */
    Reuse reuse() {
        return new Reuse(populationsBuilt, populationsReused, plansMade, plansReused);
    }
}
