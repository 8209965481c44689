package dev.residency.plan.internal.solve;

import com.google.common.collect.ImmutableList;

/**
 * A constant-rate flow of one demand from one source to one destination along one route during one
 * interval: the unit that batches are cut from. A flow that waited at a transit site (holdover) has
 * {@link #earlier} legs: this record's own fields then describe its last leg (from the last staging site
 * to the destination), and each earlier leg carried the same bytes to a staging copy in an earlier
 * interval.
 *
 * @param demand the demand index
 * @param wave the interval (wave) index
 * @param startSeconds when it starts
 * @param source the source site (the last staging site if there are earlier legs)
 * @param destination the destination site
 * @param arcs the topology arcs of its route
 * @param quotaBytes the bytes the flow assigns it
 * @param bytesPerSecond its rate
 * @param strict whether it may not carry more than its quota (false only where capacities stay constant
 *     after it, so a record of overshoot cannot collide with a later wave)
 * @param earlier the legs before it, in order, each to a staging copy (empty for a one-leg flow)
 */
record RouteFlow(
        int demand,
        int wave,
        double startSeconds,
        int source,
        int destination,
        int[] arcs,
        long quotaBytes,
        double bytesPerSecond,
        boolean strict,
        ImmutableList<Leg> earlier) {

    /** Creates a one-leg flow. */
    RouteFlow(
            int demand,
            int wave,
            double startSeconds,
            int source,
            int destination,
            int[] arcs,
            long quotaBytes,
            double bytesPerSecond,
            boolean strict) {
        this(
                demand,
                wave,
                startSeconds,
                source,
                destination,
                arcs,
                quotaBytes,
                bytesPerSecond,
                strict,
                ImmutableList.of());
    }

    /**
     * A leg of a flow that waits at a transit site: a copy from {@code source} to a staging copy at
     * {@code destination} during interval {@code wave}, at a constant rate from {@code startSeconds}.
     *
     * @param wave the interval index
     * @param startSeconds when it starts
     * @param source the site it copies from
     * @param destination the staging site
     * @param arcs the topology arcs of its route
     * @param bytesPerSecond its rate
     */
    record Leg(int wave, double startSeconds, int source, int destination, int[] arcs, double bytesPerSecond) {}
}
