package dev.residency.sim.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The edges of the fault package's contracts, each on both sides: the smallest accepted and the first
 * refused argument (with the message naming it), windows that touch, an outage starting exactly at the
 * horizon, the next outage after a repair, overlapping outages of one site, and durations worked out
 * by hand.
 */
final class FaultBoundariesTest {

    private final Simulator<Object> sim = Simulator.withoutMainHandler(SimClock.startingAt(Instant.EPOCH));

    @Test
    void outage_edges() {
        assertThatCode(() -> new Outage(0, Double.MIN_VALUE)).doesNotThrowAnyException();
        assertThat(new Outage(2, 5).durationSeconds()).isEqualTo(3);
        assertThatThrownBy(() -> new Outage(-1, 2)).hasMessage("startSeconds must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> new Outage(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY))
                .hasMessageContaining("startSeconds must be finite");
        assertThatThrownBy(() -> new Outage(1, 1))
                .hasMessage("endSeconds must be finite and after startSeconds 1.0, got 1.0");
        assertThatThrownBy(() -> new Outage(1, Double.POSITIVE_INFINITY))
                .hasMessageContaining("endSeconds must be finite");
    }

    @Test
    void fixedSchedule_touchingWindows_accepted_overlapping_refused() {
        assertThatCode(() -> FixedSchedule.of(new Outage(0, 5), new Outage(5, 6)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> FixedSchedule.of(new Outage(0, 5), new Outage(4.5, 6)))
                .hasMessageContaining("windows[1]")
                .hasMessageContaining("starts before windows[0]");
        // After 5.5 s, the second window is cut to start then.
        assertThat(FixedSchedule.of(new Outage(0, 5), new Outage(5, 6)).nextOutage(5.5, null))
                .contains(new Outage(5.5, 6));
        assertThat(FixedSchedule.of(new Outage(0, 5)).nextOutage(5, null)).isEmpty();
    }

    @Test
    void corruption_edges() {
        UniformRandomProvider rng = new RandomStreams(3).stream("c", 0);
        UniformRandomProvider twin = new RandomStreams(3).stream("c", 0);
        assertThatCode(() -> new CorruptionModel(0)).doesNotThrowAnyException();
        assertThat(new CorruptionModel(1).probabilityCorrupted(1)).isEqualTo(1);
        assertThatThrownBy(() -> new CorruptionModel(Math.nextUp(1.0))).hasMessageContaining("probabilityPerByte");
        assertThatThrownBy(() -> new CorruptionModel(-1e-300)).hasMessageContaining("probabilityPerByte");
        assertThatThrownBy(() -> new CorruptionModel(0.1).probabilityCorrupted(-1))
                .hasMessage("bytes must be >= 0, got -1");
        // A transfer that cannot be corrupted draws no random number: the stream stays in step with its twin.
        assertThat(new CorruptionModel(0).isCorrupted(1_000, rng)).isFalse();
        assertThat(new CorruptionModel(0.5).isCorrupted(0, rng)).isFalse();
        assertThat(rng.nextLong()).isEqualTo(twin.nextLong());
        assertThat(new CorruptionModel(1).isCorrupted(1, rng)).isTrue();
    }

    @Test
    void distribution_edges() {
        assertThatThrownBy(() -> new TimeDistribution.Exponential(Double.POSITIVE_INFINITY))
                .hasMessage("meanSeconds must be positive and finite, got Infinity");
        assertThatThrownBy(() -> new TimeDistribution.Weibull(1, 0))
                .hasMessage("scaleSeconds must be positive and finite, got 0.0");
        assertThatThrownBy(() -> new TimeDistribution.LogNormal(Double.NaN, 1))
                .hasMessage("mu must be finite, got NaN");
        assertThatThrownBy(() -> TimeDistribution.LogNormal.ofMedian(0, 1))
                .hasMessage("medianSeconds must be positive and finite, got 0.0");
        assertThatCode(() -> new TimeDistribution.Constant(0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new TimeDistribution.Constant(Double.POSITIVE_INFINITY))
                .hasMessageContaining("seconds must be finite");
        // Median 600 s, sigma 0.5: mean 600 × e^(0.5² / 2) = 600 × 1.1331485 = 679.8891 s.
        assertThat(TimeDistribution.LogNormal.ofMedian(600, 0.5).meanSeconds()).isCloseTo(679.8891, within(1e-4));
    }

    @Test
    void renewal_constantTimes_outageByHand_zeroRepairStillAnInterval() {
        // After 100 s: fails 10 s later, repaired 5 s after that.
        RenewalFailureModel model =
                new RenewalFailureModel(new TimeDistribution.Constant(10), new TimeDistribution.Constant(5));
        assertThat(model.nextOutage(100, null)).contains(new Outage(110, 115));
        RenewalFailureModel instant =
                new RenewalFailureModel(new TimeDistribution.Constant(10), new TimeDistribution.Constant(0));
        Outage blip = instant.nextOutage(100, null).orElseThrow();
        assertThat(blip.startSeconds()).isEqualTo(110);
        assertThat(blip.endSeconds()).isGreaterThan(110).isLessThanOrEqualTo(Math.nextUp(Math.nextUp(110.0)));
    }

    @Test
    void targets_indexZeroAccepted_negativeRefused() {
        assertThat(new FaultTarget.Arc(0).arc()).isZero();
        assertThat(new FaultTarget.Site(0).site()).isZero();
        assertThatThrownBy(() -> new FaultTarget.Arc(-1)).hasMessage("arc must be >= 0, got -1");
        assertThatThrownBy(() -> new FaultTarget.Site(-1)).hasMessage("site must be >= 0, got -1");
    }

    @Test
    void injector_arguments_edges() {
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100});
        RandomStreams streams = new RandomStreams(1);
        assertThatCode(() -> new FaultInjector(sim, net, streams, 0, 0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new FaultInjector(sim, net, streams, -1, 10))
                .hasMessage("replication must be >= 0, got -1");
        assertThatThrownBy(() -> new FaultInjector(sim, net, streams, 0, -1))
                .hasMessage("horizonSeconds must be >= 0, got -1.0");
        FaultInjector faults = new FaultInjector(sim, net, streams, 0, 10);
        assertThatThrownBy(() -> faults.injectSite(0, twoSites(), FixedSchedule.of(new Outage(1, 2))))
                .hasMessageContaining("arcs but the network");
    }

    @Test
    void injector_outageAtTheHorizon_counts_andTheNextOneFollowsTheRepair() {
        FlowNetwork net = FlowNetwork.of(sim, new double[] {100});
        FaultInjector faults = new FaultInjector(sim, net, new RandomStreams(1), 0, 10);
        // Windows 2..3, 5..6 and one starting exactly at the 10 s horizon: all three happen; one at
        // 11.5 s would not.
        faults.injectArc(
                0, FixedSchedule.of(new Outage(2, 3), new Outage(5, 6), new Outage(10, 11), new Outage(11.5, 12)));

        sim.run();

        assertThat(faults.failureCount()).isEqualTo(3);
    }

    @Test
    void injector_overlappingSiteOutages_siteUpOnlyWhenBothEnd() {
        Topology topology = twoSites();
        FlowNetwork net = FlowNetwork.of(sim, topology);
        FaultInjector faults = new FaultInjector(sim, net, new RandomStreams(1), 0, Double.POSITIVE_INFINITY);
        faults.injectSite(0, topology, FixedSchedule.of(new Outage(1, 5)));
        faults.injectSite(0, topology, FixedSchedule.of(new Outage(3, 8)));

        sim.runUntil(4);
        assertThat(faults.isSiteUp(0)).isFalse();
        sim.runUntil(6);
        assertThat(faults.isSiteUp(0)).as("one outage of two over at 6 s").isFalse();
        sim.runUntil(9);
        assertThat(faults.isSiteUp(0)).isTrue();
        assertThat(faults.isSiteUp(1)).isTrue();
    }

    private static Topology twoSites() {
        Bandwidth gbps = Bandwidth.ofBytesPerSecond(1e9);
        return Topology.of(
                List.of(
                        new DataCenter("a", Jurisdiction.US, "Oracle", DataSize.ofTerabytes(1), gbps, gbps),
                        new DataCenter("b", Jurisdiction.US, "Oracle", DataSize.ofTerabytes(1), gbps, gbps)),
                List.of(Link.symmetric("a", "b", Bandwidth.ofBytesPerSecond(100), Duration.ZERO, 0)));
    }
}
