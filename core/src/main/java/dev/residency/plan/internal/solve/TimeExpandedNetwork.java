package dev.residency.plan.internal.solve;

import dev.residency.plan.internal.flow.ResidualNetwork;
import dev.residency.topology.Topology;
import java.util.Arrays;

/**
 * The flow network of an {@link AggregatedProblem} up to a horizon, for some of its commodities.
 *
 * <p>Per interval of the {@link Timeline} cut at the horizon, each site {@code v} has three nodes:
 * <em>in</em> (where links arrive), <em>core</em> and <em>out</em> (where links leave). The arc in→core
 * carries the site's ingest limit times the interval's length (0 before the site is ready), core→out
 * its egress limit; a link's arc out(u)→in(w) carries its bandwidth times the length (0 during
 * maintenance). A site's core is entered only if the commodity may pass through it and left only if
 * it may pass or is a source. Allowed destinations drain core→storage(v)→T, where storage(v)→T holds
 * the site's free storage (shared by all intervals). Each demand node gets its units from S and may
 * enter the core of any of its source sites in any interval from its release on: data waits at its
 * source, never at an intermediate site, so every path lies within one interval and is a pipelined
 * route. Costs: a link arc's egress price ({@link #costUnits}) and, for the earliest-arrival solve, a
 * cost per interval on the arcs into storage that grows with the interval's time, an optional cost per
 * demand on its arc from S, and an optional cap on the units a demand enters a source site with per
 * interval (the rounding room of {@code AggregateSolver} uses both). The relaxed variant used for lower bounds also lets data wait at every site (holdover arcs
 * core(i)→core(i+1)) and rounds capacities up instead of down.
 *
 * <p><b>Holdover at transit sites</b> (not relaxed): data also waits at a site {@code v} between
 * intervals where its commodity may be staged there ({@link AggregatedProblem#commodityStage}: a
 * pass-through site, not a destination, where the policy allows the data to be staged), in a waiting
 * room: nodes wait(i,v), entered by core(i,v)→wait(i+1,v), waited in by wait(i,v)→wait(i+1,v), left by
 * wait(i,v)→core(i,v). A path through a waiting room is a flow in several legs: to a staging copy at
 * {@code v} in one interval, on from it in a later one. The arcs into the room belong to the resource of
 * {@code v}'s free storage, the same as the storage arc of its final copies; a unit crosses one of them
 * per stay, so together they carry exactly the bytes staged at {@code v}, and {@link #limitStaging}
 * keeps their sum within the resource's capacity. <em>Proof that no plan exceeds a staging site's
 * storage:</em> the plan keeps a staging copy at most until its last leg ends, so at any instant the
 * storage {@code v} holds for the plan is at most its final copies plus every byte ever staged there;
 * the networks of the commodities split each resource as every resource is split (each one gets what the
 * earlier ones left, or its LP share capped again), so that sum is at most the resource's capacity, the
 * site's free storage. The bound is conservative (a staging copy's room is never reused once it is
 * deleted). Relaxed networks already let data wait at every site without that limit, so the lower
 * bounds built on them ({@link MakespanBound}, {@link ComplianceBounds}) stay bounds of plans with
 * holdover: every such plan is a flow of the relaxed network.
 *
 * <p>Shared capacities are numbered as <em>resources</em> (link arcs, ingest and egress per interval,
 * storage per site) so that several commodity networks can split them.
 */
final class TimeExpandedNetwork {

    static final int KIND_PRIVATE = 0;
    static final int KIND_LINK = 1;

    /** The {@link #arcTopology} of a holdover arc at a staging site (link arcs have theirs, others -1). */
    static final int HOLDOVER = -2;

    final AggregatedProblem problem;
    final int intervals;
    final double horizon;
    final ResidualNetwork network;
    final int source;
    final int sink;
    final int[] demandArc;

    final int[] arcResource;
    final int[] arcTopology;
    final int[] arcInterval;
    private final int sites;
    private int[] resourceOf;
    private int[] topoOf;
    private int[] intervalOf;
    private int count;
    /** The first node of the waiting rooms wait(i,v) at staging sites (none if no site stages). */
    private final int waitBase;
    /** The arcs into the waiting rooms at staging sites (network arc ids), and each one's site. */
    private int[] holdoverArcs = new int[0];

    private int[] holdoverSites = new int[0];

