package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;

/**
 * How much of a study's preparation was shared between its points: a population is built once per
 * distinct value of the inputs that shape it, a plan once per distinct value of those that shape
 * either (see {@link InputKind}).
 *
 * @param populationsBuilt populations generated
 * @param populationsReused points that used a population built for an earlier point
 * @param plansMade plans computed
 * @param plansReused points that used a plan made for an earlier point
 */
public record Reuse(int populationsBuilt, int populationsReused, int plansMade, int plansReused) {

    /** Creates counts; none may be negative. */
    public Reuse {
        checkArgument(
                populationsBuilt >= 0 && populationsReused >= 0 && plansMade >= 0 && plansReused >= 0,
                "counts must not be negative: %s %s %s %s",
                populationsBuilt,
                populationsReused,
                plansMade,
                plansReused);
    }

    /** Returns a sentence such as {@code 1 population built, reused 9 times; 1 plan made, reused 9 times}. */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%d population%s built, reused %d time%s; %d plan%s made, reused %d time%s",
                populationsBuilt,
                populationsBuilt == 1 ? "" : "s",
                populationsReused,
                populationsReused == 1 ? "" : "s",
                plansMade,
                plansMade == 1 ? "" : "s",
                plansReused,
                plansReused == 1 ? "" : "s");
    }
}
