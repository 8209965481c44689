package dev.residency.sim.migration;

import dev.residency.sim.engine.RandomStreams;
import dev.residency.sim.engine.Simulator;
import dev.residency.sim.faults.FailureModel;
import dev.residency.sim.faults.Outage;
import dev.residency.sim.faults.RenewalFailureModel;
import dev.residency.sim.faults.TimeDistribution;
import dev.residency.sim.migration.MigrationEvent.Fault;
import dev.residency.sim.scenario.DistributionSpec;
import dev.residency.sim.scenario.FailureSpec;
import dev.residency.sim.scenario.MaintenanceWindow;
import dev.residency.sim.scenario.ScheduledOutage;
import dev.residency.topology.Topology;
import dev.residency.units.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Schedules a run's faults up front: the outages of every link and every site drawn from the
 * scenario's failure distributions by the engine's {@link RenewalFailureModel} (each component with its own random stream, selected by
 * the replication index), the fixed outages of the scenario, and the planning maintenance windows
 * (which the planner avoided; the run honours them too).
 */
final class FaultSchedule {

    private final MigrationSetup setup;
    private final Simulator<MigrationEvent> sim;
    private final RandomStreams streams;
    private final int replication;
    private final double horizon;

    FaultSchedule(MigrationSetup setup, Simulator<MigrationEvent> sim, RandomStreams streams, int replication) {
        this.setup = setup;
        this.sim = sim;
        this.streams = streams;
        this.replication = replication;
        this.horizon = Durations.seconds(setup.scenario().run().horizon());
    }

    void schedule() {
        Topology topology = setup.topology();
        var faults = setup.scenario().run().faults();
        Optional<FailureSpec> links = faults.links();
        Optional<FailureSpec> sites = faults.sites();
        for (int link = 0; link < topology.links().size(); link++) {
            int index = link;
            links.ifPresent(spec -> alternate(
                    spec, streams.stream("link:" + topology.links().get(index).name(), replication), false, index));
        }
        for (int site = 0; site < topology.siteCount(); site++) {
            int index = site;
            sites.ifPresent(spec -> alternate(
                    spec, streams.stream("site:" + topology.site(index).id(), replication), true, index));
        }
        Instant start = setup.scenario().run().start();
        for (ScheduledOutage outage : faults.outages()) {
            var site = topology.indexOf(outage.target());
            if (site.isPresent()) {
                window(true, site.getAsInt(), false, start, outage.start(), outage.end());
            } else {
                window(false, linkIndex(topology, outage.target()), false, start, outage.start(), outage.end());
            }
        }
        for (MaintenanceWindow w : setup.scenario().planning().maintenance()) {
            int arc = topology.arcBetween(topology.siteIndex(w.from()), topology.siteIndex(w.to()))
                    .orElseThrow();
            window(false, arc >>> 1, true, start, w.start(), w.end());
        }
    }

    private static int linkIndex(Topology topology, String name) {
        for (int i = 0; i < topology.links().size(); i++) {
            var link = topology.links().get(i);
            if (name.equals(link.name()) || name.equals(link.to() + "-" + link.from())) {
                return i;
            }
        }
        throw new IllegalArgumentException("outage target \"" + name + "\" is neither a site nor a link");
    }

    private void window(boolean site, int index, boolean planned, Instant start, Instant from, Instant to) {
        double down = Math.max(0, Durations.seconds(Duration.between(start, from)));
        double up = Durations.seconds(Duration.between(start, to));
        if (up > down) {
            sim.scheduleAt(down, new Fault(site, index, false, planned));
            sim.scheduleAt(up, new Fault(site, index, true, planned));
        }
    }

    private void alternate(FailureSpec spec, UniformRandomProvider rng, boolean site, int index) {
        boolean planned = false;
        FailureModel model =
                new RenewalFailureModel(distribution(spec.timeToFailure()), distribution(spec.timeToRepair()));
        double after = 0;
        while (true) {
            Optional<Outage> next = model.nextOutage(after, rng);
            if (next.isEmpty() || next.get().startSeconds() >= horizon) {
                return;
            }
            sim.scheduleAt(next.get().startSeconds(), new Fault(site, index, false, planned));
            after = Math.min(next.get().endSeconds(), horizon);
            sim.scheduleAt(after, new Fault(site, index, true, planned));
        }
    }

    /** Returns the engine's distribution for a scenario's distribution spec. */
    static TimeDistribution distribution(DistributionSpec spec) {
        if (spec instanceof DistributionSpec.Exponential e) {
            return new TimeDistribution.Exponential(Durations.seconds(e.mean()));
        } else if (spec instanceof DistributionSpec.Weibull w) {
            return new TimeDistribution.Weibull(w.shape(), Durations.seconds(w.scale()));
        } else if (spec instanceof DistributionSpec.LogNormal l) {
            return TimeDistribution.LogNormal.ofMedian(Durations.seconds(l.median()), l.sigma());
        } else if (spec instanceof DistributionSpec.Fixed f) {
            return new TimeDistribution.Constant(Durations.seconds(f.value()));
        }
        throw new AssertionError(spec);
    }
}
