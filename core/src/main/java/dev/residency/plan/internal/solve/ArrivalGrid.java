package dev.residency.plan.internal.solve;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * The slot grid and arrival costs of the earliest-arrival network: fine slots after every timeline
 * event, coarse slots later, and per slot a cost proportional to its end time. Stateless.
 *
 * <p><b>Why not a uniform grid.</b> A grid of at most {@value AggregateSolver#MAX_SLOTS} equal slots up
 * to the horizon makes every arrival within one slot cost the same. When one late event (a site ready
 * years after the start) stretches the horizon, slots grow to days, and data that link speed could
 * clear within a day or two is planned to arrive at the end of the first slot, however long that is
 * (issue 9: US data clean on day 6.0 instead of about 1.6 in {@code microsoft-tiktok-2020-in-country}).
 *
 * <p><b>The grid.</b> Added to the uniform grid (the time step times a whole factor, at most {@value
 * AggregateSolver#MAX_SLOTS} slots) and to the timeline's own interval starts (the start, ready dates,
 * approval gates, maintenance-window edges, all on the step grid), after each such event {@code e} with
 * next event {@code e'}:
 *
 * <ol>
 *   <li>a <em>fine run</em>: slots of one step from {@code e} up to one step past the latest {@code
 *       target} in {@code [e, e')} (the targets are the commodities' single-commodity makespan bounds:
 *       when the data that can move from {@code e} on can be in at the earliest), so that a commodity
 *       finishing there is timed to the step;
 *   <li>then a <em>geometric run</em>: slots of 1, 2, 4, ... steps, while shorter than the uniform grid,
 *       so that an arrival {@code x} after the fine run sits in a slot no longer than about {@code x}.
 * </ol>
 *
 * Both runs stop at {@code e'} and at the horizon. Every added point is {@code e} plus a whole number
 * of steps, so slot ends stay on the step grid.
 *
 * <p><b>Size bound.</b> At most {@value #MAX_FINE_POINTS} points are added in all, spent on events in
 * time order (an earlier event's data weighs more in the violation-time integral, and the first
 * events get the fine slots when the budget runs out), so the refined timeline has at most {@code E +}
 * {@value AggregateSolver#MAX_SLOTS} {@code + 2 +} {@value #MAX_FINE_POINTS} intervals below the
 * horizon, where {@code E} is the unrefined timeline's interval count (the uniform grid, the horizon
 * cut, the short slot past it). One commodity's network then has at most that many times {@code (arcs
 * + 4 sites + demands x sources)} arcs, plus {@code 2 sites + demands}: at most about twice the
 * uniform grid's when {@code E} is small. When the uniform grid is already one step long, nothing is
 * added.
 *
 * <p><b>Costs and overflow.</b> A unit arriving in slot {@code i} costs {@code weight x ticks(i)},
 * where {@code ticks(i)} is the slot's end (cut at the horizon) in whole ticks, rounded to the nearest,
 * and raised to one more than the previous slot's where a slot is shorter than half a tick (the horizon
 * cut, the short slot past it), so that a later slot always costs more. The tick is one time step
 * unless the horizon holds more than {@code min(}{@value #MAX_TICKS}{@code , cap)} steps, then the
 * horizon over that number (doubled until the last slot's ticks fit under {@code cap}). With the tick
 * one step, slot ends are whole ticks (the horizon cut aside) and the cost is exactly proportional to
 * the slot's end time, so the min-cost flow minimises the violation-time integral of the grid with
 * every byte counted at its slot's end.
 * {@code weight} exceeds every route's egress cost, so time comes first and egress breaks ties. The
 * cap keeps the min-cost flow's arithmetic in {@code long}: {@link
 * dev.residency.plan.internal.flow.MinCostFlow} scales costs by {@code n + 1} for {@code n} nodes and
 * requires every arc cost below {@code Long.MAX_VALUE / 64 / (n + 1)^2}, which keeps its prices,
 * reduced costs and the ε of every phase within {@code long}. On the earliest-arrival network the
 * largest arc cost is the latest arrival's, {@code weight x ticks(last) <= weight x cap}, since link
 * arcs cost at most {@code weight - 1} and the rounding room's rank costs less than {@code weight}.
 * With {@code cap = (Long.MAX_VALUE / 64 / (n + 1) / (n + 1) - 1) / weight}, computed with the node
 * count of the network ({@link TimeExpandedNetwork#nodeCount}), the largest cost is at most {@code
 * Long.MAX_VALUE / 64 / (n + 1) / (n + 1) - 1}, below that limit. Totals (cost times flow) are summed
 * in {@code double} ({@link dev.residency.plan.internal.flow.ResidualNetwork#totalCost}), never in
 * {@code long}. A cap below the slot count (ranks would not fit: about 3·10^6 nodes at a weight of
 * 10^4) is refused before any solve.
 */
final class ArrivalGrid {

    /** The most points the fine and geometric runs add to the earliest-arrival timeline. */
    static final int MAX_FINE_POINTS = 256;

    /** The most ticks of the arrival costs up to the horizon. */
    static final long MAX_TICKS = 1L << 16;

    private ArrivalGrid() {}

    /**
     * Returns the points to add to {@code base}'s interval starts and the uniform grid of {@code
     * gridSeconds} below {@code horizon}: the fine and geometric runs after every interval start of
     * {@code base} (see the class Javadoc), ascending, all multiples of {@code stepSeconds} past an
     * interval start, none at or past {@code horizon}; empty if the grid is not longer than the step.
     *
     * @param targets times (seconds) when some data can be in at the earliest; a fine run of steps
     *     covers each, up to one step past it
     */
    static double[] finePoints(
            Timeline base, double stepSeconds, double gridSeconds, double horizon, double[] targets) {
        checkArgument(stepSeconds > 0, "stepSeconds must be positive, was %s", stepSeconds);
        if (!(gridSeconds > stepSeconds) || !(horizon > 0)) {
            return new double[0];
        }
        double[] points = new double[MAX_FINE_POINTS];
        int count = 0;
        for (int k = 0; k < base.intervalCount() && base.start(k) < horizon && count < MAX_FINE_POINTS; k++) {
            double event = base.start(k);
            double next = Math.min(base.end(k), horizon);
            double fineEnd = event;
            for (double target : targets) {
                if (target >= event && target < next) {
                    fineEnd = Math.max(fineEnd, target + stepSeconds);
                }
            }
            long steps = 1;
            double x = event + stepSeconds;
            while (x < next && x < fineEnd && count < MAX_FINE_POINTS) {
                points[count++] = x;
                x = event + ++steps * stepSeconds;
            }
            for (long length = 1; x < next && length * stepSeconds < gridSeconds && count < MAX_FINE_POINTS; ) {
                points[count++] = x;
                length *= 2;
                steps += length;
                x = event + steps * stepSeconds;
            }
        }
        return Arrays.copyOf(points, count);
    }

    /**
     * Returns each interval's arrival cost on {@code fine} up to {@code horizon}: {@code weight} times
     * the interval's end (cut at the horizon) in ticks (see the class Javadoc for the tick and the
     * overflow bound).
     *
     * @throws IllegalArgumentException if the network is so large that one tick's cost would overflow
     *     the min-cost flow's scaled prices
     */
    static long[] arrivalCosts(AggregatedProblem fine, double horizon, long weight) {
        Timeline timeline = fine.timeline;
        int intervals = TimeExpandedNetwork.intervalsBefore(timeline, horizon);
        long n = TimeExpandedNetwork.nodeCount(fine, intervals);
        long cap = (Long.MAX_VALUE / 64 / (n + 1) / (n + 1) - 1) / weight;
        checkArgument(
                cap >= intervals,
                "earliest-arrival network of %s nodes and %s slots is too large for arrival costs of weight %s",
                n,
                intervals,
                weight);
        long[] ticks = new long[intervals];
        // Coarser ticks until the last slot's fits under the cap; ticks past twice the horizon round every
        // end to 0, the costs are then the ranks 0 .. intervals - 1 and fit, so the loop ends.
        for (double tick = Math.max(timeline.stepSeconds, horizon / Math.min(MAX_TICKS, cap)); ; tick *= 2) {
            long previous = -1;
            for (int i = 0; i < intervals; i++) {
                double end = Math.min(timeline.end(i), horizon);
                ticks[i] = Math.max(Math.round(end / tick), previous + 1);
                previous = ticks[i];
            }
            if (previous <= cap) {
                break;
            }
        }
        long[] arrival = new long[intervals];
        for (int i = 0; i < intervals; i++) {
            arrival[i] = ticks[i] * weight;
        }
        return arrival;
    }
}
