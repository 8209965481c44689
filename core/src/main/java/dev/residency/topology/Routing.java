package dev.residency.topology;

import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.primitives.ImmutableIntArray;
import java.util.Arrays;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/**
 * Finds the paths a transfer may take between two data centers. Every search takes a predicate that
 * says which sites data may pass through on the way (store-and-forward through a site may be
 * forbidden by a residency policy); the two ends are always allowed. Ties are broken by the lower
 * arc index, so results are deterministic. Stateless and thread-safe.
 */
public final class Routing {

    /** Allows every site as an intermediate hop. */
    public static final IntPredicate ANY_TRANSIT = site -> true;

    private final Topology topology;

    /** Creates routing over {@code topology}. */
    public Routing(Topology topology) {
        this.topology = checkNotNull(topology, "topology");
    }

    /**
     * Returns a route with the fewest arcs from {@code source} to {@code destination} (breadth-first
     * search), or empty if none passes only through allowed sites.
     */
    public Optional<Route> fewestHops(int source, int destination, IntPredicate transit) {
        checkSites(source, destination);
        if (source == destination) {
            return Optional.of(new Route(source, destination, ImmutableIntArray.of()));
        }
        return fewestHops(source, destination, transit, 0);
    }

    /** Breadth-first search over the arcs of at least {@code minBytesPerSecond}. */
    private Optional<Route> fewestHops(int source, int destination, IntPredicate transit, double minBytesPerSecond) {
        int n = topology.siteCount();
        int[] viaArc = new int[n];
        Arrays.fill(viaArc, -1);
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        queue[tail++] = source;
        seen[source] = true;
        while (head < tail) {
            int u = queue[head++];
            if (u != source && !transit.test(u)) {
                continue;
            }
            for (int k = 0; k < topology.outDegree(u); k++) {
                int arc = topology.outArc(u, k);
                int v = topology.arcTo(arc);
                if (!seen[v] && topology.arcBytesPerSecond(arc) >= minBytesPerSecond) {
                    seen[v] = true;
                    viaArc[v] = arc;
                    if (v == destination) {
                        return Optional.of(trace(source, destination, viaArc));
                    }
                    queue[tail++] = v;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Returns a route from {@code source} to {@code destination} whose smallest arc bandwidth is as
     * large as possible (a maximum-bottleneck path), with the fewest arcs among equally wide routes;
     * empty if none passes only through allowed sites.
     */
    public Optional<Route> widest(int source, int destination, IntPredicate transit) {
        checkSites(source, destination);
        if (source == destination) {
            return Optional.of(new Route(source, destination, ImmutableIntArray.of()));
        }
        // Two passes: the largest bottleneck W by Dijkstra with min in place of sum, then a
        // breadth-first search over the arcs at least W wide. Breaking ties on hop count inside the
        // Dijkstra pass is not enough: a site's widest route may be longer than a narrower one that
        // is still wide enough for the destination.
        double width = widestBottleneck(source, destination, transit);
        return width < 0 ? Optional.empty() : fewestHops(source, destination, transit, width);
    }

    /** Returns the largest bottleneck of a route from source to destination, or -1 if there is none. */
    private double widestBottleneck(int source, int destination, IntPredicate transit) {
        int n = topology.siteCount();
        double[] width = new double[n];
        Arrays.fill(width, -1);
        boolean[] done = new boolean[n];
        width[source] = Double.POSITIVE_INFINITY;
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(b[0], a[0]));
        queue.add(new double[] {width[source], source});
        while (!queue.isEmpty()) {
            int u = (int) queue.poll()[1];
            if (done[u]) {
                continue;
            }
            done[u] = true;
            if (u == destination) {
                return width[u];
            }
            if (u != source && !transit.test(u)) {
                continue;
            }
            for (int k = 0; k < topology.outDegree(u); k++) {
                int arc = topology.outArc(u, k);
                int v = topology.arcTo(arc);
                double w = Math.min(width[u], topology.arcBytesPerSecond(arc));
                if (!done[v] && w > width[v]) {
                    width[v] = w;
                    queue.add(new double[] {w, v});
                }
            }
        }
        return -1;
    }

    /**
     * Returns a route from {@code source} to {@code destination} with the least total latency
     * (Dijkstra), or empty if none passes only through allowed sites.
     */
    public Optional<Route> lowestLatency(int source, int destination, IntPredicate transit) {
        checkSites(source, destination);
        if (source == destination) {
            return Optional.of(new Route(source, destination, ImmutableIntArray.of()));
        }
        int n = topology.siteCount();
        double[] dist = new double[n];
        int[] viaArc = new int[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(viaArc, -1);
        boolean[] done = new boolean[n];
        dist[source] = 0;
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        queue.add(new double[] {0, source});
        while (!queue.isEmpty()) {
            int u = (int) queue.poll()[1];
            if (done[u]) {
                continue;
            }
            done[u] = true;
            if (u == destination) {
                return Optional.of(trace(source, destination, viaArc));
            }
            if (u != source && !transit.test(u)) {
                continue;
            }
            for (int k = 0; k < topology.outDegree(u); k++) {
                int arc = topology.outArc(u, k);
                int v = topology.arcTo(arc);
                double d = dist[u] + topology.arcLatencySeconds(arc);
                if (d < dist[v]) {
                    dist[v] = d;
                    viaArc[v] = arc;
                    queue.add(new double[] {d, v});
                }
            }
        }
        return Optional.empty();
    }

    private void checkSites(int source, int destination) {
        checkElementIndex(source, topology.siteCount(), "source");
        checkElementIndex(destination, topology.siteCount(), "destination");
    }

    private Route trace(int source, int destination, int[] viaArc) {
        ImmutableIntArray.Builder reversed = ImmutableIntArray.builder();
        int at = destination;
        int count = 0;
        while (at != source) {
            int arc = viaArc[at];
            reversed.add(arc);
            at = topology.arcFrom(arc);
            count++;
        }
        ImmutableIntArray back = reversed.build();
        int[] arcs = new int[count];
        for (int i = 0; i < count; i++) {
            arcs[i] = back.get(count - 1 - i);
        }
        return new Route(source, destination, ImmutableIntArray.copyOf(arcs));
    }
}
