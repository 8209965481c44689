package dev.residency.topology;

import static dev.residency.topology.TopologyTest.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.primitives.ImmutableIntArray;
import dev.residency.geo.Jurisdiction;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link Route} accepts only consecutive arcs and sums latency and cost and takes the minimum bandwidth along them. */
final class RouteTest {

    // a -(10 Gbps, 10 ms, $0.02/GiB)- b -(1 Gbps, 30 ms, $0.01/GiB)- c
    private static final Topology LINE = Topology.builder()
            .site(site("a", Jurisdiction.US))
            .site(site("b", Jurisdiction.US))
            .site(site("c", Jurisdiction.CA))
            .link(Link.symmetric("a", "b", Bandwidth.parse("10 Gbps"), Duration.ofMillis(10), 0.02))
            .link(Link.symmetric("b", "c", Bandwidth.parse("1 Gbps"), Duration.ofMillis(30), 0.01))
            .build();

    @Test
    void of_twoArcs_sumsAndMinimises() {
        Route r = Route.of(LINE, ImmutableIntArray.of(0, 2));
        assertThat(r.source()).isZero();
        assertThat(r.destination()).isEqualTo(2);
        assertThat(r.hops()).isEqualTo(2);
        // min(1.25e9, 1.25e8) B/s.
        assertThat(r.bottleneckBytesPerSecond(LINE)).isEqualTo(1.25e8);
        // 0.010 + 0.030 s.
        assertThat(r.latencySeconds(LINE)).isEqualTo(0.04);
        // (0.02 + 0.01) / 2^30 dollars per byte.
        assertThat(r.costPerByte(LINE)).isEqualTo(0.02 / Topology.BYTES_PER_GIB + 0.01 / Topology.BYTES_PER_GIB);
        assertThat(r.describe(LINE)).isEqualTo("a>b>c");
    }

    @Test
    void of_nonConsecutiveArcs_isRefusedNamingThem() {
        // Arc 0 is a>b; arc 3 is c>b.
        assertThatThrownBy(() -> Route.of(LINE, ImmutableIntArray.of(0, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("arcs 0 and 3");
    }

    @Test
    void of_noArcs_isRefused() {
        assertThatThrownBy(() -> Route.of(LINE, ImmutableIntArray.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one arc");
    }

    @Test
    void constructor_emptyBetweenDifferentSites_isRefused() {
        assertThatThrownBy(() -> new Route(0, 1, ImmutableIntArray.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 0 to 1");
        Route stay = new Route(1, 1, ImmutableIntArray.of());
        assertThat(stay.bottleneckBytesPerSecond(LINE)).isInfinite();
        assertThat(stay.describe(LINE)).isEqualTo("b");
    }
}
