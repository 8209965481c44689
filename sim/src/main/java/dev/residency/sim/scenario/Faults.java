package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.network.FailurePolicy;
import java.util.Optional;

/**
 * The faults a run injects.
 *
 * @param links random failures of every link, if any
 * @param sites random failures of every site, if any
 * @param corruptionPerByte the probability that a copied byte is corrupted, making its batch fail
 *     verification and be copied again; in [0, 1]
 * @param outages fixed windows when a given site or link is down
 * @param interruptedTransfers what a copy does when a link or site of its route fails: {@link
 *     FailurePolicy#RESUME} (it stalls and goes on from where it stopped once the route is back, the
 *     default) or {@link FailurePolicy#RESTART} (it stalls, loses what it had copied, and starts again
 *     from byte zero); {@link FailurePolicy#ABORT} is not a migration policy
 */
public record Faults(
        Optional<FailureSpec> links,
        Optional<FailureSpec> sites,
        double corruptionPerByte,
        ImmutableList<ScheduledOutage> outages,
        FailurePolicy interruptedTransfers) {

    /** No faults at all. */
    public static final Faults NONE = new Faults(Optional.empty(), Optional.empty(), 0, ImmutableList.of());

    /**
     * Creates fault settings.
     *
     * @throws IllegalArgumentException if {@code corruptionPerByte} is not in [0, 1], or {@code
     *     interruptedTransfers} is {@link FailurePolicy#ABORT}
     */
    public Faults {
        checkNotNull(links, "links");
        checkNotNull(sites, "sites");
        checkNotNull(interruptedTransfers, "interruptedTransfers");
        outages = ImmutableList.copyOf(outages);
        checkArgument(
                corruptionPerByte >= 0 && corruptionPerByte <= 1,
                "corruptionPerByte must be in [0, 1], was %s",
                corruptionPerByte);
        checkArgument(
                interruptedTransfers != FailurePolicy.ABORT,
                "interruptedTransfers must be RESUME or RESTART, was %s",
                interruptedTransfers);
    }

    /** Creates fault settings whose interrupted transfers resume ({@link FailurePolicy#RESUME}). */
    public Faults(
            Optional<FailureSpec> links,
            Optional<FailureSpec> sites,
            double corruptionPerByte,
            ImmutableList<ScheduledOutage> outages) {
        this(links, sites, corruptionPerByte, outages, FailurePolicy.RESUME);
    }

    /** Returns these faults with interrupted transfers handled by {@code policy}. */
    public Faults withInterruptedTransfers(FailurePolicy policy) {
        return new Faults(links, sites, corruptionPerByte, outages, policy);
    }
}
