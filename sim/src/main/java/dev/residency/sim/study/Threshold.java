package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.report.Proportion;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the headline answer flips along one input, found by bisection over a range's points: the
 * answer is "met" when at least half of the replications meet the deadline. The bisection assumes one
 * flip in the range; {@link #evaluations()} shows every point it ran.
 *
 * @param axis the range searched
 * @param metAtLow whether the answer is "met" at the range's low end
 * @param metAtHigh whether it is "met" at the high end
 * @param below the last point with the low end's answer, if the answer flips
 * @param above the first point with the high end's answer, if the answer flips
 * @param evaluations every point run, in the order run
 * @param reuse populations and plans built and reused
 */
public record Threshold(
        Axis axis,
        boolean metAtLow,
        boolean metAtHigh,
        Optional<String> below,
        Optional<String> above,
        ImmutableList<Evaluation> evaluations,
        Reuse reuse) {

    /**
     * One point the bisection ran.
     *
     * @param value the input's value
     * @param met the deadline met over the point's replications
     */
    public record Evaluation(String value, Proportion met) {

        /** Creates an evaluation. */
        public Evaluation {
            checkNotNull(value, "value");
            checkNotNull(met, "met");
        }
    }

    /** Creates a threshold, copying the evaluations. */
    public Threshold {
        checkNotNull(axis, "axis");
        checkNotNull(below, "below");
        checkNotNull(above, "above");
        evaluations = ImmutableList.copyOf(evaluations);
        checkNotNull(reuse, "reuse");
    }

    /** Returns whether the answer differs between the range's ends. */
    public boolean flips() {
        return metAtLow != metAtHigh;
    }

    /**
     * Returns the finding as a sentence, such as {@code met iff run.backups.retention <= 25d 8h
     * (bracket: met at 25d 8h, missed at 31d 3h)}.
     */
    public String statement() {
        String path = axis.path();
        if (!flips()) {
            return String.format(
                    Locale.ROOT,
                    "%s at every value of %s from %s to %s (ends checked; no flip found)",
                    metAtLow ? "met" : "missed",
                    path,
                    axis.values().get(0),
                    axis.values().get(axis.values().size() - 1));
        }
        String op = metAtLow ? "<=" : ">=";
        String bound = metAtLow ? below.orElseThrow() : above.orElseThrow();
        return String.format(
                Locale.ROOT,
                "met iff %s %s %s (bracket: %s at %s, %s at %s; %d points run)",
                path,
                op,
                bound,
                metAtLow ? "met" : "missed",
                below.orElseThrow(),
                metAtHigh ? "met" : "missed",
                above.orElseThrow(),
                evaluations.size());
    }
}
