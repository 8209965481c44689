package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.scenario.UncertainInput;

/**
 * Whether one uncertain input, moved across its plausible range with every other input at its central
 * value, flips the headline answer (met in at least half of the replications), and where.
 *
 * @param input the uncertain input
 * @param flips whether the answer differs somewhere in the range (or between the choice's values)
 * @param finding the result as a sentence: the threshold with its bracket, or the answer throughout
 * @param evaluations every point run, in the order run
 */
public record Influence(
        UncertainInput input, boolean flips, String finding, ImmutableList<Threshold.Evaluation> evaluations) {

    /** Creates an influence, copying the evaluations. */
    public Influence {
        checkNotNull(input, "input");
        checkNotNull(finding, "finding");
        evaluations = ImmutableList.copyOf(evaluations);
    }
}
