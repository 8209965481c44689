package dev.residency.plan.internal.solve;

import com.google.common.collect.ImmutableList;
import dev.residency.plan.DeletionReason;
import java.util.Arrays;

/**
 * The solved aggregate: how many bytes of each demand the flow routes, why the rest cannot be, the
 * constant-rate streams, and how it was solved. Immutable.
 */
final class FlowSolution {

    final double horizonSeconds;
    final long[] routedBytes;
    final DeletionReason[] shortfall;
    final ImmutableList<RouteFlow> streams;
    /** The streams of the least-makespan routing, empty if {@link #streams} are those already. */
    final ImmutableList<RouteFlow> fallbackStreams;
    /**
     * The streams of the decomposition's earliest-arrival routing on the same network, where {@link
     * #streams} are the exact LP's (empty otherwise): the planner keeps whichever plan is better.
     */
    final ImmutableList<RouteFlow> decompositionStreams;

    final String method;
    /** The method's part saying how several commodities' earliest arrival was routed (empty for one). */
    final String arrivalStatus;
    /** The real units' cost on the earliest-arrival network (arrival, then egress), NaN if not used. */
    final double modelCost;
    /** The real units' bytes times their arrival slot's midpoint on that network, byte-seconds; NaN if not used. */
    final double modelArea;
    /** The multi-commodity LP's optimum on that network, NaN if the LP was not solved. */
    final double lpCost;
    /** The horizon of the earliest-arrival network, in seconds, NaN if not used. */
    final double arrivalHorizon;

    FlowSolution(
            double horizonSeconds,
            long[] routedBytes,
            DeletionReason[] shortfall,
            ImmutableList<RouteFlow> streams,
            ImmutableList<RouteFlow> fallbackStreams,
            ImmutableList<RouteFlow> decompositionStreams,
            String method,
            String arrivalStatus,
            double modelCost,
            double modelArea,
            double lpCost,
            double arrivalHorizon) {
        this.horizonSeconds = horizonSeconds;
        this.routedBytes = routedBytes;
        this.shortfall = shortfall;
        this.streams = streams;
        this.fallbackStreams = fallbackStreams;
        this.decompositionStreams = decompositionStreams;
        this.method = method;
        this.arrivalStatus = arrivalStatus;
        this.modelCost = modelCost;
        this.modelArea = modelArea;
        this.lpCost = lpCost;
        this.arrivalHorizon = arrivalHorizon;
    }

    /** Returns the smallest horizon found at which the routed bytes fit, in seconds. */
    public double horizonSeconds() {
        return horizonSeconds;
    }

    /** Returns the bytes routed over all demands. */
    public long routedBytes() {
        return Arrays.stream(routedBytes).sum();
    }

    /** Returns how the flow was solved, e.g. "exact single-commodity max-flow + min-cost flow". */
    public String method() {
        return method;
    }

    /**
     * Returns whether the earliest-arrival routing of several commodities is the exact optimum of their
     * joint LP ({@link MultiCommodityLp}); false for one commodity (exact by itself) and for the
     * decomposition.
     */
    public boolean exactLp() {
        return !Double.isNaN(lpCost);
    }

    /** Returns the method of the {@link #fallbackStreams}: the least-makespan routing's, by the decomposition. */
    String fallbackMethod() {
        String status = exactLp() && !arrivalStatus.isEmpty()
                ? "; decomposition, gap to LP unknown (the exact LP's streams kept less by priority)"
                : arrivalStatus;
        return method.replace(AggregateSolver.EARLIEST_ARRIVAL + arrivalStatus, AggregateSolver.LEAST_EGRESS + status);
    }

    /**
     * Returns the method of the {@link #decompositionStreams}: the decomposition's earliest arrival, kept
     * because its plan was better than the exact LP routing's.
     */
    String decompositionMethod() {
        return method.replace(
                arrivalStatus,
                "; decomposition (its plan's violation-time integral was below the exact LP routing's, whose"
                        + " whole records and batches fell worse)");
    }
}
