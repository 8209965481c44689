package dev.residency.topology;

import static dev.residency.topology.TopologyTest.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.geo.Jurisdiction;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link Routing} on hand-built graphs: each search finds the route its criterion prefers, respects
 * the transit predicate (the two ends always allowed), and refuses site indices out of range.
 */
final class RoutingTest {

    private static Link link(String a, String b, int gbps, int ms) {
        return Link.symmetric(a, b, Bandwidth.ofGigabitsPerSecond(gbps), Duration.ofMillis(ms), 0);
    }

    /**
     * s(0) - a(1) - t(3) is 2 hops, 1 Gbps, 100 ms; s - b(2) - c(4) - t is 3 hops, 10 Gbps, 30 ms.
     */
    private static final Topology DIAMOND = Topology.builder()
            .site(site("s", Jurisdiction.US))
            .site(site("a", Jurisdiction.SG))
            .site(site("b", Jurisdiction.US))
            .site(site("t", Jurisdiction.US))
            .site(site("c", Jurisdiction.CA))
            .link(link("s", "a", 1, 50))
            .link(link("a", "t", 1, 50))
            .link(link("s", "b", 10, 10))
            .link(link("b", "c", 10, 10))
            .link(link("c", "t", 10, 10))
            .build();

    private final Routing routing = new Routing(DIAMOND);

    @Test
    void fewestHops_diamond_takesShortSide() {
        assertThat(routing.fewestHops(0, 3, Routing.ANY_TRANSIT).orElseThrow().describe(DIAMOND))
                .isEqualTo("s>a>t");
    }

    @Test
    void widest_diamond_takesTenGbpsSide() {
        Route r = routing.widest(0, 3, Routing.ANY_TRANSIT).orElseThrow();
        assertThat(r.describe(DIAMOND)).isEqualTo("s>b>c>t");
        // 10 Gbps = 1.25 × 10^9 B/s.
        assertThat(r.bottleneckBytesPerSecond(DIAMOND)).isEqualTo(1.25e9);
    }

    @Test
    void lowestLatency_diamond_takesThirtyMsSide() {
        Route r = routing.lowestLatency(0, 3, Routing.ANY_TRANSIT).orElseThrow();
        assertThat(r.describe(DIAMOND)).isEqualTo("s>b>c>t");
        // 3 × 10 ms against 2 × 50 ms.
        assertThat(r.latencySeconds(DIAMOND)).isEqualTo(0.03);
    }

    @Test
    void transit_forbiddingSingapore_routesAroundIt() {
        int singapore = DIAMOND.siteIndex("a");
        assertThat(routing.fewestHops(0, 3, s -> s != singapore).orElseThrow().describe(DIAMOND))
                .isEqualTo("s>b>c>t");
    }

    @Test
    void transit_forbiddingEverything_stillAllowsDirectLinkAndEnds() {
        // a is an end here, so it is allowed although the predicate forbids every site.
        assertThat(routing.fewestHops(0, 1, s -> false).orElseThrow().describe(DIAMOND))
                .isEqualTo("s>a");
        assertThat(routing.fewestHops(0, 3, s -> false)).isEmpty();
        assertThat(routing.widest(0, 3, s -> false)).isEmpty();
        assertThat(routing.lowestLatency(0, 3, s -> false)).isEmpty();
    }

    @Test
    void allSearches_sourceIsDestination_giveEmptyRoute() {
        assertThat(routing.fewestHops(2, 2, Routing.ANY_TRANSIT).orElseThrow().hops())
                .isZero();
        assertThat(routing.widest(2, 2, Routing.ANY_TRANSIT).orElseThrow().hops())
                .isZero();
        assertThat(routing.lowestLatency(2, 2, Routing.ANY_TRANSIT)
                        .orElseThrow()
                        .hops())
                .isZero();
    }

    @Test
    void widest_equallyWideRoutes_prefersFewerHopsEvenThroughANarrowerPrefix() {
        // Regression: s-u is 6 Gbps, s-x-u is 100 Gbps, u-t is 5 Gbps. Both s>u>t and s>x>u>t are 5 Gbps
        // wide; the widest route *to u* is s>x>u, but the fewest-hop route of width 5 to t is s>u>t.
        Topology t = Topology.builder()
                .site(site("s", Jurisdiction.US))
                .site(site("u", Jurisdiction.US))
                .site(site("x", Jurisdiction.US))
                .site(site("t", Jurisdiction.US))
                .link(link("s", "x", 100, 1))
                .link(link("x", "u", 100, 1))
                .link(link("s", "u", 6, 1))
                .link(link("u", "t", 5, 1))
                .build();
        Route r = new Routing(t).widest(0, 3, Routing.ANY_TRANSIT).orElseThrow();
        assertThat(r.describe(t)).isEqualTo("s>u>t");
    }

    @Test
    void disconnected_givesEmpty() {
        Topology t = Topology.builder()
                .site(site("a", Jurisdiction.US))
                .site(site("b", Jurisdiction.US))
                .build();
        Routing r = new Routing(t);
        assertThat(r.fewestHops(0, 1, Routing.ANY_TRANSIT)).isEmpty();
        assertThat(r.widest(0, 1, Routing.ANY_TRANSIT)).isEmpty();
        assertThat(r.lowestLatency(0, 1, Routing.ANY_TRANSIT)).isEmpty();
    }

    @Test
    void search_siteOutOfRange_isRefusedNamingArgument() {
        assertThatThrownBy(() -> routing.fewestHops(-1, 0, Routing.ANY_TRANSIT))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("source");
        assertThatThrownBy(() -> routing.widest(0, 9, Routing.ANY_TRANSIT))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("destination");
        assertThatThrownBy(() -> routing.lowestLatency(5, 0, Routing.ANY_TRANSIT))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("source");
        assertThatThrownBy(() -> routing.lowestLatency(0, -1, Routing.ANY_TRANSIT))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("destination");
    }
}
