package dev.residency.sim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.sim.engine.SimClock;
import dev.residency.sim.engine.Simulator;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@link FlowNetwork}'s checks at the edges the other tests do not sit on: the id one past the last
 * one ever handed out when the flow table is exactly full, and an infinite latency.
 */
final class FlowNetworkLimitsTest {

    private final Simulator<Object> sim = Simulator.withoutMainHandler(SimClock.startingAt(Instant.EPOCH));

    @Test
    void queryOfTheIdPastTheLast_withTheTableExactlyFull_isRefusedNamingTheId() {
        // The flow table starts with room for 16 flows; 16 started flows fill it exactly (ids 0 to 15),
        // so id 16 is the first id never handed out: refused like any other id that is not live.
        FlowNetwork net = FlowNetwork.of(sim, new double[] {1_000});
        for (int k = 0; k < 16; k++) {
            assertThat(net.startFlow(new int[] {0}, 100, (id, time) -> {})).isEqualTo(k);
        }

        assertThat(net.activeFlowCount()).isEqualTo(16);
        assertThatThrownBy(() -> net.rate(16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flowId 16 is not a live flow");
    }

    @Test
    void builder_infiniteLatency_isRefusedNamingTheArc() {
        assertThatThrownBy(() -> FlowNetwork.builder(sim, new double[] {100, 100})
                        .latencies(new double[] {0, Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("arcLatencySeconds[1] must be finite and >= 0, got Infinity");
    }
}
