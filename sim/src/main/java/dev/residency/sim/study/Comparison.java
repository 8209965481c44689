package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.ScenarioError;
import dev.residency.sim.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Several scenarios, or one under several sets of overrides, run side by side: every variant is
 * loaded and checked first (all errors of all variants at once), then each runs its replications as
 * {@link Study#run(Assumptions, int, Progress)} does. Stateless.
 */
public final class Comparison {

    /** The most variants one comparison runs. */
    public static final int MAX_VARIANTS = 16;

    private Comparison() {}

    /**
     * One variant's outcome.
     *
     * @param variant the variant
     * @param outcome its replications
     */
    public record Compared(Variant variant, Outcome outcome) {
        /** Creates a compared variant. */
        public Compared {
            checkNotNull(variant, "variant");
            checkNotNull(outcome, "outcome");
        }
    }

    /**
     * Runs every variant, each scenario passed through {@code adjustment} (quick mode, replications).
     *
     * @throws IllegalArgumentException if there are fewer than 2 or more than {@value #MAX_VARIANTS}
     *     variants, or two share a name
     * @throws ScenarioException listing every problem of every variant, before anything runs
     */
    public static ImmutableList<Compared> run(
            List<Variant> variants,
            UnaryOperator<Scenario> adjustment,
            Assumptions assumptions,
            int threads,
            Progress progress) {
        checkNotNull(variants, "variants");
        checkNotNull(adjustment, "adjustment");
        checkArgument(
                variants.size() >= 2 && variants.size() <= MAX_VARIANTS,
                "a comparison needs 2 to %s variants, had %s",
                MAX_VARIANTS,
                variants.size());
        Set<String> names = new HashSet<>();
        for (Variant v : variants) {
            checkArgument(names.add(v.name()), "two variants are named \"%s\"", v.name());
        }
        List<Study> studies = new ArrayList<>();
        List<ScenarioError> errors = new ArrayList<>();
        String failed = null;
        for (Variant v : variants) {
            try {
                studies.add(Study.of(v.source(), v.overrides(), adjustment));
            } catch (ScenarioException e) {
                failed = failed == null ? v.source().name() : failed;
                for (ScenarioError error : e.errors()) {
                    errors.add(new ScenarioError(error.path(), "variant \"" + v.name() + "\": " + error.message()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ScenarioException(failed, errors);
        }
        ImmutableList.Builder<Compared> out = ImmutableList.builder();
        for (int i = 0; i < variants.size(); i++) {
            out.add(new Compared(variants.get(i), studies.get(i).run(assumptions, threads, progress)));
        }
        return out.build();
    }
}
