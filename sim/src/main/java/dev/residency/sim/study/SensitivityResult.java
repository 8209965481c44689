package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.report.ReplicationSummary;

/**
 * What a {@link Sensitivity} study found.
 *
 * @param central the headline figures with every uncertain input at its central value
 * @param swings one per input studied, ranked by swing: of the probability of meeting the deadline
 *     first, then of the days to clean (backups included), then of the days to live-clean
 * @param replications replications per one-at-a-time point
 * @param sobolSamples the base samples N of the Sobol design (0: no indices)
 * @param sobol the first-order indices, per input studied and figure (empty if {@code sobolSamples}
 *     is 0)
 * @param reuse the populations and plans built for every run of the study
 */
public record SensitivityResult(
        ReplicationSummary central,
        ImmutableList<Swing> swings,
        int replications,
        int sobolSamples,
        ImmutableList<SobolIndex> sobol,
        Reuse reuse) {

    /** The method of the one-at-a-time figures, as reports name it. */
    public static final String ONE_AT_A_TIME_METHOD =
            "one at a time: the input at its low and high end (a choice: each value), every other at its central value";

    /** Creates a result, copying the lists. */
    public SensitivityResult {
        checkNotNull(central, "central");
        checkNotNull(reuse, "reuse");
        swings = ImmutableList.copyOf(swings);
        sobol = ImmutableList.copyOf(sobol);
        checkArgument(replications > 0, "replications must be positive, was %s", replications);
        checkArgument(sobolSamples >= 0, "sobolSamples must not be negative, was %s", sobolSamples);
    }
}