    private TimeExpandedNetwork(
            AggregatedProblem problem,
            double horizon,
            boolean[] commodities,
            long[] units,
            long[] capacity,
            boolean relaxed,
            boolean demandArcsOpen,
            long[] arrivalCost,
            long[] demandCost,
            long entryCapacity) {
        this.problem = problem;
        this.horizon = horizon;
        Topology topology = problem.topology;
        this.sites = topology.siteCount();
        this.intervals = intervalsBefore(problem.timeline, horizon);
        int demands = units.length;
        boolean[] dest = new boolean[sites];
        boolean[] pass = new boolean[sites];
        boolean[] isSource = new boolean[sites];
        long total = 1;
        for (int j = 0; j < commodities.length; j++) {
            if (commodities[j]) {
                for (int v = 0; v < sites; v++) {
                    dest[v] |= problem.commodityDest[j][v];
                    pass[v] |= problem.commodityPass[j][v];
                }
            }
        }
        for (int d = 0; d < demands; d++) {
            if (units[d] > 0 && commodities[problem.demandCommodity[d]]) {
                total += units[d];
                for (int s : problem.demandSources[d]) {
                    isSource[s] = true;
                }
            }
        }
        int storageBase = intervals * 3 * sites;
        int demandBase = storageBase + sites;
        source = demandBase + demands;
        sink = source + 1;
        int arcs = topology.arcCount();
        boolean[] stage = relaxed ? new boolean[sites] : stagingSites(commodities, dest, pass, capacity);
        boolean staging = false;
        for (boolean b : stage) {
            staging |= b;
        }
        waitBase = sink + 1;
        network = new ResidualNetwork(
                waitBase + (staging ? intervals * sites : 0), intervals * (arcs + 4 * sites) + 2 * sites + 4 * demands);
        int room = intervals * (arcs + 4 * sites) + 2 * sites + demands * (1 + intervals * 2) + 16;
        resourceOf = new int[room];
        topoOf = new int[room];
        intervalOf = new int[room];
        int stride = arcs + 2 * sites;
        for (int i = 0; i < intervals; i++) {
            for (int v = 0; v < sites; v++) {
                if (pass[v]) {
                    int r = i * stride + arcs + v;
                    if (capacity[r] > 0) {
                        record(network.addArc(in(i, v), core(i, v), capacity[r], 0), r, -1, i);
                    }
                }
                if (pass[v] || isSource[v]) {
                    int r = i * stride + arcs + sites + v;
                    record(network.addArc(core(i, v), out(i, v), capacity[r], 0), r, -1, i);
                }
                if (dest[v]) {
                    long cost = arrivalCost == null ? 0 : arrivalCost[i];
                    record(network.addArc(core(i, v), storageBase + v, total, cost), -1, -1, i);
                }
                if (relaxed && i + 1 < intervals) {
                    record(network.addArc(core(i, v), core(i + 1, v), total, 0), -1, -1, i);
                }
            }
            for (int a = 0; a < arcs; a++) {
                int u = topology.arcFrom(a);
                int w = topology.arcTo(a);
                int r = i * stride + a;
                if ((pass[u] || isSource[u]) && pass[w] && capacity[r] > 0) {
                    record(network.addArc(out(i, u), in(i, w), capacity[r], costUnits(topology, a)), r, a, i);
                }
            }
        }
        for (int v = 0; v < sites; v++) {
            if (dest[v]) {
                int r = intervals * stride + v;
                record(network.addArc(storageBase + v, sink, capacity[r], 0), r, -1, -1);
            }
        }
        demandArc = new int[demands];
        Arrays.fill(demandArc, -1);
        for (int d = 0; d < demands; d++) {
            if (units[d] <= 0 || !commodities[problem.demandCommodity[d]]) {
                continue;
            }
            long cost = demandCost == null ? 0 : demandCost[d];
            demandArc[d] = network.addArc(source, demandBase + d, demandArcsOpen ? units[d] : 0, cost);
            record(demandArc[d], -1, -1, -1);
            int first = problem.timeline.intervalAt(problem.demandRelease[d]);
            for (int i = first; i < intervals; i++) {
                for (int s : problem.demandSources[d]) {
                    record(network.addArc(demandBase + d, core(i, s), Math.min(total, entryCapacity), 0), -1, -1, i);
                }
            }
        }
        if (staging) {
            addHoldover(stage, capacity, total);
        }
        network.freeze();
        arcResource = Arrays.copyOf(resourceOf, count);
        arcTopology = Arrays.copyOf(topoOf, count);
        arcInterval = Arrays.copyOf(intervalOf, count);
    }

    /**
     * Returns the sites where one of {@code commodities} may be staged ({@link
     * AggregatedProblem#commodityStage}) and that are none of their destinations, pass-through, with free
     * storage.
     */
    private boolean[] stagingSites(boolean[] commodities, boolean[] dest, boolean[] pass, long[] capacity) {
        boolean[] stage = new boolean[sites];
        int storageBase = intervals * (problem.topology.arcCount() + 2 * sites);
        for (int j = 0; j < commodities.length && j < problem.commodityStage.length; j++) {
            if (commodities[j]) {
                for (int v = 0; v < sites; v++) {
                    stage[v] |= problem.commodityStage[j][v]
                            && !dest[v]
                            && pass[v]
                            && capacity[storageBase + v] > 0
                            && intervals > 1;
                }
            }
        }
        return stage;
    }

