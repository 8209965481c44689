package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.sim.scenario.UncertainInput;

/**
 * A first-order Sobol index of one uncertain input for one headline figure, estimated by {@link
 * Saltelli}'s estimator: the share of the figure's variance that the input explains on its own.
 *
 * @param input the uncertain input
 * @param figure the figure (per run)
 * @param index the estimated index (NaN if the figure did not vary, or some run never reached it)
 * @param standardError the estimate's standard error (NaN likewise)
 */
public record SobolIndex(UncertainInput input, Figure figure, double index, double standardError) {

    /** The method, as reports name it. */
    public static final String METHOD = "first-order Sobol index, Saltelli (2010) estimator";

    /** Creates an index. */
    public SobolIndex {
        checkNotNull(input, "input");
        checkNotNull(figure, "figure");
    }
}
