package dev.residency.sim.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.residency.geo.Jurisdiction;
import dev.residency.sim.engine.RandomStreams;
import dev.residency.sim.engine.SimClock;
import dev.residency.sim.engine.Simulator;
import dev.residency.sim.network.FlowNetwork;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Link;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import dev.residency.units.DataSize;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of {@link FaultInjector}: an outage of an arc or a site stops its flows for exactly the
 * outage (hand-computed delays), nested outages keep an arc down until both end, and the same seed
 * gives the same outages.
 */
final class FaultInjectorTest {

    private static final double EPS = 1e-9;

    private final Simulator<Object> sim = Simulator.withoutMainHandler(SimClock.startingAt(Instant.EPOCH));
    private final Map<String, Double> finished = new HashMap<>();

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    private static Topology triangle() {
        Bandwidth gbps = Bandwidth.ofBytesPerSecond(1e9);
        List<DataCenter> sites = new ArrayList<>();
        for (String id : List.of("a", "b", "c")) {
            sites.add(new DataCenter(id, Jurisdiction.US, "Oracle", DataSize.ofTerabytes(1), gbps, gbps));
        }
        Bandwidth hundred = Bandwidth.ofBytesPerSecond(100);
        return Topology.of(
                sites,
                List.of(
                        Link.symmetric("a", "b", hundred, Duration.ZERO, 0),
                        Link.symmetric("b", "c", hundred, Duration.ZERO, 0),
                        Link.symmetric("a", "c", hundred, Duration.ZERO, 0)));
    }

    @Test
    void linkFailureMidTransfer_fixedWindow_delaysCompletionByRepairTime() {
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100});
        FaultInjector faults = new FaultInjector(sim, net, new RandomStreams(1), 0, Double.POSITIVE_INFINITY);
        faults.injectArc(0, FixedSchedule.of(new Outage(4, 10)));
        net.startFlow(new int[] {0}, 1000, (id, t) -> finished.put("f", t));

        sim.run();

        // 1000 B at 100 B/s takes 10 s; the 4..10 s outage adds its 6 s: 16 s.
        assertThat(finished.get("f")).isCloseTo(16, within(EPS));
        assertThat(faults.failureCount()).isEqualTo(1);
    }

    @Test
    void siteFailure_stopsFlowsOnEveryArcOfSite() {
        Topology topology = triangle();
        FlowNetwork net = FlowNetwork.of(sim, topology);
        FaultInjector faults = new FaultInjector(sim, net, new RandomStreams(1), 0, Double.POSITIVE_INFINITY);
        int b = topology.siteIndex("b");
        faults.injectSite(b, topology, FixedSchedule.of(new Outage(2, 5)));
        int ab = topology.arcBetween(topology.siteIndex("a"), b).getAsInt();
        int cb = topology.arcBetween(topology.siteIndex("c"), b).getAsInt();
        int ac = topology.arcBetween(topology.siteIndex("a"), topology.siteIndex("c"))
                .getAsInt();
        net.startFlow(new int[] {ab}, 1000, (id, t) -> finished.put("a->b", t));
        net.startFlow(new int[] {cb}, 1000, (id, t) -> finished.put("c->b", t));
        net.startFlow(new int[] {ac}, 1000, (id, t) -> finished.put("a->c", t));
        List<String> heard = new ArrayList<>();
        faults.addListener(new FaultListener() {
            @Override
            public void onFailure(FaultTarget target, double timeSeconds) {
                heard.add("down " + target + " " + timeSeconds + " up=" + faults.isSiteUp(b));
            }

            @Override
            public void onRepair(FaultTarget target, double timeSeconds) {
                heard.add("up " + target + " " + timeSeconds + " up=" + faults.isSiteUp(b));
            }
        });

        sim.run();

        // Flows into b lose the 3 s outage: 10 + 3 = 13 s; a->c does not cross b: 10 s.
        assertThat(finished.get("a->b")).isCloseTo(13, within(EPS));
        assertThat(finished.get("c->b")).isCloseTo(13, within(EPS));
        assertThat(finished.get("a->c")).isCloseTo(10, within(EPS));
        assertThat(heard).containsExactly("down Site[site=1] 2.0 up=false", "up Site[site=1] 5.0 up=true");
    }

    @Test
    void overlappingArcAndSiteOutages_arcBackOnlyWhenBothEnd() {
        Topology topology = triangle();
        FlowNetwork net = FlowNetwork.of(sim, topology);
        FaultInjector faults = new FaultInjector(sim, net, new RandomStreams(1), 0, Double.POSITIVE_INFINITY);
        int ab = topology.arcBetween(0, 1).getAsInt();
        faults.injectSite(1, topology, FixedSchedule.of(new Outage(2, 5)));
        faults.injectArc(ab, FixedSchedule.of(new Outage(4, 8)));
        net.startFlow(new int[] {ab}, 1000, (id, t) -> finished.put("f", t));

        sim.run();

        // Down from 2 s (site) to 8 s (link): 6 s lost, so 16 s.
        assertThat(finished.get("f")).isCloseTo(16, within(EPS));
    }

    private static List<String> outages(long seed, int replication) {
        Simulator<Object> sim = Simulator.withoutMainHandler(SimClock.startingAt(Instant.EPOCH));
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100, 100, 100});
        FaultInjector faults = new FaultInjector(sim, net, new RandomStreams(seed), replication, 10_000);
        List<String> log = new ArrayList<>();
        faults.addListener(new FaultListener() {
            @Override
            public void onFailure(FaultTarget target, double timeSeconds) {
                log.add("down " + target + " " + Double.doubleToRawLongBits(timeSeconds));
            }

            @Override
            public void onRepair(FaultTarget target, double timeSeconds) {
                log.add("up " + target + " " + Double.doubleToRawLongBits(timeSeconds));
            }
        });
        faults.injectArc(
                0,
                new RenewalFailureModel(new TimeDistribution.Exponential(500), new TimeDistribution.Exponential(50)));
        faults.injectArc(
                1,
                new RenewalFailureModel(
                        new TimeDistribution.Weibull(1.5, 800), TimeDistribution.LogNormal.ofMedian(30, 1)));
        faults.injectArc(1, FixedSchedule.of(new Outage(1000, 1200)));
        faults.injectArc(
                2, new RenewalFailureModel(new TimeDistribution.Exponential(300), new TimeDistribution.Constant(60)));
        sim.run();
        for (int arc = 0; arc < 3; arc++) {
            assertThat(net.isArcUp(arc))
                    .as("seed %d: arc %d up after the run", seed, arc)
                    .isTrue();
        }
        return log;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void renewalModels_sameSeed_sameOutagesAndAllRepaired(long seed) {
        List<String> first = outages(seed, 0);

        assertThat(first).as("seed %d", seed).isNotEmpty();
        assertThat(outages(seed, 0)).as("seed %d", seed).isEqualTo(first);
        assertThat(outages(seed, 1)).as("seed %d replication 1", seed).isNotEqualTo(first);
    }
}