    /**
     * Adds the waiting room of every staging site {@code v}: per interval {@code i} a node wait(i,v), an
     * arc core(i,v)→wait(i+1,v) into it (on the resource of the site's free storage: the bytes staged),
     * wait(i,v)→wait(i+1,v) to wait on, and wait(i,v)→core(i,v) to leave it. A unit crosses one arc into
     * the room per stay, however long it waits, so the arcs into the room carry exactly the bytes staged.
     */
    private void addHoldover(boolean[] stage, long[] capacity, long total) {
        int storageBase = intervals * (problem.topology.arcCount() + 2 * sites);
        int[] arcs = new int[Math.max(0, intervals - 1) * sites];
        int[] at = new int[arcs.length];
        int n = 0;
        for (int v = 0; v < sites; v++) {
            if (!stage[v]) {
                continue;
            }
            int r = storageBase + v;
            for (int i = 0; i + 1 < intervals; i++) {
                arcs[n] = network.addArc(core(i, v), waitNode(i + 1, v), Math.min(total, capacity[r]), 0);
                at[n++] = v;
                record(arcs[n - 1], r, HOLDOVER, i);
                if (i + 2 < intervals) {
                    record(network.addArc(waitNode(i + 1, v), waitNode(i + 2, v), total, 0), -1, -1, i + 1);
                }
                record(network.addArc(waitNode(i + 1, v), core(i + 1, v), total, 0), -1, -1, i + 1);
            }
        }
        holdoverArcs = Arrays.copyOf(arcs, n);
        holdoverSites = Arrays.copyOf(at, n);
    }

    private int waitNode(int interval, int site) {
        return waitBase + interval * sites + site;
    }

    /**
     * Keeps the staging within each site's storage, for the flow now on the network and any flow routed
     * on it later (a min-cost flow after this max-flow may spread the staging otherwise): caps the arcs
     * into each waiting room so that their capacities sum to at most what {@code capacity} holds for the
     * site's storage resource (the capacities this network was built on, or what earlier networks left of
     * them). Where the arcs into a room carry no more than that, each keeps its flow plus an even share of
     * the rest, and the flow stays; where they carry more, each is capped at its flow times the room over
     * their sum (rounded down), and the flow is cleared for the caller to route again.
     *
     * @return whether it cleared the flow
     */
    boolean limitStaging(long[] capacity) {
        if (holdoverArcs.length == 0) {
            return false;
        }
        long[] sum = new long[sites];
        int[] arcsAt = new int[sites];
        for (int k = 0; k < holdoverArcs.length; k++) {
            sum[holdoverSites[k]] += network.flow(holdoverArcs[k]);
            arcsAt[holdoverSites[k]]++;
        }
        int storageBase = intervals * (problem.topology.arcCount() + 2 * sites);
        long[] caps = new long[holdoverArcs.length];
        boolean over = false;
        for (int k = 0; k < holdoverArcs.length; k++) {
            int v = holdoverSites[k];
            long room = Math.max(0, capacity[storageBase + v]);
            long flow = network.flow(holdoverArcs[k]);
            if (sum[v] > room) {
                caps[k] = (long) Math.floor((double) flow * room / sum[v]);
                over = true;
            } else {
                caps[k] = flow + (room - sum[v]) / arcsAt[v];
            }
            caps[k] = Math.min(caps[k], network.capacity(holdoverArcs[k]));
        }
        if (over) {
            network.clearFlow();
        }
        for (int k = 0; k < caps.length; k++) {
            network.setCapacity(holdoverArcs[k], over ? Math.min(caps[k], network.capacity(holdoverArcs[k])) : caps[k]);
        }
        return over;
    }

    /** Builds the network of the commodities marked in {@code commodities}. */
    static TimeExpandedNetwork build(
            AggregatedProblem problem,
            double horizon,
            boolean[] commodities,
            long[] units,
            long[] capacity,
            boolean relaxed,
            boolean demandArcsOpen) {
        return new TimeExpandedNetwork(
                problem, horizon, commodities, units, capacity, relaxed, demandArcsOpen, null, null, Long.MAX_VALUE);
    }

    /**
     * Builds the network of the commodities marked in {@code commodities}, every unit absorbed at a
     * destination in interval {@code i} costing {@code arrivalCost[i]} on top of the links' egress costs,
     * every unit of demand {@code d} costing {@code demandCost[d]} more (none if null), and at most
     * {@code entryCapacity} units of a demand entering one source site in one interval.
     */
    static TimeExpandedNetwork build(
            AggregatedProblem problem,
            double horizon,
            boolean[] commodities,
            long[] units,
            long[] capacity,
            long[] arrivalCost,
            long[] demandCost,
            long entryCapacity) {
        return new TimeExpandedNetwork(
                problem, horizon, commodities, units, capacity, false, true, arrivalCost, demandCost, entryCapacity);
    }

