package dev.residency.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.primitives.ImmutableIntArray;
import dev.residency.topology.Route;

/**
 * Records copied together from one source site to one destination over one route.
 *
 * <p>Timing: a batch runs at the constant rate {@link #bytesPerSecond()} from {@code
 * plannedStartSeconds} to {@code plannedEndSeconds}; the batches of one stream (same wave, source,
 * route and destination) run back to back. At every instant the rates of the active batches on an
 * arc, and into or out of a site, sum to at most its bandwidth. Link latency is not included (it is
 * below a second against batches of minutes to hours).
 *
 * @param id the batch's index in the plan
 * @param wave the wave it belongs to (a stretch of time with constant capacities), from 0
 * @param source the site index it is copied from
 * @param destination the site index it is copied to
 * @param route the arcs it follows
 * @param records the record indices in the store
 * @param bytes the sum of the records' sizes
 * @param plannedStartSeconds when the copy starts
 * @param plannedEndSeconds when the copy is complete, not before the start
 */
public record TransferBatch(
        int id,
        int wave,
        int source,
        int destination,
        Route route,
        ImmutableIntArray records,
        long bytes,
        double plannedStartSeconds,
        double plannedEndSeconds) {

    /**
     * Creates a batch.
     *
     * @throws IllegalArgumentException if the route does not join source and destination, the batch is
     *     empty, or the times are out of order
     */
    public TransferBatch {
        checkNotNull(route, "route");
        checkNotNull(records, "records");
        checkArgument(
                route.source() == source && route.destination() == destination,
                "batch %s: route %s->%s does not join %s->%s",
                id,
                route.source(),
                route.destination(),
                source,
                destination);
        checkArgument(!records.isEmpty(), "batch %s has no records", id);
        checkArgument(bytes >= 0, "batch %s: bytes must not be negative, was %s", id, bytes);
        checkArgument(
                plannedStartSeconds >= 0 && plannedEndSeconds >= plannedStartSeconds,
                "batch %s: times must satisfy 0 <= start <= end, were %s and %s",
                id,
                plannedStartSeconds,
                plannedEndSeconds);
    }

    /** Returns the batch's constant rate, bytes over duration (0 for an instantaneous batch). */
    public double bytesPerSecond() {
        double duration = plannedEndSeconds - plannedStartSeconds;
        return duration > 0 ? bytes / duration : 0;
    }
}
