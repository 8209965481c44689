package dev.residency.plan.internal.solve;

/**
 * A constant-rate flow of one demand from one source to one destination along one route during one
 * interval: the unit that batches are cut from.
 *
 * @param demand the demand index
 * @param wave the interval (wave) index
 * @param startSeconds when it starts
 * @param source the source site
 * @param destination the destination site
 * @param arcs the topology arcs of its route
 * @param quotaBytes the bytes the flow assigns it
 * @param bytesPerSecond its rate
 * @param strict whether it may not carry more than its quota (false only where capacities stay constant
 *     after it, so a record of overshoot cannot collide with a later wave)
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
        boolean strict) {}
