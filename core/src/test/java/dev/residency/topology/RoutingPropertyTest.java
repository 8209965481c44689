package dev.residency.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.testing.RandomInstances;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Routing} agrees with brute force on many small random topologies and transit predicates:
 * every simple path from source to destination through allowed sites is enumerated, and each search
 * must return a valid such path that is optimal for its criterion (fewest arcs; largest bottleneck,
 * then fewest arcs; least latency), or empty exactly when no path exists.
 */
final class RoutingPropertyTest {

    /** One enumerated path's measures. */
    private record PathStats(int hops, double bottleneck, double latency) {}

    static LongStream seeds() {
        return RandomInstances.seeds(250);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void searches_randomSmallGraph_matchBruteForce(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Topology t = RandomInstances.topology(rng, 2 + rng.nextInt(6), rng.nextDouble() * 0.6);
        boolean[] allowed = new boolean[t.siteCount()];
        for (int s = 0; s < allowed.length; s++) {
            allowed[s] = rng.nextInt(4) != 0;
        }
        IntPredicate transit = s -> allowed[s];
        Routing routing = new Routing(t);
        for (int source = 0; source < t.siteCount(); source++) {
            for (int destination = 0; destination < t.siteCount(); destination++) {
                if (source == destination) {
                    continue;
                }
                String where = String.format("seed %d, %d->%d", seed, source, destination);
                List<PathStats> paths = new ArrayList<>();
                enumerate(
                        t,
                        allowed,
                        source,
                        destination,
                        new boolean[t.siteCount()],
                        0,
                        Double.POSITIVE_INFINITY,
                        0,
                        paths);

                Optional<Route> hops = routing.fewestHops(source, destination, transit);
                Optional<Route> wide = routing.widest(source, destination, transit);
                Optional<Route> fast = routing.lowestLatency(source, destination, transit);
                if (paths.isEmpty()) {
                    assertThat(hops).as(where).isEmpty();
                    assertThat(wide).as(where).isEmpty();
                    assertThat(fast).as(where).isEmpty();
                    continue;
                }
                int minHops = paths.stream().mapToInt(PathStats::hops).min().orElseThrow();
                double maxWidth =
                        paths.stream().mapToDouble(PathStats::bottleneck).max().orElseThrow();
                int minHopsAtMaxWidth = paths.stream()
                        .filter(p -> p.bottleneck() == maxWidth)
                        .mapToInt(PathStats::hops)
                        .min()
                        .orElseThrow();
                double minLatency =
                        paths.stream().mapToDouble(PathStats::latency).min().orElseThrow();

                Route h = hops.orElseThrow(() -> new AssertionError(where + ": fewestHops found nothing"));
                checkValid(t, allowed, h, source, destination, where);
                assertThat(h.hops()).as(where + " fewestHops").isEqualTo(minHops);

                Route w = wide.orElseThrow(() -> new AssertionError(where + ": widest found nothing"));
                checkValid(t, allowed, w, source, destination, where);
                assertThat(w.bottleneckBytesPerSecond(t))
                        .as(where + " widest bottleneck")
                        .isEqualTo(maxWidth);
                assertThat(w.hops()).as(where + " widest hops").isEqualTo(minHopsAtMaxWidth);

                Route f = fast.orElseThrow(() -> new AssertionError(where + ": lowestLatency found nothing"));
                checkValid(t, allowed, f, source, destination, where);
                assertThat(f.latencySeconds(t))
                        .as(where + " latency")
                        .isCloseTo(minLatency, org.assertj.core.api.Assertions.within(1e-12));
            }
        }
    }

    /** Depth-first enumeration of simple paths whose intermediate sites are allowed. */
    private static void enumerate(
            Topology t,
            boolean[] allowed,
            int at,
            int destination,
            boolean[] onPath,
            int hops,
            double bottleneck,
            double latency,
            List<PathStats> out) {
        if (at == destination) {
            out.add(new PathStats(hops, bottleneck, latency));
            return;
        }
        if (hops > 0 && !allowed[at]) {
            return;
        }
        onPath[at] = true;
        for (int arc = 0; arc < t.arcCount(); arc++) {
            if (t.arcFrom(arc) == at && !onPath[t.arcTo(arc)]) {
                enumerate(
                        t,
                        allowed,
                        t.arcTo(arc),
                        destination,
                        onPath,
                        hops + 1,
                        Math.min(bottleneck, t.arcBytesPerSecond(arc)),
                        latency + t.arcLatencySeconds(arc),
                        out);
            }
        }
        onPath[at] = false;
    }

    private static void checkValid(Topology t, boolean[] allowed, Route r, int source, int destination, String where) {
        assertThat(r.source()).as(where).isEqualTo(source);
        assertThat(r.destination()).as(where).isEqualTo(destination);
        int at = source;
        boolean[] visited = new boolean[t.siteCount()];
        visited[source] = true;
        for (int i = 0; i < r.hops(); i++) {
            int arc = r.arcs().get(i);
            assertThat(t.arcFrom(arc))
                    .as(where + " arc %d leaves the current site", arc)
                    .isEqualTo(at);
            at = t.arcTo(arc);
            assertThat(visited[at]).as(where + " revisits %d", at).isFalse();
            visited[at] = true;
            if (i < r.hops() - 1) {
                assertThat(allowed[at])
                        .as(where + " transits forbidden site %d", at)
                        .isTrue();
            }
        }
        assertThat(at).as(where).isEqualTo(destination);
    }
}
