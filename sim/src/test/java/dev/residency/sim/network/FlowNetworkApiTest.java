package dev.residency.sim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.sim.engine.SimClock;
import dev.residency.sim.engine.Simulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link FlowNetwork}'s public queries and argument checks: rates and loads read right after a change
 * made outside the event loop (before the scheduled recomputation runs), the counts, the ids that are
 * not live, capacities and latencies refused or accepted at their edges, the order of completions at
 * one instant, and a flow that gives up when it arrives on a failed route.
 */
final class FlowNetworkApiTest {

    private Simulator<Object> sim;

    @BeforeEach
    void setUp() {
        sim = Simulator.withoutMainHandler(SimClock.startingAt(Instant.EPOCH));
    }

    private static FlowListener ignore() {
        return (id, time) -> {};
    }

    @Test
    void rateAndLoad_readRightAfterACapacityChange_reflectTheChange() {
        // Two flows share arc 0 (100 B/s): 50 B/s each. Cutting the arc to 40 B/s outside the event
        // loop must show at once: 20 B/s each, a load of 40 B/s.
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100, 10});
        int a = net.startFlow(new int[] {0}, 10_000, ignore());
        int b = net.startFlow(new int[] {0}, 10_000, ignore());
        sim.runUntil(0);
        assertThat(net.rate(a)).isEqualTo(50.0);

        net.setArcCapacity(0, 40);

        assertThat(net.arcLoad(0)).isEqualTo(40.0);
        assertThat(net.rate(a)).isEqualTo(20.0);
        assertThat(net.rate(b)).isEqualTo(20.0);
    }

    @Test
    void counts_arcsActiveFlowsAndFlowsOnAnArc() {
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100, 10, 5});
        net.startFlow(new int[] {0}, 10_000, ignore());
        net.startFlow(new int[] {0, 1}, 10_000, ignore());
        net.startFlow(new int[] {2}, 10_000, ignore());
        sim.runUntil(0);

        assertThat(net.arcCount()).isEqualTo(3);
        assertThat(net.activeFlowCount()).isEqualTo(3);
        assertThat(net.flowsOnArc(0)).isEqualTo(2);
        assertThat(net.flowsOnArc(1)).isEqualTo(1);
        assertThat(net.flowsOnArc(2)).isEqualTo(1);
    }

    @Test
    void queriesOfAFlowThatIsNotLive_areRefusedNamingTheId() {
        // Flow 0 (100 B at 100 B/s) completes at 1 s; flow 1 was never started.
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100});
        int done = net.startFlow(new int[] {0}, 100, ignore());
        sim.run();

        assertThat(net.activeFlowCount()).isZero();
        assertThatThrownBy(() -> net.abortFlow(done))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flowId 0 is not a live flow");
        assertThatThrownBy(() -> net.remainingBytes(done))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flowId 0 is not a live flow");
        assertThatThrownBy(() -> net.phase(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flowId 1 is not a live flow");
        assertThatThrownBy(() -> net.rate(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flowId -1 is not a live flow");
    }

    @Test
    void setArcCapacity_negativeOrNotFinite_isRefused_zeroFailsTheArc() {
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100});

        assertThatThrownBy(() -> net.setArcCapacity(0, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity of arc 0 must be finite and >= 0 bytes per second, got -1.0");
        assertThatThrownBy(() -> net.setArcCapacity(0, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity of arc 0 must be finite and >= 0 bytes per second, got Infinity");
        assertThat(net.arcCapacity(0)).isEqualTo(100.0);

        net.setArcCapacity(0, 0);

        assertThat(net.isArcUp(0)).isFalse();
        assertThat(net.arcCapacity(0)).isZero();
    }

    @Test
    void builder_latenciesAndConcurrencyCaps_checkedAtTheirEdges() {
        double[] capacity = {100, 100};

        assertThatThrownBy(() -> FlowNetwork.builder(sim, capacity).latencies(new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("arcLatencySeconds has 1 entries for 2 arcs");
        assertThatThrownBy(() -> FlowNetwork.builder(sim, capacity).latencies(new double[] {0, -0.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("arcLatencySeconds[1] must be finite and >= 0, got -0.5");
        assertThatThrownBy(() -> FlowNetwork.builder(sim, capacity).maxConcurrentFlows(1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxConcurrentFlows of arc 1 must be >= 1, got 0");

        // A latency of 0 is accepted, and a cap of 1 admits one flow at a time: the second of two
        // 100-B flows on arc 1 waits for the first (1 s), then takes 1 s more.
        FlowNetwork net = FlowNetwork.builder(sim, capacity)
                .latencies(new double[] {0, 0})
                .maxConcurrentFlows(1, 1)
                .build();
        List<Double> finished = new ArrayList<>();
        net.startFlow(new int[] {1}, 100, (id, time) -> finished.add(time));
        net.startFlow(new int[] {1}, 100, (id, time) -> finished.add(time));
        assertThat(net.waitingFlowCount()).isEqualTo(1);
        sim.run();

        assertThat(finished).containsExactly(1.0, 2.0);
    }

    @Test
    void flowsCompletingAtTheSameInstant_areReportedInTheOrderTheyStarted() {
        // Five flows of 1,000 B share arc 0 (500 B/s): 100 B/s each, all done at 10 s, heard in start order.
        FlowNetwork net = FlowNetwork.of(sim, new double[] {500});
        List<String> heard = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d", "e")) {
            net.startFlow(new int[] {0}, 1_000, (id, time) -> heard.add(name + "@" + time));
        }
        sim.run();

        assertThat(heard).containsExactly("a@10.0", "b@10.0", "c@10.0", "d@10.0", "e@10.0");
    }

    @Test
    void abortPolicyFlow_arrivingOnAFailedArc_isAbortedOnArrival() {
        // Arc 0 has a latency of 2 s; the flow is started at 0 and the arc failed at 1 s, before the
        // flow's first byte arrives. On arrival (2 s) its route is down: it is aborted with 0 bytes.
        FlowNetwork net = FlowNetwork.builder(sim, new double[] {100})
                .latencies(new double[] {2})
                .build();
        List<String> heard = new ArrayList<>();
        net.startFlow(new int[] {0}, 1_000, FailurePolicy.ABORT, new FlowListener() {
            @Override
            public void onFlowComplete(int flowId, double timeSeconds) {
                heard.add("complete " + timeSeconds);
            }

            @Override
            public void onFlowAborted(int flowId, double timeSeconds, double bytesTransferred) {
                heard.add("aborted " + timeSeconds + " after " + bytesTransferred);
            }
        });
        sim.runUntil(1);
        net.failArc(0);
        sim.run();

        assertThat(heard).containsExactly("aborted 2.0 after 0.0");
        assertThat(net.activeFlowCount()).isZero();
    }
}
