package dev.residency.sim.network;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.sim.engine.Simulator;
import dev.residency.topology.Topology;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A flow-level network: transfers ("flows") over routes of directed arcs, each arc's bandwidth
 * shared max-min fairly among the flows crossing it, driven by a {@link Simulator}.
 *
 * <p><b>Sharing.</b> Rates are the max-min fair allocation (progressive filling, as SimGrid's
 * linear max-min model; see {@link MaxMinSolver}). When a flow starts transferring, ends or is
 * aborted, or an arc's capacity changes, the arc is marked changed; after the other events of the
 * current instant (a zero-delay component event that moves once behind the events pending at the
 * same time) rates are recomputed for the flows that share arcs, transitively, with the changed
 * arcs, and only flows whose rate changed get a new completion time. Several changes in one instant
 * usually cost one recomputation. Queries that need rates ({@link #rate}, {@link #arcLoad})
 * recompute at once if a change is pending.
 *
 * <p><b>Life of a flow.</b> {@link #startFlow} returns an id. If an arc of the route caps its
 * concurrent flows and is full, the flow waits ({@link FlowPhase#WAITING}); waiting flows are
 * admitted in start order, each as soon as every arc of its route has a free slot (first fit, so
 * a flow blocked on one arc does not hold back flows on other arcs). Once admitted the flow holds a
 * slot on each arc of its route until it ends, and its first byte moves after the route's latency
 * (the sum of its arcs' latencies; {@link FlowPhase#LATENT}); then it transfers ({@link
 * FlowPhase#TRANSFERRING}). When its last byte arrives, its {@link FlowListener} hears {@link
 * FlowListener#onFlowComplete}.
 *
 * <p><b>Failures.</b> An arc of capacity zero, whether set by {@link #setArcCapacity} or failed by
 * {@link #failArc}, carries nothing: flows over it get rate zero. Each flow's {@link
 * FailurePolicy} says whether it then keeps its progress (resumable transfer), loses it, or is
 * aborted.
 *
 * <p><b>Ids.</b> A flow id is valid from {@code startFlow} until the flow completes or is aborted;
 * afterwards it may be given to a new flow, like a file descriptor.
 *
 * <p>Not thread-safe; one network per simulator.
 */
public final class FlowNetwork {

    private static final NetworkEvent WAKE = new NetworkEvent.Wake();
    private static final NetworkEvent RECOMPUTE = new NetworkEvent.Recompute(false);
    private static final NetworkEvent RECOMPUTE_DEFERRED = new NetworkEvent.Recompute(true);

    private final Simulator<?> simulator;
    private final Consumer<NetworkEvent> target = this::onEvent;
    private final ArcState arcs;
    private final FlowTable flows = new FlowTable();
    private final ArcFlowIndex onArc;
    private final MaxMinSolver solver;
    private final CompletionHeap completions = new CompletionHeap();
    private final WaitingFlows waiting = new WaitingFlows();

    private long recomputeHandle = -1;
    private long wakeHandle = -1;
    private double wakeTime = Double.POSITIVE_INFINITY;
    private long recomputations;
    private long flowsTouched;

    FlowNetwork(Simulator<?> simulator, ArcState arcs) {
        this.simulator = simulator;
        this.arcs = arcs;
        this.onArc = new ArcFlowIndex(arcs.count());
        this.solver = new MaxMinSolver(arcs.count());
    }

    /**
     * Returns a network of arcs with the given capacities, no latency and no cap on concurrent flows.
     *
     * @throws IllegalArgumentException if a capacity is negative, NaN or infinite
     */
    public static FlowNetwork of(Simulator<?> simulator, double[] arcBytesPerSecond) {
        return builder(simulator, arcBytesPerSecond).build();
    }

    /** Returns a network of {@code topology}'s arcs with their bandwidths and latencies. */
    public static FlowNetwork of(Simulator<?> simulator, Topology topology) {
        return builder(simulator, topology).build();
    }

    /** Returns a builder over arcs with the given capacities; see {@link #of(Simulator, double[])}. */
    public static FlowNetworkBuilder builder(Simulator<?> simulator, double[] arcBytesPerSecond) {
        return new FlowNetworkBuilder(simulator, arcBytesPerSecond);
    }

    /** Returns a builder over {@code topology}'s arcs, bandwidths and latencies. */
    public static FlowNetworkBuilder builder(Simulator<?> simulator, Topology topology) {
        checkNotNull(topology, "topology");
        double[] capacity = new double[topology.arcCount()];
        double[] latency = new double[topology.arcCount()];
        for (int arc = 0; arc < capacity.length; arc++) {
            capacity[arc] = topology.arcBytesPerSecond(arc);
            latency[arc] = topology.arcLatencySeconds(arc);
        }
        return new FlowNetworkBuilder(simulator, capacity).latencies(latency);
    }

    /** Starts a resumable flow; see {@link #startFlow(int[], long, FailurePolicy, FlowListener)}. */
    public int startFlow(int[] route, long bytes, FlowListener listener) {
        return startFlow(route, bytes, FailurePolicy.RESUME, listener);
    }

    /**
     * Starts a flow of {@code bytes} over {@code route} (arc indices, in order) and returns its id.
     * Its first byte moves after the route's latency, at the earliest at the end of the current
     * event, so its rate is zero until then.
     *
     * @throws IllegalArgumentException if the route is empty, names an arc out of range or an arc
     *     twice, or {@code bytes} is negative
     */
    public int startFlow(int[] route, long bytes, FailurePolicy policy, FlowListener listener) {
        checkNotNull(route, "route");
        checkNotNull(policy, "policy");
        checkNotNull(listener, "listener");
        checkArgument(route.length > 0, "route must name at least one arc");
        checkArgument(bytes >= 0, "bytes must be >= 0, got %s", bytes);
        int[] copy = route.clone();
        for (int hop = 0; hop < copy.length; hop++) {
            checkElementIndex(copy[hop], arcs.count(), "route arc");
            for (int earlier = 0; earlier < hop; earlier++) {
                checkArgument(
                        copy[earlier] != copy[hop], "route %s crosses arc %s twice", Arrays.toString(copy), copy[hop]);
            }
        }
        int id = flows.add(copy, bytes, policy, listener);
        if (arcs.tryAcquire(copy)) {
            begin(id);
        } else {
            waiting.add(id);
        }
        return id;
    }

    /**
     * Aborts flow {@code flowId} (its listener is not called) and returns the bytes it had
     * transferred.
     *
     * @throws IllegalArgumentException if {@code flowId} is not a live flow
     */
    public double abortFlow(int flowId) {
        checkLive(flowId);
        double transferred = bytesTransferred(flowId);
        remove(flowId);
        return transferred;
    }

    /**
     * Sets the capacity of {@code arc}; zero fails it (see {@link FailurePolicy}). While the arc is
     * failed by {@link #failArc}, the new capacity applies from its repair.
     *
     * @throws IllegalArgumentException if the capacity is negative, NaN or infinite
     */
    public void setArcCapacity(int arc, double bytesPerSecond) {
        checkElementIndex(arc, arcs.count(), "arc");
        ArcState.checkCapacity(arc, bytesPerSecond);
        arcs.nominal[arc] = bytesPerSecond;
        refreshArc(arc);
    }

    /**
     * Fails {@code arc}: it carries nothing until as many {@link #repairArc} calls as {@code
     * failArc} calls were made (failures from several causes, such as a link and its site, nest).
     */
    public void failArc(int arc) {
        checkElementIndex(arc, arcs.count(), "arc");
        arcs.downCount[arc]++;
        refreshArc(arc);
    }

    /**
     * Undoes one {@link #failArc} of {@code arc}.
     *
     * @throws IllegalStateException if the arc is not failed
     */
    public void repairArc(int arc) {
        checkElementIndex(arc, arcs.count(), "arc");
        if (arcs.downCount[arc] == 0) {
            throw new IllegalStateException("arc " + arc + " is not failed");
        }
        arcs.downCount[arc]--;
        refreshArc(arc);
    }

    /** Returns true unless {@code arc} is failed by {@link #failArc} or has capacity zero. */
    public boolean isArcUp(int arc) {
        checkElementIndex(arc, arcs.count(), "arc");
        return arcs.effective[arc] > 0;
    }

    /** Returns the number of arcs. */
    public int arcCount() {
        return arcs.count();
    }

    /** Returns the capacity {@code arc} has now, bytes per second: zero while it is failed. */
    public double arcCapacity(int arc) {
        checkElementIndex(arc, arcs.count(), "arc");
        return arcs.effective[arc];
    }

    /** Returns the sum of the rates of the flows on {@code arc}, bytes per second. */
    public double arcLoad(int arc) {
        checkElementIndex(arc, arcs.count(), "arc");
        ensureRates();
        double load = 0;
        for (int k = 0; k < onArc.count(arc); k++) {
            load += flows.rate[onArc.flow(arc, k)];
        }
        return load;
    }

    /** Returns {@link #arcLoad} over {@link #arcCapacity}, or 0 for an arc of capacity zero. */
    public double arcUtilisation(int arc) {
        double capacity = arcCapacity(arc);
        return capacity == 0 ? 0 : arcLoad(arc) / capacity;
    }

    /** Returns the number of flows transferring over {@code arc}. */
    public int flowsOnArc(int arc) {
        checkElementIndex(arc, arcs.count(), "arc");
        return onArc.count(arc);
    }

    /** Returns the rate of flow {@code flowId} in bytes per second; zero unless it is transferring. */
    public double rate(int flowId) {
        checkLive(flowId);
        ensureRates();
        return flows.phase[flowId] == FlowPhase.TRANSFERRING ? flows.rate[flowId] : 0;
    }

    /** Returns the bytes flow {@code flowId} still has to transfer. */
    public double remainingBytes(int flowId) {
        checkLive(flowId);
        return flows.remainingAt(flowId, simulator.now());
    }

    /** Returns the bytes of flow {@code flowId} that have arrived (since its last restart). */
    public double bytesTransferred(int flowId) {
        return flows.size[flowId] - remainingBytes(flowId);
    }

    /** Returns the phase of flow {@code flowId}. */
    public FlowPhase phase(int flowId) {
        checkLive(flowId);
        return flows.phase[flowId];
    }

    /** Returns the number of started flows that have neither completed nor been aborted. */
    public int activeFlowCount() {
        return flows.live();
    }

    /** Returns the number of flows waiting for a concurrent-flow slot. */
    public int waitingFlowCount() {
        return waiting.size();
    }

    /** Returns how many times rates have been recomputed. */
    public long rateRecomputations() {
        return recomputations;
    }

    /** Returns the total number of flows whose rates were recomputed, summed over recomputations. */
    public long flowsTouched() {
        return flowsTouched;
    }

    private void checkLive(int flowId) {
        checkArgument(flows.isLive(flowId), "flowId %s is not a live flow", flowId);
    }

    /** Admitted flow: its first byte moves after the route latency, in an Arrive event. */
    private void begin(int id) {
        flows.phase[id] = FlowPhase.LATENT;
        flows.arriveHandle[id] = simulator.schedule(
                arcs.latencyOf(flows.route[id]), target, new NetworkEvent.Arrive(id, flows.serial[id]));
    }

    private void onEvent(NetworkEvent event) {
        if (event instanceof NetworkEvent.Wake) {
            wakeHandle = -1;
            wakeTime = Double.POSITIVE_INFINITY;
            while (completions.topTime() <= simulator.now()) {
                complete(completions.poll());
            }
            scheduleWake();
        } else if (event instanceof NetworkEvent.Recompute recompute) {
            if (!recompute.deferred() && simulator.nextEventTime() == simulator.now()) {
                // Other events of this instant (a replacement flow's arrival, say) may change more
                // arcs: go behind them, once, so that the instant costs one recomputation.
                recomputeHandle = simulator.schedule(0.0, target, RECOMPUTE_DEFERRED);
                return;
            }
            recomputeHandle = -1;
            recompute();
        } else if (event instanceof NetworkEvent.Arrive arrive) {
            int id = arrive.flowId();
            if (flows.isLive(id) && flows.serial[id] == arrive.serial()) {
                arrive(id);
            }
        }
    }

    private void arrive(int id) {
        flows.phase[id] = FlowPhase.TRANSFERRING;
        flows.arriveHandle[id] = -1;
        flows.updatedAt[id] = simulator.now();
        flows.rate[id] = 0;
        int[] route = flows.route[id];
        onArc.add(id, route);
        markChanged(route);
        if (flows.policy[id] == FailurePolicy.ABORT && !arcs.allUp(route)) {
            abortWithCallback(id);
        }
    }

    private void complete(int id) {
        flows.remainingAt[id] = 0;
        FlowListener listener = flows.listener[id];
        remove(id);
        listener.onFlowComplete(id, simulator.now());
    }

    private void abortWithCallback(int id) {
        double transferred = bytesTransferred(id);
        FlowListener listener = flows.listener[id];
        remove(id);
        listener.onFlowAborted(id, simulator.now(), transferred);
    }

    /** Takes a live flow out of every structure, frees its slots and its id. */
    private void remove(int id) {
        int[] route = flows.route[id];
        switch (flows.phase[id]) {
            case WAITING -> waiting.remove(id);
            case LATENT -> simulator.cancel(flows.arriveHandle[id]);
            case TRANSFERRING -> {
                completions.remove(id);
                onArc.remove(id, route);
                markChanged(route);
            }
        }
        if (flows.phase[id] != FlowPhase.WAITING) {
            arcs.release(route);
            admitWaiting();
        }
        flows.free(id);
    }

    private void admitWaiting() {
        for (int i = 0; i < waiting.size(); ) {
            int id = waiting.get(i);
            if (arcs.tryAcquire(flows.route[id])) {
                waiting.removeAt(i);
                begin(id);
            } else {
                i++;
            }
        }
    }

    private void refreshArc(int arc) {
        double before = arcs.effective[arc];
        double after = arcs.downCount[arc] > 0 ? 0 : arcs.nominal[arc];
        if (before == after) {
            return;
        }
        arcs.effective[arc] = after;
        markChanged(arc);
        if (before > 0 && after == 0) {
            applyFailurePolicies(arc);
        }
    }

    private void applyFailurePolicies(int arc) {
        int[] affected = new int[onArc.count(arc)];
        long[] serials = new long[affected.length];
        for (int k = 0; k < affected.length; k++) {
            affected[k] = onArc.flow(arc, k);
            serials[k] = flows.serial[affected[k]];
        }
        double now = simulator.now();
        double[] lost = new double[affected.length];
        for (int k = 0; k < affected.length; k++) {
            int id = affected[k];
            if (flows.policy[id] == FailurePolicy.RESTART) {
                flows.settle(id, now);
                lost[k] = flows.size[id] - flows.remainingAt[id];
                flows.remainingAt[id] = flows.size[id];
            }
        }
        for (int k = 0; k < affected.length; k++) {
            int id = affected[k];
            // A listener called earlier in this loop may have started a flow that reuses an id.
            if (!flows.isLive(id) || flows.serial[id] != serials[k]) {
                continue;
            }
            if (flows.policy[id] == FailurePolicy.ABORT) {
                flows.settle(id, now);
                abortWithCallback(id);
            } else if (lost[k] > 0) {
                flows.listener[id].onFlowRestarted(id, now, lost[k]);
            }
        }
    }

    private void markChanged(int[] route) {
        for (int arc : route) {
            markChanged(arc);
        }
    }

    private void markChanged(int arc) {
        arcs.markChanged(arc);
        if (recomputeHandle < 0) {
            recomputeHandle = simulator.schedule(0.0, target, RECOMPUTE);
        }
    }

    private void ensureRates() {
        if (arcs.changedCount() > 0) {
            simulator.cancel(recomputeHandle);
            recomputeHandle = -1;
            recompute();
        }
    }

    private void recompute() {
        if (arcs.changedCount() == 0) {
            return;
        }
        int n = solver.solve(arcs.changed(), arcs.changedCount(), onArc, flows.route, arcs.effective);
        arcs.clearChanged();
        recomputations++;
        flowsTouched += n;
        double now = simulator.now();
        for (int i = 0; i < n; i++) {
            int id = solver.flow(i);
            double rate = solver.rate(id);
            if (rate != flows.rate[id]) {
                flows.settle(id, now);
                flows.rate[id] = rate;
                double completion = rate > 0 ? now + flows.remainingAt[id] / rate : Double.POSITIVE_INFINITY;
                if (completion < Double.POSITIVE_INFINITY) {
                    completions.set(id, completion, flows.serial[id]);
                } else {
                    completions.remove(id);
                }
            }
        }
        scheduleWake();
    }

    private void scheduleWake() {
        double next = completions.topTime();
        if (next == wakeTime) {
            return;
        }
        if (wakeHandle >= 0) {
            simulator.cancel(wakeHandle);
            wakeHandle = -1;
        }
        wakeTime = next;
        if (next < Double.POSITIVE_INFINITY) {
            wakeHandle = simulator.scheduleAt(Math.max(next, simulator.now()), target, WAKE);
        }
    }
}
