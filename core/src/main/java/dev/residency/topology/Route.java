package dev.residency.topology;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.primitives.ImmutableIntArray;
import java.util.StringJoiner;

/**
 * A path through the topology: a sequence of arcs, each entering the site the next one leaves. A
 * route from a site to itself has no arcs.
 *
 * @param source the first site's index
 * @param destination the last site's index
 * @param arcs the arcs in order
 */
public record Route(int source, int destination, ImmutableIntArray arcs) {

    /**
     * Creates a route.
     *
     * @throws IllegalArgumentException if the arcs are empty but the ends differ
     */
    public Route {
        checkNotNull(arcs, "arcs");
        checkArgument(
                !arcs.isEmpty() || source == destination, "a route from %s to %s needs arcs", source, destination);
    }

    /**
     * Returns the route along {@code arcs} in {@code topology}.
     *
     * @throws IllegalArgumentException if the arcs are empty or not consecutive
     */
    public static Route of(Topology topology, ImmutableIntArray arcs) {
        checkArgument(!arcs.isEmpty(), "a route needs at least one arc");
        for (int i = 1; i < arcs.length(); i++) {
            checkArgument(
                    topology.arcTo(arcs.get(i - 1)) == topology.arcFrom(arcs.get(i)),
                    "arcs %s and %s are not consecutive",
                    arcs.get(i - 1),
                    arcs.get(i));
        }
        return new Route(topology.arcFrom(arcs.get(0)), topology.arcTo(arcs.get(arcs.length() - 1)), arcs);
    }

    /** Returns the number of arcs. */
    public int hops() {
        return arcs.length();
    }

    /** Returns the smallest arc bandwidth on the route, in bytes per second ({@code +Infinity} if empty). */
    public double bottleneckBytesPerSecond(Topology topology) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < arcs.length(); i++) {
            min = Math.min(min, topology.arcBytesPerSecond(arcs.get(i)));
        }
        return min;
    }

    /** Returns the sum of arc latencies, in seconds. */
    public double latencySeconds(Topology topology) {
        double sum = 0;
        for (int i = 0; i < arcs.length(); i++) {
            sum += topology.arcLatencySeconds(arcs.get(i));
        }
        return sum;
    }

    /** Returns the egress price of sending one byte along the route, in US dollars. */
    public double costPerByte(Topology topology) {
        double sum = 0;
        for (int i = 0; i < arcs.length(); i++) {
            sum += topology.arcCostPerByte(arcs.get(i));
        }
        return sum;
    }

    /** Returns the route as site ids joined by "&gt;", e.g. "va&gt;azure-east". */
    public String describe(Topology topology) {
        StringJoiner joiner = new StringJoiner(">");
        joiner.add(topology.site(source).id());
        for (int i = 0; i < arcs.length(); i++) {
            joiner.add(topology.site(topology.arcTo(arcs.get(i))).id());
        }
        return joiner.toString();
    }
}
