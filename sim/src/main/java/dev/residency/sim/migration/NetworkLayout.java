package dev.residency.sim.migration;

import dev.residency.plan.TransferBatch;
import dev.residency.sim.engine.Simulator;
import dev.residency.sim.network.FlowNetwork;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a migration maps onto the flow network. Arcs {@code 0 … A-1} are the topology's; then one
 * virtual arc per site for its egress limit, one per site for its ingest limit, and one per plan
 * stream (batches of one wave, source, destination and route that the plan runs back to back; several
 * such sequences may share those four and run side by side) whose capacity paces the stream's batches
 * at the plan's rate. A batch's paced route is pace → source egress →
 * links → destination ingest; retransfers and catch-up copies take the same route without the pace
 * arc, so they get whatever max-min fair share is left (the catch-up of a leg that continues a staging
 * copy runs from its chain's first source over every leg's links). A failed site is modelled by failing its two
 * virtual arcs and its links, which stalls every transfer into, out of or through it.
 */
final class NetworkLayout {

    /** The capacity of a pace arc that does not limit its stream, in bytes per second. */
    private static final double UNPACED = 1e18;

    private final Topology topology;
    private final int arcs;
    private final int sites;
    private final int[] streamOf;
    private final int[] previous;
    private final int[] next;
    private final int[][] pacedRoutes;
    private final int[][] unpacedRoutes;
    private final double[] costPerByte;
    private final double[] bottleneck;
    private final double[] transferSeconds;
    private final int[][] catchUpRoutes;
    private final double[] catchUpCostPerByte;
    private final double[] catchUpBottleneck;
    private final int[] usedArcs;
    private final int streams;

    NetworkLayout(MigrationSetup setup) {
        this.topology = setup.topology();
        this.arcs = topology.arcCount();
        this.sites = topology.siteCount();
        List<TransferBatch> batches = setup.plan().batches();
        int n = batches.size();
        streamOf = new int[n];
        previous = new int[n];
        next = new int[n];
        Arrays.fill(previous, -1);
        Arrays.fill(next, -1);
        Map<String, List<Integer>> byStream = new LinkedHashMap<>();
        for (TransferBatch b : batches) {
            String key = b.wave() + "/" + b.source() + "/" + b.destination() + "/"
                    + b.route().arcs();
            byStream.computeIfAbsent(key, k -> new ArrayList<>()).add(b.id());
        }
        int s = 0;
        for (List<Integer> members : byStream.values()) {
            members.sort(
                    Comparator.comparingDouble((Integer b) -> batches.get(b).plannedStartSeconds())
                            .thenComparingInt(b -> b));
            // The planner may run several sequences of batches with the same key side by side (one per
            // demand it routes that way), so a key's batches are split into lanes by interval
            // partitioning: each batch follows the lane whose last batch ended latest but no later than
            // its start; a lane is one stream, with its own pace arc.
            List<Integer> laneLast = new ArrayList<>();
            List<Integer> laneStream = new ArrayList<>();
            for (int b : members) {
                double start = batches.get(b).plannedStartSeconds();
                double slack = 1e-9 * Math.max(1, Math.abs(start));
                int best = -1;
                for (int lane = 0; lane < laneLast.size(); lane++) {
                    double end = batches.get(laneLast.get(lane)).plannedEndSeconds();
                    if (end <= start + slack
                            && (best < 0
                                    || end > batches.get(laneLast.get(best)).plannedEndSeconds())) {
                        best = lane;
                    }
                }
                if (best < 0) {
                    laneLast.add(b);
                    laneStream.add(s++);
                    streamOf[b] = laneStream.get(laneStream.size() - 1);
                } else {
                    int last = laneLast.get(best);
                    previous[b] = last;
                    next[last] = b;
                    streamOf[b] = laneStream.get(best);
                    laneLast.set(best, b);
                }
            }
        }
        streams = s;
        pacedRoutes = new int[n][];
        unpacedRoutes = new int[n][];
        costPerByte = new double[n];
        bottleneck = new double[n];
        transferSeconds = new double[n];
        boolean[] used = new boolean[arcs];
        for (TransferBatch b : batches) {
            // The planned interval covers the route's latency, which the network waits before the first
            // byte moves: the bytes themselves take the rest.
            transferSeconds[b.id()] =
                    b.plannedEndSeconds() - b.plannedStartSeconds() - b.route().latencySeconds(topology);
            int hops = b.route().hops();
            int[] unpaced = new int[hops + 2];
            unpaced[0] = egressArc(b.source());
            double narrowest = Math.min(
                    topology.site(b.source()).egress().bytesPerSecond(),
                    topology.site(b.destination()).ingest().bytesPerSecond());
            for (int k = 0; k < hops; k++) {
                int arc = b.route().arcs().get(k);
                unpaced[k + 1] = arc;
                used[arc] = true;
                narrowest = Math.min(narrowest, topology.arcBytesPerSecond(arc));
            }
            unpaced[hops + 1] = ingestArc(b.destination());
            int[] paced = new int[hops + 3];
            paced[0] = paceArc(streamOf[b.id()]);
            System.arraycopy(unpaced, 0, paced, 1, unpaced.length);
            unpacedRoutes[b.id()] = unpaced;
            pacedRoutes[b.id()] = paced;
            costPerByte[b.id()] = b.route().costPerByte(topology);
            bottleneck[b.id()] = narrowest;
        }
        usedArcs =
                java.util.stream.IntStream.range(0, arcs).filter(a -> used[a]).toArray();
        catchUpRoutes = new int[n][];
        catchUpCostPerByte = new double[n];
        catchUpBottleneck = new double[n];
        for (TransferBatch b : batches) {
            int id = b.id();
            if (!b.continuesLeg()) {
                catchUpRoutes[id] = unpacedRoutes[id];
                catchUpCostPerByte[id] = costPerByte[id];
                catchUpBottleneck[id] = bottleneck[id];
                continue;
            }
            // Live writes reach the chain's first source: they travel every leg's links to the last
            // destination, through the staging sites without stopping there.
            List<Integer> route = new ArrayList<>();
            route.add(egressArc(setup.origin(id)));
            double cost = 0;
            double narrowest = Double.POSITIVE_INFINITY;
            List<TransferBatch> legs =
                    new ArrayList<>(setup.plan().legsBefore(b).reverse());
            legs.add(b);
            for (TransferBatch l : legs) {
                for (int k = 0; k < l.route().hops(); k++) {
                    int arc = l.route().arcs().get(k);
                    route.add(arc);
                    narrowest = Math.min(narrowest, topology.arcBytesPerSecond(arc));
                }
                cost += costPerByte[l.id()];
            }
            route.add(ingestArc(b.destination()));
            catchUpRoutes[id] = route.stream().mapToInt(Integer::intValue).toArray();
            catchUpCostPerByte[id] = cost;
            catchUpBottleneck[id] = Math.min(
                    narrowest,
                    Math.min(
                            topology.site(setup.origin(id)).egress().bytesPerSecond(),
                            topology.site(b.destination()).ingest().bytesPerSecond()));
        }
    }

