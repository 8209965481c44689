package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * The faults a run injects.
 *
 * @param links random failures of every link, if any
 * @param sites random failures of every site, if any
 * @param corruptionPerByte the probability that a copied byte is corrupted, making its batch fail
 *     verification and be copied again; in [0, 1]
 * @param outages fixed windows when a given site or link is down
 */
public record Faults(
        Optional<FailureSpec> links,
        Optional<FailureSpec> sites,
        double corruptionPerByte,
        ImmutableList<ScheduledOutage> outages) {

    /** No faults at all. */
    public static final Faults NONE = new Faults(Optional.empty(), Optional.empty(), 0, ImmutableList.of());

    /**
     * Creates fault settings.
     *
     * @throws IllegalArgumentException if {@code corruptionPerByte} is not in [0, 1]
     */
    public Faults {
        checkNotNull(links, "links");
        checkNotNull(sites, "sites");
        outages = ImmutableList.copyOf(outages);
        checkArgument(
                corruptionPerByte >= 0 && corruptionPerByte <= 1,
                "corruptionPerByte must be in [0, 1], was %s",
                corruptionPerByte);
    }
}