    /** Returns demand {@code d}'s flow (0 if it has no demand arc here). */
    long demandFlow(int d) {
        return demandArc[d] >= 0 ? network.flow(demandArc[d]) : 0;
    }

    /** Returns the number of timeline intervals that start before {@code horizon}. */
    static int intervalsBefore(Timeline timeline, double horizon) {
        int n = 0;
        while (n < timeline.intervalCount() && timeline.start(n) < horizon) {
            n++;
        }
        return Math.max(1, n);
    }

    /**
     * Returns the number of nodes of a network of {@code problem} with {@code intervals} intervals:
     * three per site and interval, one storage node per site, one per demand, the source and the sink.
     */
    static long nodeCount(AggregatedProblem problem, int intervals) {
        return (long) intervals * 3 * problem.topology.siteCount()
                + problem.topology.siteCount()
                + problem.demandCount()
                + 2;
    }

    /** Returns the number of resources of a network with {@code intervals} intervals. */
    static int resourceCount(AggregatedProblem problem, int intervals) {
        int sites = problem.topology.siteCount();
        return intervals * (problem.topology.arcCount() + 2 * sites) + sites;
    }

    /**
     * Returns every resource's full capacity in units up to {@code horizon} (infinite horizons give
     * unbounded bandwidth): rounded down, or up when {@code relaxed}.
     */
    static long[] capacities(AggregatedProblem problem, double horizon, boolean relaxed, long unbounded) {
        Timeline timeline = problem.timeline;
        Topology topology = problem.topology;
        int sites = topology.siteCount();
        int arcs = topology.arcCount();
        int intervals = intervalsBefore(timeline, horizon);
        int stride = arcs + 2 * sites;
        long[] capacity = new long[resourceCount(problem, intervals)];
        double unit = problem.unitBytes;
        for (int i = 0; i < intervals; i++) {
            double length = Math.min(timeline.end(i), horizon) - timeline.start(i);
            for (int a = 0; a < arcs; a++) {
                capacity[i * stride + a] = timeline.arcOpen(i, a)
                        ? units(topology.arcBytesPerSecond(a) * length / unit, relaxed, unbounded)
                        : 0;
            }
            for (int v = 0; v < sites; v++) {
                capacity[i * stride + arcs + v] = timeline.ingestOpen(i, v)
                        ? units(topology.site(v).ingest().bytesPerSecond() * length / unit, relaxed, unbounded)
                        : 0;
                capacity[i * stride + arcs + sites + v] =
                        units(topology.site(v).egress().bytesPerSecond() * length / unit, relaxed, unbounded);
            }
        }
        for (int v = 0; v < sites; v++) {
            capacity[intervals * stride + v] = units((double) problem.freeStorage[v] / unit, relaxed, unbounded);
        }
        return capacity;
    }

    private static long units(double value, boolean up, long unbounded) {
        if (!(value < unbounded)) {
            return unbounded;
        }
        return (long) (up ? Math.ceil(value - 1e-9) : Math.floor(value + 1e-9));
    }

    /** Returns the integer egress cost of one unit on arc {@code a}: tenths of a cent per GiB, times 16, plus 1 per hop. */
    static long costUnits(Topology topology, int a) {
        return Math.round(topology.arcLink(a).egressCostPerGiB() * 1000) * 16 + 1;
    }

    int in(int interval, int site) {
        return (interval * sites + site) * 3;
    }

    int core(int interval, int site) {
        return (interval * sites + site) * 3 + 1;
    }

    int out(int interval, int site) {
        return (interval * sites + site) * 3 + 2;
    }

    /** Returns the site of a storage node, or -1 if {@code node} is not one. */
    int storageSite(int node) {
        int base = intervals * 3 * sites;
        return node >= base && node < base + sites ? node - base : -1;
    }

    /** Returns the length of interval {@code i} cut at the horizon, in seconds. */
    double length(int i) {
        return Math.min(problem.timeline.end(i), horizon) - problem.timeline.start(i);
    }

    private void record(int arc, int resource, int topo, int interval) {
        int k = arc >>> 1;
        if (k >= resourceOf.length) {
            int room = Math.max(16, resourceOf.length * 2);
            resourceOf = Arrays.copyOf(resourceOf, room);
            topoOf = Arrays.copyOf(topoOf, room);
            intervalOf = Arrays.copyOf(intervalOf, room);
        }
        resourceOf[k] = resource;
        topoOf[k] = topo;
        intervalOf[k] = interval;
        count = Math.max(count, k + 1);
    }
}
