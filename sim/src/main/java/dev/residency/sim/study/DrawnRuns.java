package dev.residency.sim.study;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import dev.residency.data.RecordStore;
import dev.residency.plan.MigrationPlan;
import dev.residency.sim.migration.MigrationRun;
import dev.residency.sim.migration.MigrationSetup;
import dev.residency.sim.migration.Replications;
import dev.residency.sim.migration.ScenarioPlans;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Runs replications that each have a scenario of their own (their draws of the uncertain inputs, or a
 * row of a sensitivity design) on a pool of threads, building a population once per distinct value of
 * the inputs that shape it and a plan once per distinct value of those that shape either ({@link
 * InputKind}); replications that share a key share what was built, which holds only while a
 * replication that needs it is still to run. Replication {@code i} runs its scenario with fault
 * streams {@code index[i]}, so the results depend on neither the thread count nor the order of work.
 */
final class DrawnRuns {

    private DrawnRuns() {}

    /** The results in the order given, and what was built and shared. */
    record Result(ImmutableList<RunResult> runs, Reuse reuse) {}

    /**
     * Runs {@code scenarios.get(i)} as replication {@code index[i]}, with the varied inputs of row i
     * given by {@code draws.get(i)}. {@code central} was built for the row {@code centralRow}: rows
     * that agree with it on the inputs that shape the population (or the plan) use its population (or
     * plan); the counts of the result include {@code central}'s.
     */
    static Result run(
            MigrationSetup central,
            List<Overrides.Setting> centralRow,
            List<Scenario> scenarios,
            List<? extends List<Overrides.Setting>> draws,
            int[] index,
            int threads,
            IntConsumer progress) {
        int n = scenarios.size();
        List<List<String>> populationKeys = new ArrayList<>(n);
        List<List<String>> planKeys = new ArrayList<>(n);
        Map<List<String>, AtomicInteger> populationUses = new HashMap<>();
        Map<List<String>, AtomicInteger> planUses = new HashMap<>();
        for (int i = 0; i < n; i++) {
            List<String> pop = key(draws.get(i), InputKind.POPULATION);
            List<String> plan = key(draws.get(i), InputKind.PLAN);
            populationKeys.add(pop);
            planKeys.add(plan);
            populationUses.computeIfAbsent(pop, k -> new AtomicInteger()).incrementAndGet();
            planUses.computeIfAbsent(plan, k -> new AtomicInteger()).incrementAndGet();
        }
        Map<List<String>, Supplier<RecordStore>> populations = new ConcurrentHashMap<>();
        Map<List<String>, Supplier<MigrationPlan>> plans = new ConcurrentHashMap<>();
        // The central setup's population and plan stay for the whole run (reports describe them).
        populations.put(key(centralRow, InputKind.POPULATION), central::store);
        plans.put(key(centralRow, InputKind.PLAN), central::plan);
        populationUses
                .computeIfAbsent(key(centralRow, InputKind.POPULATION), k -> new AtomicInteger())
                .incrementAndGet();
        planUses.computeIfAbsent(key(centralRow, InputKind.PLAN), k -> new AtomicInteger())
                .incrementAndGet();
        AtomicInteger populationsBuilt = new AtomicInteger();
        AtomicInteger plansMade = new AtomicInteger();
        List<RunResult> runs = Replications.run(
                n,
                threads,
                i -> {
                    Scenario s = scenarios.get(i);
                    Supplier<RecordStore> store = populations.computeIfAbsent(
                            populationKeys.get(i),
                            k -> Suppliers.memoize(() -> {
                                populationsBuilt.incrementAndGet();
                                return s.population().build(s.topology());
                            }));
                    Supplier<MigrationPlan> plan = plans.computeIfAbsent(
                            planKeys.get(i),
                            k -> Suppliers.memoize(() -> {
                                plansMade.incrementAndGet();
                                return ScenarioPlans.plan(s, store.get());
                            }));
                    RunResult result =
                            MigrationRun.execute(MigrationSetup.prepare(s, store.get(), plan.get()), index[i]);
                    // What no later replication needs is dropped, so memory holds only what is in use.
                    if (planUses.get(planKeys.get(i)).decrementAndGet() == 0) {
                        plans.remove(planKeys.get(i));
                    }
                    if (populationUses.get(populationKeys.get(i)).decrementAndGet() == 0) {
                        populations.remove(populationKeys.get(i));
                    }
                    return result;
                },
                progress);
        int built = populationsBuilt.get();
        int made = plansMade.get();
        return new Result(ImmutableList.copyOf(runs), new Reuse(built + 1, n - built, made + 1, n - made));
    }

    /** Returns the texts of the settings whose kind reaches {@code upTo}, prefixed by their paths. */
    private static List<String> key(List<Overrides.Setting> settings, InputKind upTo) {
        List<String> key = new ArrayList<>();
        for (Overrides.Setting s : settings) {
            if (InputKind.of(s.path()).ordinal() <= upTo.ordinal()) {
                key.add(s.toString());
            }
        }
        return key;
    }
}
