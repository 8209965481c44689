package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Random failures of one kind of component (every link, or every site), each component failing and
 * being repaired independently.
 *
 * @param timeToFailure the time from a repair (or the start) to the next failure
 * @param timeToRepair the time a failure lasts
 */
public record FailureSpec(DistributionSpec timeToFailure, DistributionSpec timeToRepair) {

    /** Creates a failure spec. */
    public FailureSpec {
        checkNotNull(timeToFailure, "timeToFailure");
        checkNotNull(timeToRepair, "timeToRepair");
    }
}
