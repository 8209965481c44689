package dev.residency.sim.faults;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.sim.engine.RandomStreams;
import dev.residency.sim.engine.Simulator;
import dev.residency.sim.network.FlowNetwork;
import dev.residency.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Schedules the outages of arcs and sites on a {@link Simulator} and applies them to a {@link
 * FlowNetwork}: an arc outage fails the arc ({@link FlowNetwork#failArc}), a site outage fails every
 * arc into or out of the site, and a repair undoes it. Failures nest, so an arc whose site and link
 * are both down comes back only when both are repaired. What happens to the flows on a failed arc
 * is their {@link dev.residency.sim.network.FailurePolicy}.
 *
 * <p>Each installed model draws from its own stream, {@code fault/arc/<arc>#<k>} or {@code
 * fault/site/<site>#<k>} of the given {@link RandomStreams} and replication, where k counts the
 * models installed on that target; so the same seed gives the same outages. Outages starting after
 * the horizon are not scheduled, so that a run can drain its event list.
 *
 * <p>Not thread-safe.
 */
public final class FaultInjector {

    private final Simulator<?> simulator;
    private final FlowNetwork network;
    private final RandomStreams streams;
    private final int replication;
    private final double horizonSeconds;
    private final Consumer<FaultEvent> target = this::onEvent;
    private final List<Injection> injections = new ArrayList<>();
    private final Map<FaultTarget, Integer> installed = new HashMap<>();
    private final Map<Integer, Integer> sitesDown = new HashMap<>();
    private final List<FaultListener> listeners = new ArrayList<>();
    private long failures;

    /**
     * Creates an injector with no models installed.
     *
     * @param horizonSeconds outages that would start after this time are not scheduled; may be
     *     {@link Double#POSITIVE_INFINITY}
     * @throws IllegalArgumentException if {@code replication} is negative or the horizon NaN
     */
    public FaultInjector(
            Simulator<?> simulator,
            FlowNetwork network,
            RandomStreams streams,
            int replication,
            double horizonSeconds) {
        this.simulator = checkNotNull(simulator, "simulator");
        this.network = checkNotNull(network, "network");
        this.streams = checkNotNull(streams, "streams");
        checkArgument(replication >= 0, "replication must be >= 0, got %s", replication);
        checkArgument(horizonSeconds >= 0, "horizonSeconds must be >= 0, got %s", horizonSeconds);
        this.replication = replication;
        this.horizonSeconds = horizonSeconds;
    }

    /** Registers {@code listener} to hear every failure and repair. */
    public void addListener(FaultListener listener) {
        listeners.add(checkNotNull(listener, "listener"));
    }

    /** Installs {@code model} on {@code arc}, starting now. */
    public void injectArc(int arc, FailureModel model) {
        checkElementIndex(arc, network.arcCount(), "arc");
        install(new FaultTarget.Arc(arc), new int[] {arc}, model);
    }

    /** Installs {@code model} on {@code site}, whose arcs are those of {@code topology} into or out of it. */
    public void injectSite(int site, Topology topology, FailureModel model) {
        checkNotNull(topology, "topology");
        checkElementIndex(site, topology.siteCount(), "site");
        checkArgument(
                topology.arcCount() == network.arcCount(),
                "topology has %s arcs but the network %s",
                topology.arcCount(),
                network.arcCount());
        List<Integer> arcs = new ArrayList<>();
        for (int arc = 0; arc < topology.arcCount(); arc++) {
            if (topology.arcFrom(arc) == site || topology.arcTo(arc) == site) {
                arcs.add(arc);
            }
        }
        install(
                new FaultTarget.Site(site),
                arcs.stream().mapToInt(Integer::intValue).toArray(),
                model);
    }

    /** Returns false while {@code site} is in an outage. */
    public boolean isSiteUp(int site) {
        return !sitesDown.containsKey(site);
    }

    /** Returns the number of outages that have started so far. */
    public long failureCount() {
        return failures;
    }

    private void install(FaultTarget faultTarget, int[] arcs, FailureModel model) {
        checkNotNull(model, "model");
        int k = installed.merge(faultTarget, 1, Integer::sum) - 1;
        String name = faultTarget instanceof FaultTarget.Arc a
                ? "fault/arc/" + a.arc() + "#" + k
                : "fault/site/" + ((FaultTarget.Site) faultTarget).site() + "#" + k;
        Injection injection = new Injection(faultTarget, arcs, model, streams.stream(name, replication));
        injections.add(injection);
        scheduleNext(injections.size() - 1, simulator.now());
    }

    private void scheduleNext(int index, double after) {
        Injection injection = injections.get(index);
        Optional<Outage> next = injection.model().nextOutage(after, injection.rng());
        if (next.isPresent() && next.get().startSeconds() <= horizonSeconds) {
            Outage outage = next.get();
            simulator.scheduleAt(
                    Math.max(outage.startSeconds(), simulator.now()), target, new FaultEvent.Down(index, outage));
        }
    }

    private void onEvent(FaultEvent event) {
        double now = simulator.now();
        if (event instanceof FaultEvent.Down down) {
            Injection injection = injections.get(down.injection());
            failures++;
            for (int arc : injection.arcs()) {
                network.failArc(arc);
            }
            if (injection.target() instanceof FaultTarget.Site site) {
                sitesDown.merge(site.site(), 1, Integer::sum);
            }
            simulator.scheduleAt(
                    down.outage().endSeconds(), target, new FaultEvent.Up(down.injection(), down.outage()));
            for (FaultListener listener : listeners) {
                listener.onFailure(injection.target(), now);
            }
        } else if (event instanceof FaultEvent.Up up) {
            Injection injection = injections.get(up.injection());
            for (int arc : injection.arcs()) {
                network.repairArc(arc);
            }
            if (injection.target() instanceof FaultTarget.Site site) {
                sitesDown.computeIfPresent(site.site(), (s, n) -> n == 1 ? null : n - 1);
            }
            for (FaultListener listener : listeners) {
                listener.onRepair(injection.target(), now);
            }
            scheduleNext(up.injection(), up.outage().endSeconds());
        }
    }

    /** One installed model: what it takes down and its own random stream. */
    private record Injection(FaultTarget target, int[] arcs, FailureModel model, UniformRandomProvider rng) {}

    /** The injector's events, on the simulator's component channel. */
    private sealed interface FaultEvent permits FaultEvent.Down, FaultEvent.Up {
        /** Injection {@code injection}'s outage begins. */
        record Down(int injection, Outage outage) implements FaultEvent {}

        /** Injection {@code injection}'s outage ends. */
        record Up(int injection, Outage outage) implements FaultEvent {}
    }
}
