package dev.residency.sim.faults;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * An alternating renewal process: up for a time to failure, down for a time to repair, drawn
 * afresh each cycle (time to failure first, then time to repair).
 *
 * @param timeToFailure how long the component stays up after a repair (or from the start)
 * @param timeToRepair how long an outage lasts
 */
public record RenewalFailureModel(TimeDistribution timeToFailure, TimeDistribution timeToRepair)
        implements FailureModel {

    /**
     * Validates the distributions.
     *
     * @throws NullPointerException if one is null
     */
    public RenewalFailureModel {
        checkNotNull(timeToFailure, "timeToFailure");
        checkNotNull(timeToRepair, "timeToRepair");
    }

    @Override
    public Optional<Outage> nextOutage(double afterSeconds, UniformRandomProvider rng) {
        double start = afterSeconds + timeToFailure.sampleSeconds(rng);
        double repair = timeToRepair.sampleSeconds(rng);
        // A zero-length repair would be no outage; Math.ulp keeps the interval non-empty.
        double end = Math.max(start + repair, start + Math.ulp(start) + Double.MIN_VALUE);
        return Optional.of(new Outage(start, end));
    }
}