    /** Builds the network on {@code sim}: topology arcs with their latencies, site limits, pace arcs. */
    FlowNetwork build(Simulator<?> sim) {
        int total = arcs + 2 * sites + streams;
        double[] capacity = new double[total];
        double[] latency = new double[total];
        for (int a = 0; a < arcs; a++) {
            capacity[a] = topology.arcBytesPerSecond(a);
            latency[a] = topology.arcLatencySeconds(a);
        }
        for (int site = 0; site < sites; site++) {
            DataCenter dc = topology.site(site);
            capacity[egressArc(site)] = dc.egress().bytesPerSecond();
            capacity[ingestArc(site)] = dc.ingest().bytesPerSecond();
        }
        for (int s = 0; s < streams; s++) {
            // Unpaced until a batch of the stream starts and sets its rate.
            capacity[paceArc(s)] = UNPACED;
        }
        return FlowNetwork.builder(sim, capacity).latencies(latency).build();
    }

    private int egressArc(int site) {
        return arcs + site;
    }

    private int ingestArc(int site) {
        return arcs + sites + site;
    }

    private int paceArc(int stream) {
        return arcs + 2 * sites + stream;
    }

    /**
     * Sets the pace of batch {@code b}'s stream so that its bytes take its planned interval less its
     * route's latency (a batch's planned interval covers the latency before its first byte, see {@link
     * TransferBatch}); unpaced if that leaves no time.
     */
    void pace(FlowNetwork network, TransferBatch b) {
        double seconds = transferSeconds[b.id()];
        double rate = seconds > 0 && b.bytes() > 0 ? b.bytes() / seconds : UNPACED;
        network.setArcCapacity(paceArc(streamOf[b.id()]), rate);
    }

    int[] pacedRoute(int b) {
        return pacedRoutes[b];
    }

    int[] unpacedRoute(int b) {
        return unpacedRoutes[b];
    }

    /**
     * Returns the route of batch {@code b}'s catch-up copies, unpaced: its own route, or for a leg that
     * continues a staging copy, from its chain's first source along every leg's links (the live writes
     * are at that source, not in the staging copy).
     */
    int[] catchUpRoute(int b) {
        return catchUpRoutes[b];
    }

    /** Returns the egress price per byte of batch {@code b}'s catch-up copies (every leg's links). */
    double catchUpCostPerByte(int b) {
        return catchUpCostPerByte[b];
    }

    /** Returns the smallest capacity on batch {@code b}'s catch-up route, in bytes per second. */
    double catchUpBottleneck(int b) {
        return catchUpBottleneck[b];
    }

    int previousInStream(int b) {
        return previous[b];
    }

    int nextInStream(int b) {
        return next[b];
    }

    double costPerByte(int b) {
        return costPerByte[b];
    }

    /** Returns the smallest capacity on batch {@code b}'s unpaced route, in bytes per second. */
    double bottleneck(int b) {
        return bottleneck[b];
    }

    /** Fails or repairs a site: its egress and ingest arcs. */
    void setSiteUp(FlowNetwork network, int site, boolean up) {
        // Its egress and ingest arcs stall transfers that start or end there; its links stall those
        // passing through. Failures nest in the network, so a link that is also down stays down.
        int[] arcsOfSite = new int[2 + 2 * topology.outDegree(site)];
        arcsOfSite[0] = egressArc(site);
        arcsOfSite[1] = ingestArc(site);
        for (int k = 0; k < topology.outDegree(site); k++) {
            int arc = topology.outArc(site, k);
            arcsOfSite[2 + 2 * k] = arc;
            arcsOfSite[3 + 2 * k] = Topology.reverseArc(arc);
        }
        for (int arc : arcsOfSite) {
            if (up) {
                network.repairArc(arc);
            } else {
                network.failArc(arc);
            }
        }
    }

    /** Returns the mean utilisation of the topology arcs that some batch's route uses. */
    double meanUtilisation(FlowNetwork network) {
        if (usedArcs.length == 0) {
            return 0;
        }
        double sum = 0;
        for (int arc : usedArcs) {
            sum += network.arcUtilisation(arc);
        }
        return sum / usedArcs.length;
    }
}
