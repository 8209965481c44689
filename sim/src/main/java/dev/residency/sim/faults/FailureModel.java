package dev.residency.sim.faults;

import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Produces the outages of one component, one after another. A tiny extension point: renewal
 * processes ({@link RenewalFailureModel}) and fixed maintenance windows ({@link FixedSchedule})
 * implement it.
 */
@FunctionalInterface
public interface FailureModel {

    /**
     * Returns the component's next outage that ends after {@code afterSeconds} and starts no
     * earlier than it, or empty if there is none. Called first with the simulation time at which
     * the model is installed, then with the end of each outage.
     *
     * @param rng the component's own random stream
     */
    Optional<Outage> nextOutage(double afterSeconds, UniformRandomProvider rng);
}
