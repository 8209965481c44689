package dev.residency.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.units.Bandwidth;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link Link} refuses self-links, non-positive bandwidths and negative latency or cost, naming the link and value. */
final class LinkTest {

    private static final Bandwidth GBPS = Bandwidth.parse("10 Gbps");
    private static final Duration MS = Duration.ofMillis(5);

    @Test
    void symmetric_sameBandwidthBothWays() {
        Link link = Link.symmetric("a", "b", GBPS, MS, 0.02);
        assertThat(link.forward()).isEqualTo(link.backward());
        assertThat(link.name()).isEqualTo("a-b");
    }

    @Test
    void constructor_selfLink_isRefusedNamingSite() {
        assertThatThrownBy(() -> Link.symmetric("va", "va", GBPS, MS, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("va-va")
                .hasMessageContaining("two different sites");
    }

    @Test
    void constructor_zeroForward_isRefusedNamingLinkAndValue() {
        assertThatThrownBy(() -> new Link("a", "b", Bandwidth.ZERO, GBPS, MS, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a-b")
                .hasMessageContaining("bandwidth must be positive, was 0 bps");
    }

    @Test
    void constructor_zeroBackward_isRefusedNamingReverseDirection() {
        assertThatThrownBy(() -> new Link("a", "b", GBPS, Bandwidth.ZERO, MS, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b-a")
                .hasMessageContaining("backward bandwidth");
    }

    @Test
    void constructor_negativeLatency_isRefusedWithValue() {
        assertThatThrownBy(() -> Link.symmetric("a", "b", GBPS, Duration.ofMillis(-1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a-b")
                .hasMessageContaining("latency")
                .hasMessageContaining("PT-0.001S");
    }

    @Test
    void constructor_badCost_isRefusedWithValue() {
        assertThatThrownBy(() -> Link.symmetric("a", "b", GBPS, MS, -0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("egress cost")
                .hasMessageContaining("-0.5");
        assertThatThrownBy(() -> Link.symmetric("a", "b", GBPS, MS, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
    }

    @Test
    void constructor_nullEnd_isRefusedNamingIt() {
        assertThatThrownBy(() -> Link.symmetric("a", null, GBPS, MS, 0))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("to");
    }
}
