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

    final String method;
    final int feasibilityChecks;

    FlowSolution(
            double horizonSeconds,
            long[] routedBytes,
            DeletionReason[] shortfall,
            ImmutableList<RouteFlow> streams,
            ImmutableList<RouteFlow> fallbackStreams,
            String method,
            int feasibilityChecks) {
        this.horizonSeconds = horizonSeconds;
        this.routedBytes = routedBytes;
        this.shortfall = shortfall;
        this.streams = streams;
        this.fallbackStreams = fallbackStreams;
        this.method = method;
        this.feasibilityChecks = feasibilityChecks;
    }

    /** Returns the smallest horizon found at which the routed bytes fit, in seconds. */
    public double horizonSeconds() {
        return horizonSeconds;
    }

    /** Returns the bytes routed over all demands. */
    public long routedBytes() {
        return Arrays.stream(routedBytes).sum();
    }

    /** Returns the number of constant-rate streams. */
    public int streamCount() {
        return streams.size();
    }

    /** Returns how the flow was solved, e.g. "exact single-commodity max-flow + min-cost flow". */
    public String method() {
        return method;
    }

    /** Returns how many max-flow feasibility checks the horizon search made. */
    public int feasibilityChecks() {
        return feasibilityChecks;
    }
}
