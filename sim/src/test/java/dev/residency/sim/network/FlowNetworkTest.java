package dev.residency.sim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.residency.geo.Jurisdiction;
import dev.residency.sim.engine.SimClock;
import dev.residency.sim.engine.Simulator;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Link;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import dev.residency.units.DataSize;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Worked cases of {@link FlowNetwork} whose finishing times follow by hand: fair halves, speed-up
 * when a flow ends, a bottleneck chain, latency, concurrent-flow caps, failures under each policy,
 * and recomputation limited to the touched component.
 */
final class FlowNetworkTest {

    private static final double EPS = 1e-9;

    private Simulator<Object> sim;
    private final Map<String, Double> finished = new LinkedHashMap<>();

    @BeforeEach
    void setUp() {
        sim = Simulator.withoutMainHandler(SimClock.startingAt(Instant.EPOCH));
    }

    private FlowListener record(String name) {
        return (id, time) -> finished.put(name, time);
    }

    @Test
    void twoEqualFlows_oneLink_eachGetsHalfAndBothFinishTogether() {
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100});
        int a = net.startFlow(new int[] {0}, 1000, record("a"));
        int b = net.startFlow(new int[] {0}, 1000, record("b"));

        sim.runUntil(0);
        // 100 B/s shared by two flows: 50 B/s each; 1000 B / 50 B/s = 20 s.
        assertThat(net.rate(a)).isEqualTo(50.0);
        assertThat(net.rate(b)).isEqualTo(50.0);
        assertThat(net.arcLoad(0)).isEqualTo(100.0);
        assertThat(net.arcUtilisation(0)).isEqualTo(1.0);
        sim.run();

        assertThat(finished).containsEntry("a", 20.0).containsEntry("b", 20.0);
        assertThat(net.activeFlowCount()).isZero();
    }

    @Test
    void oneFlowFinishes_otherSpeedsUp_handComputedTimes() {
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100});
        net.startFlow(new int[] {0}, 1000, record("small"));
        int big = net.startFlow(new int[] {0}, 3000, record("big"));

        sim.runUntil(10);
        // 0..20 s: 50 B/s each. At 10 s big has moved 10 * 50 = 500 B.
        assertThat(net.bytesTransferred(big)).isCloseTo(500, within(EPS));
        sim.run();

        // small: 1000 / 50 = 20 s. big: 1000 B by 20 s, then 2000 B alone at 100 B/s = 20 s more: 40 s.
        assertThat(finished.get("small")).isCloseTo(20, within(EPS));
        assertThat(finished.get("big")).isCloseTo(40, within(EPS));
    }

    @Test
    void bottleneckChain_sharesFollowMaxMin() {
        // Arc 0: 100 B/s, arc 1: 30 B/s. x crosses both, y only arc 0, z only arc 1.
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100, 30});
        int x = net.startFlow(new int[] {0, 1}, 1_000_000, record("x"));
        int y = net.startFlow(new int[] {0}, 1_000_000, record("y"));
        int z = net.startFlow(new int[] {1}, 1_000_000, record("z"));
        sim.runUntil(0);

        // Arc 1 saturates first: 30 / 2 = 15 for x and z. Arc 0 then has 100 - 15 = 85 left for y.
        assertThat(net.rate(x)).isCloseTo(15, within(EPS));
        assertThat(net.rate(z)).isCloseTo(15, within(EPS));
        assertThat(net.rate(y)).isCloseTo(85, within(EPS));
    }

    @Test
    void latency_delaysFirstByte() {
        FlowNetwork net = FlowNetwork.builder(sim, new double[] {100, 100})
                .latencies(new double[] {0.25, 0.25})
                .build();
        int f = net.startFlow(new int[] {0, 1}, 1000, record("f"));

        assertThat(net.phase(f)).isEqualTo(FlowPhase.LATENT);
        sim.run();

        // 0.25 + 0.25 s latency, then 1000 B at 100 B/s = 10 s: 10.5 s.
        assertThat(finished.get("f")).isCloseTo(10.5, within(EPS));
    }

    @Test
    void concurrentFlowCap_queuesExtraFlowsUntilSlotFrees() {
        FlowNetwork net = FlowNetwork.builder(sim, new double[] {100})
                .maxConcurrentFlows(0, 1)
                .build();
        net.startFlow(new int[] {0}, 1000, record("first"));
        int second = net.startFlow(new int[] {0}, 1000, record("second"));

        assertThat(net.phase(second)).isEqualTo(FlowPhase.WAITING);
        assertThat(net.waitingFlowCount()).isEqualTo(1);
        sim.run();

        // One at a time at the full 100 B/s: 10 s each.
        assertThat(finished.get("first")).isCloseTo(10, within(EPS));
        assertThat(finished.get("second")).isCloseTo(20, within(EPS));
    }

    @Test
    void linkFailureMidTransfer_resume_delaysCompletionByRepairTime() {
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100});
        int f = net.startFlow(new int[] {0}, 1000, record("f"));
        sim.schedule(4.0, (String e) -> net.failArc(0), "fail");
        sim.schedule(10.0, (String e) -> net.repairArc(0), "repair");

        sim.runUntil(7);
        // 400 B moved by 4 s; nothing while failed.
        assertThat(net.rate(f)).isZero();
        assertThat(net.bytesTransferred(f)).isCloseTo(400, within(EPS));
        sim.run();

        // Without the failure: 10 s. Outage 4..10 s lasts 6 s, so 16 s: 600 B left at 100 B/s after 10 s.
        assertThat(finished.get("f")).isCloseTo(16, within(EPS));
    }

    @Test
    void linkFailureMidTransfer_restart_losesProgress() {
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100});
        net.startFlow(new int[] {0}, 1000, FailurePolicy.RESTART, record("f"));
        sim.schedule(4.0, (String e) -> net.setArcCapacity(0, 0), "fail");
        sim.schedule(10.0, (String e) -> net.setArcCapacity(0, 100), "repair");

        sim.run();

        // The 400 B moved before 4 s are lost; all 1000 B again from 10 s: 20 s.
        assertThat(finished.get("f")).isCloseTo(20, within(EPS));
    }

    @Test
    void linkFailureMidTransfer_restart_tellsListenerTheBytesLostOncePerFailure() {
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100, 100});
        List<String> heard = new ArrayList<>();
        FlowListener listener = new FlowListener() {
            @Override
            public void onFlowComplete(int flowId, double timeSeconds) {
                heard.add("completed " + flowId + " " + timeSeconds);
            }

            @Override
            public void onFlowRestarted(int flowId, double timeSeconds, double bytesLost) {
                heard.add("restarted " + flowId + " " + timeSeconds + " " + bytesLost);
            }
        };
        int f = net.startFlow(new int[] {0, 1}, 1000, FailurePolicy.RESTART, listener);
        // Both arcs fail at 4 s (one loss of 400 B: the second failure finds nothing to lose), come
        // back at 6 s; arc 1 fails again at 7 s (100 B lost) and is back at 8 s.
        sim.schedule(4.0, (String e) -> net.failArc(0), "fail 0");
        sim.schedule(4.0, (String e) -> net.failArc(1), "fail 1");
        sim.schedule(6.0, (String e) -> net.repairArc(0), "repair 0");
        sim.schedule(6.0, (String e) -> net.repairArc(1), "repair 1");
        sim.schedule(7.0, (String e) -> net.failArc(1), "fail 1 again");
        sim.schedule(8.0, (String e) -> net.repairArc(1), "repair 1 again");

        sim.run();

        // All 1000 B from 8 s at 100 B/s: 18 s. The flow kept its id throughout.
        assertThat(heard)
                .containsExactly(
                        "restarted " + f + " 4.0 400.0", "restarted " + f + " 7.0 100.0", "completed " + f + " 18.0");
    }

    @Test
    void linkFailureMidTransfer_resume_tellsListenerNothingLost() {
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100});
        List<String> heard = new ArrayList<>();
        net.startFlow(new int[] {0}, 1000, FailurePolicy.RESUME, new FlowListener() {
            @Override
            public void onFlowComplete(int flowId, double timeSeconds) {
                heard.add("completed " + timeSeconds);
            }

            @Override
            public void onFlowRestarted(int flowId, double timeSeconds, double bytesLost) {
                heard.add("restarted");
            }
        });
        sim.schedule(4.0, (String e) -> net.failArc(0), "fail");
        sim.schedule(10.0, (String e) -> net.repairArc(0), "repair");

        sim.run();

        // 600 B left at 10 s: 16 s.
        assertThat(heard).containsExactly("completed 16.0");
    }

    @Test
    void linkFailureMidTransfer_abort_tellsListenerWithProgress() {
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100});
        List<String> aborted = new ArrayList<>();
        net.startFlow(new int[] {0}, 1000, FailurePolicy.ABORT, new FlowListener() {
            @Override
            public void onFlowComplete(int flowId, double timeSeconds) {
                aborted.add("completed");
            }

            @Override
            public void onFlowAborted(int flowId, double timeSeconds, double bytesTransferred) {
                aborted.add(timeSeconds + " " + bytesTransferred);
            }
        });
        sim.schedule(4.0, (String e) -> net.failArc(0), "fail");

        sim.run();

        assertThat(aborted).containsExactly("4.0 400.0");
        assertThat(net.activeFlowCount()).isZero();
    }

    @Test
    void nestedFailures_arcUpOnlyAfterEveryRepair() {
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100});
        net.failArc(0);
        net.failArc(0);
        net.repairArc(0);
        assertThat(net.isArcUp(0)).isFalse();
        net.repairArc(0);
        assertThat(net.isArcUp(0)).isTrue();
        assertThatThrownBy(() -> net.repairArc(0)).hasMessageContaining("arc 0");
    }

    @Test
    void abortFlow_midTransfer_returnsBytesAndOtherFlowSpeedsUp() {
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100});
        int a = net.startFlow(new int[] {0}, 1000, record("a"));
        net.startFlow(new int[] {0}, 1000, record("b"));
        sim.runUntil(4);

        // 4 s at 50 B/s = 200 B each.
        assertThat(net.abortFlow(a)).isCloseTo(200, within(EPS));
        sim.run();

        // b: 800 B left at 100 B/s from 4 s: 12 s.
        assertThat(finished).containsOnlyKeys("b");
        assertThat(finished.get("b")).isCloseTo(12, within(EPS));
    }

    @Test
    void recompute_disjointComponents_touchesOnlyChangedOne() {
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100, 100});
        for (int i = 0; i < 5; i++) {
            net.startFlow(new int[] {0}, 1000, record("left" + i));
            net.startFlow(new int[] {1}, 1000, record("right" + i));
        }
        sim.runUntil(0);
        long touchedBefore = net.flowsTouched();

        net.startFlow(new int[] {1}, 1000, record("late"));
        sim.runUntil(1);

        // Only arc 1's component (5 old flows + the new one) is recomputed.
        assertThat(net.flowsTouched() - touchedBefore).isEqualTo(6);
    }

    @Test
    void completionAndReplacementInOneInstant_costOneRecomputation() {
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100});
        net.startFlow(new int[] {0}, 1000, (id, t) -> net.startFlow(new int[] {0}, 1000, record("replacement")));
        net.startFlow(new int[] {0}, 3000, record("long"));
        sim.runUntil(0);
        long before = net.rateRecomputations();

        // The first flow ends at 20 s (1000 B at 50 B/s); its replacement starts in the same instant.
        sim.runUntil(20);

        assertThat(net.rateRecomputations() - before).isEqualTo(1);
    }

    @Test
    void zeroByteFlow_completesAfterLatency() {
        FlowNetwork net = FlowNetwork.builder(sim, new double[] {100})
                .latencies(new double[] {2})
                .build();
        net.startFlow(new int[] {0}, 0, record("empty"));

        sim.run();

        assertThat(finished.get("empty")).isEqualTo(2.0);
    }

    @Test
    void of_topology_usesArcBandwidthAndLatency() {
        DataCenter va = new DataCenter(
                "va",
                Jurisdiction.US,
                "Oracle",
                DataSize.ofTerabytes(1),
                Bandwidth.ofBytesPerSecond(1e9),
                Bandwidth.ofBytesPerSecond(1e9));
        DataCenter sg = new DataCenter(
                "sg",
                Jurisdiction.SG,
                "ByteDance",
                DataSize.ofTerabytes(1),
                Bandwidth.ofBytesPerSecond(1e9),
                Bandwidth.ofBytesPerSecond(1e9));
        Topology topology = Topology.builder()
                .site(va)
                .site(sg)
                .link(new Link(
                        "sg",
                        "va",
                        Bandwidth.ofBytesPerSecond(200),
                        Bandwidth.ofBytesPerSecond(100),
                        Duration.ofMillis(500),
                        0.02))
                .build();
        FlowNetwork net = FlowNetwork.of(sim, topology);
        // Arc 0: sg -> va at 200 B/s; arc 1: va -> sg at 100 B/s; both 0.5 s latency.
        net.startFlow(new int[] {0}, 1000, record("forward"));
        net.startFlow(new int[] {1}, 1000, record("backward"));

        sim.run();

        assertThat(finished.get("forward")).isCloseTo(0.5 + 5, within(EPS));
        assertThat(finished.get("backward")).isCloseTo(0.5 + 10, within(EPS));
    }

    @Test
    void startFlow_badRoutes_throwNamingValue() {
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100, 100});
        FlowListener ignore = (id, t) -> {};

        assertThatThrownBy(() -> net.startFlow(new int[] {}, 1, ignore)).hasMessageContaining("at least one arc");
        assertThatThrownBy(() -> net.startFlow(new int[] {0, 0}, 1, ignore)).hasMessageContaining("arc 0 twice");
        assertThatThrownBy(() -> net.startFlow(new int[] {5}, 1, ignore)).hasMessageContaining("5");
        assertThatThrownBy(() -> net.startFlow(new int[] {1}, -3, ignore)).hasMessageContaining("-3");
        assertThatThrownBy(() -> net.rate(42)).hasMessageContaining("flowId 42");
        assertThatThrownBy(() -> FlowNetwork.of(sim, new double[] {-1})).hasMessageContaining("-1.0");
    }
}
