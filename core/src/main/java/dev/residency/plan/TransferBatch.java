package dev.residency.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.primitives.ImmutableIntArray;
import dev.residency.topology.Route;
import dev.residency.topology.Topology;

/**
 * Records copied together from one source site to one destination over one route.
 *
 * <p>Timing: a batch's planned interval, from {@code plannedStartSeconds} to {@code plannedEndSeconds},
 * covers its route's latency: its first byte moves {@link dev.residency.topology.Route#latencySeconds
 * route latency} after the start, and from then to the end its bytes move at the constant rate {@link
 * #bytesPerSecond(Topology)}; the batches of one stream (same wave, source, route and destination) run
 * back to back, each starting when the last byte of the one before has arrived. So the planned times are
 * what a fault-free run does: a plan that left the latency out had its batches end one latency per batch
 * of their stream later than planned, and a batch planned to end as a maintenance window opens then ended
 * inside it and waited for it to close (hours or days for a few milliseconds). At every instant the rates
 * of the batches moving bytes on an arc, and into or out of a site, sum to at most its bandwidth; no batch
 * uses a link during its maintenance window, latency included.
 *
 * <p><b>Legs.</b> Data may wait at a transit site between intervals (holdover) where its rule allows it to
 * be stored there. A flow that waits at {@code B} on its way from {@code A} to {@code C} becomes one batch
 * per leg, all with the same records: {@code A->B} with {@link #staging()} true (its copy at {@code B} is a
 * <em>staging copy</em>, not a compliant end state), then {@code B->C} with {@link #previousLeg()} naming
 * the {@code A->B} batch. A leg starts no earlier than its planned start and only once its previous leg's
 * copy is verified; the staging copies of a chain are deleted once its last leg (the one with {@code
 * staging} false) is cut over, which no {@link Deletion} lists: they are implied by the legs. A batch with
 * no previous leg and {@code staging} false is an ordinary one-leg batch.
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
 * @param previousLeg the id of the leg whose staging copy at this batch's source it copies from, or -1 if
 *     this is a first (or only) leg
 * @param staging whether the copy this batch makes is a staging copy that a later leg continues from
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
        double plannedEndSeconds,
        int previousLeg,
        boolean staging) {

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
        checkArgument(
                previousLeg >= -1 && previousLeg != id,
                "batch %s: previousLeg must be -1 or another batch's id, was %s",
                id,
                previousLeg);
    }

    /** Creates a one-leg batch (no previous leg, not a staging copy). */
    public TransferBatch(
            int id,
            int wave,
            int source,
            int destination,
            Route route,
            ImmutableIntArray records,
            long bytes,
            double plannedStartSeconds,
            double plannedEndSeconds) {
        this(id, wave, source, destination, route, records, bytes, plannedStartSeconds, plannedEndSeconds, -1, false);
    }

    /** Returns whether this batch continues a staging copy made by an earlier leg. */
    public boolean continuesLeg() {
        return previousLeg >= 0;
    }

    /**
     * Returns the batch's bytes over its planned duration (0 for an instantaneous batch): its rate if its
     * route has no latency, else its average over an interval that includes the latency; see {@link
     * #bytesPerSecond(Topology)} for the rate while its bytes move.
     */
    public double bytesPerSecond() {
        double duration = plannedEndSeconds - plannedStartSeconds;
        return duration > 0 ? bytes / duration : 0;
    }

    /**
     * Returns how long the batch's bytes move: its planned duration less its route's latency in {@code
     * topology}, in seconds; zero or negative if the interval does not cover the latency.
     */
    public double transferSeconds(Topology topology) {
        checkNotNull(topology, "topology");
        return plannedEndSeconds - plannedStartSeconds - route.latencySeconds(topology);
    }

    /**
     * Returns the batch's constant rate while its bytes move, after its route's latency in {@code
     * topology}: bytes over {@link #transferSeconds}, in bytes per second (0 if that leaves no time).
     */
    public double bytesPerSecond(Topology topology) {
        double seconds = transferSeconds(topology);
        return seconds > 0 ? bytes / seconds : 0;
    }
}
