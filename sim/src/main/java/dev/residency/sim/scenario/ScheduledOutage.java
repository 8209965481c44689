package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * A fixed window during which a site or a link is down, whatever the random faults do.
 *
 * @param target a site id, or a link by its name {@code from-to} as the topology declares it ({@link
 *     dev.residency.topology.Link#name()}); the loader normalises {@code to-from} to it
 * @param start when the outage begins
 * @param end when it ends, after {@code start}
 */
public record ScheduledOutage(String target, Instant start, Instant end) {

    /**
     * Creates an outage.
     *
     * @throws IllegalArgumentException if {@code end} is not after {@code start}
     */
    public ScheduledOutage {
        checkNotNull(target, "target");
        checkNotNull(start, "start");
        checkNotNull(end, "end");
        checkArgument(end.isAfter(start), "outage of %s must end after it starts: %s .. %s", target, start, end);
    }
}
