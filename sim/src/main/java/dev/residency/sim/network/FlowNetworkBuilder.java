package dev.residency.sim.network;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.sim.engine.Simulator;
import java.util.Arrays;

/** Collects a {@link FlowNetwork}'s arc capacities, latencies and concurrent-flow caps. Not thread-safe. */
public final class FlowNetworkBuilder {
    private final Simulator<?> simulator;
    private final double[] capacity;
    private final double[] latency;
    private final int[] maxConcurrent;

    FlowNetworkBuilder(Simulator<?> simulator, double[] arcBytesPerSecond) {
        this.simulator = checkNotNull(simulator, "simulator");
        checkNotNull(arcBytesPerSecond, "arcBytesPerSecond");
        this.capacity = arcBytesPerSecond.clone();
        for (int arc = 0; arc < capacity.length; arc++) {
            ArcState.checkCapacity(arc, capacity[arc]);
        }
        this.latency = new double[capacity.length];
        this.maxConcurrent = new int[capacity.length];
        Arrays.fill(maxConcurrent, Integer.MAX_VALUE);
    }

    /**
     * Sets every arc's latency.
     *
     * @throws IllegalArgumentException if the length differs from the number of arcs, or a
     *     latency is negative, NaN or infinite
     */
    public FlowNetworkBuilder latencies(double[] arcLatencySeconds) {
        checkNotNull(arcLatencySeconds, "arcLatencySeconds");
        checkArgument(
                arcLatencySeconds.length == capacity.length,
                "arcLatencySeconds has %s entries for %s arcs",
                arcLatencySeconds.length,
                capacity.length);
        for (int arc = 0; arc < capacity.length; arc++) {
            double seconds = arcLatencySeconds[arc];
            checkArgument(
                    seconds >= 0 && seconds < Double.POSITIVE_INFINITY,
                    "arcLatencySeconds[%s] must be finite and >= 0, got %s",
                    (Object) arc,
                    (Object) seconds);
            latency[arc] = seconds;
        }
        return this;
    }

    /**
     * Caps the number of flows admitted at once on {@code arc}; later flows wait.
     *
     * @throws IllegalArgumentException if {@code max} is below 1
     */
    public FlowNetworkBuilder maxConcurrentFlows(int arc, int max) {
        checkElementIndex(arc, capacity.length, "arc");
        checkArgument(max >= 1, "maxConcurrentFlows of arc %s must be >= 1, got %s", arc, max);
        maxConcurrent[arc] = max;
        return this;
    }

    /** Returns the network. */
    public FlowNetwork build() {
        return new FlowNetwork(simulator, new ArcState(capacity, latency, maxConcurrent));
    }
}
