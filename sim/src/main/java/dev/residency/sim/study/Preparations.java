package dev.residency.sim.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Populations and plans shared between the points of one study. A point's population is keyed by the
 * values of the varied inputs that shape it ({@link InputKind#POPULATION}), its plan by those that
 * shape either; a point whose key was seen uses what was built for it. The most recent few entries
 * are kept (least recently used go first) so that memory stays bounded whatever the grid. Not
 * thread-safe: points are prepared one after the other.
 *
 * <p>Generic in what is kept, so that the same bookkeeping serves the points run here (a record store
 * and a plan) and a study whose points run elsewhere, which keeps only the keys ({@link #ledger()}) to
 * report the sharing a local run would have made.
 *
 * @param <S> what a population is kept as
 * @param <P> what a plan is kept as
 */
final class Preparations<S, P> {

    private static final int KEPT_POPULATIONS = 2;
    private static final int KEPT_PLANS = 8;

    private final Map<List<String>, S> populations = lru(KEPT_POPULATIONS);
    private final Map<List<String>, P> plans = lru(KEPT_PLANS);
    private int populationsBuilt;
    private int populationsReused;
    private int plansMade;
    private int plansReused;

    /** Returns bookkeeping that builds nothing: it counts what a study run here would build and reuse. */
    static Preparations<Boolean, Boolean> ledger() {
        return new Preparations<>();
    }

    /** Records that a point keyed {@code populationKey} and {@code planKey} was prepared (a {@link #ledger()}). */
    static void note(Preparations<Boolean, Boolean> ledger, List<String> populationKey, List<String> planKey) {
        ledger.plan(populationKey, planKey, () -> Boolean.TRUE, built -> Boolean.TRUE);
    }

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
     * Returns the plan keyed {@code planKey} if an earlier point made it; else makes it with {@code
     * plan} from the population keyed {@code populationKey}, built with {@code population} unless an
     * earlier point built it.
     */
    P plan(List<String> populationKey, List<String> planKey, Supplier<S> population, Function<S, P> plan) {
        P planned = plans.get(planKey);
        if (planned != null) {
            plansReused++;
            populationsReused++;
            return planned;
        }
        S store = populations.get(populationKey);
        if (store != null) {
            populationsReused++;
        } else {
            store = population.get();
            populations.put(populationKey, store);
            populationsBuilt++;
        }
        P made = plan.apply(store);
        plansMade++;
        plans.put(planKey, made);
        return made;
    }

    /** Returns the counts so far. */
    Reuse reuse() {
        return new Reuse(populationsBuilt, populationsReused, plansMade, plansReused);
    }
}
