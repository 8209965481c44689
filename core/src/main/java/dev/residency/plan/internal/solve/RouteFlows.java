package dev.residency.plan.internal.solve;

import com.google.common.collect.ImmutableList;
import dev.residency.plan.internal.flow.PathDecomposition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the routed time-expanded networks of {@link AggregateSolver} into the streams the assembler cuts
 * batches from: constant-rate flows of one demand along one route in one interval, with the legs before
 * a staging copy where the flow waited at a transit site.
 */
final class RouteFlows {

    private RouteFlows() {}

    /**
     * Returns the streams of {@code routing}, the routed networks of {@code p}: each network's flow
     * decomposed into paths, a path cut into one {@link RouteFlow} per leg where it waits in a staging
     * site's room (holdover arcs), flows of one demand, interval, source, route and destination merged,
     * then consecutive intervals at one rate merged ({@link #mergeLanes}). Adds each demand's routed
     * bytes to {@code routed} (capped at the demand's bytes).
     */
    static ImmutableList<RouteFlow> of(AggregatedProblem p, List<TimeExpandedNetwork> routing, long[] routed) {
        Map<String, RouteFlow> merged = new LinkedHashMap<>();
        int sites = p.topology.siteCount();
        for (TimeExpandedNetwork ten : routing) {
            int count = 0;
            for (int d = 0; d < ten.demandArc.length; d++) {
                if (ten.demandArc[d] >= 0 && ten.demandFlow(d) > 0) {
                    count++;
                }
            }
            int[] starts = new int[count];
            long[] amounts = new long[count];
            int[] demandOf = new int[count];
            count = 0;
            for (int d = 0; d < ten.demandArc.length; d++) {
                if (ten.demandArc[d] >= 0 && ten.demandFlow(d) > 0) {
                    starts[count] = ten.network.head(ten.demandArc[d]);
                    amounts[count] = ten.demandFlow(d);
                    demandOf[count++] = d;
                    routed[d] = Math.min(p.demandBytes[d], routed[d] + ten.demandFlow(d) * p.unitBytes);
                }
            }
            int startIndex = 0;
            List<PathDecomposition.Path> paths = PathDecomposition.decompose(ten.network, starts, amounts, ten.sink);
            for (PathDecomposition.Path path : paths) {
                while (starts[startIndex] != path.start()) {
                    startIndex++;
                }
                int demand = demandOf[startIndex];
                int[] arcs = path.arcs();
                Timeline timeline = ten.problem.timeline;
                long bytes = path.amount() * p.unitBytes;
                // A path through holdover arcs is several legs: link arcs between two holdover arcs
                // run in one interval from a staging copy (or the source) to the next staging site.
                List<int[]> legLinks = new ArrayList<>();
                List<Integer> legSites = new ArrayList<>();
                List<Integer> legIntervals = new ArrayList<>();
                List<Integer> current = new ArrayList<>();
                int interval = ten.arcInterval[arcs[0] >>> 1];
                int source = (ten.network.head(arcs[0]) / 3) % sites;
                legSites.add(source);
                for (int a : arcs) {
                    int topo = ten.arcTopology[a >>> 1];
                    if (topo == TimeExpandedNetwork.HOLDOVER) {
                        // Into the waiting room of a staging site: the leg so far ends there.
                        if (!current.isEmpty()) {
                            legLinks.add(
                                    current.stream().mapToInt(Integer::intValue).toArray());
                            legIntervals.add(interval);
                            legSites.add((ten.network.tail(a) / 3) % sites);
                            current = new ArrayList<>();
                        }
                    } else if (topo >= 0) {
                        if (current.isEmpty()) {
                            interval = ten.arcInterval[a >>> 1];
                        }
                        current.add(topo);
                    }
                }
                int destination = ten.storageSite(ten.network.head(arcs[arcs.length - 2]));
                int[] links = current.stream().mapToInt(Integer::intValue).toArray();
                ImmutableList.Builder<RouteFlow.Leg> earlier = ImmutableList.builder();
                StringBuilder key = new StringBuilder();
                key.append(demand).append('/');
                for (int k = 0; k < legLinks.size(); k++) {
                    int i = legIntervals.get(k);
                    earlier.add(new RouteFlow.Leg(
                            i,
                            timeline.start(i),
                            legSites.get(k),
                            legSites.get(k + 1),
                            legLinks.get(k),
                            bytes / ten.length(i)));
                    key.append(i)
                            .append('/')
                            .append(legSites.get(k))
                            .append('/')
                            .append(Arrays.toString(legLinks.get(k)))
                            .append('>');
                }
                int from = legSites.get(legSites.size() - 1);
                key.append(interval)
                        .append('/')
                        .append(from)
                        .append('/')
                        .append(destination)
                        .append('/')
                        .append(Arrays.toString(links));
                double length = ten.length(interval);
                boolean staged = !legLinks.isEmpty();
                boolean strict = staged
                        || interval + 1 < timeline.intervalCount()
                        || p.problem.options().hardDeadline();
                RouteFlow old = merged.get(key.toString());
                ImmutableList<RouteFlow.Leg> legs = earlier.build();
                if (old != null) {
                    bytes += old.quotaBytes();
                    long sum = bytes;
                    legs = old.earlier().stream()
                            .map(l -> new RouteFlow.Leg(
                                    l.wave(),
                                    l.startSeconds(),
                                    l.source(),
                                    l.destination(),
                                    l.arcs(),
                                    sum / ten.length(l.wave())))
                            .collect(ImmutableList.toImmutableList());
                }
                merged.put(
                        key.toString(),
                        new RouteFlow(
                                demand,
                                interval,
                                timeline.start(interval),
                                from,
                                destination,
                                links,
                                bytes,
                                bytes / length,
                                strict,
                                legs));
            }
        }
        return mergeLanes(new ArrayList<>(merged.values()));
    }

    /**
     * Merges the streams of one demand, source, route and destination in consecutive intervals at
     * the same rate into one (exact: the same rate over the union of the intervals), so that whole
     * records fill them more easily. Streams of the last interval stay apart, since the assembler
     * re-times them together.
     */
    private static ImmutableList<RouteFlow> mergeLanes(List<RouteFlow> streams) {
        streams.sort(Comparator.comparingInt(RouteFlow::demand)
                .thenComparingInt(RouteFlow::source)
                .thenComparingInt(RouteFlow::destination)
                .thenComparing(RouteFlow::arcs, Arrays::compare)
                .thenComparingInt(RouteFlow::wave));
        List<RouteFlow> out = new ArrayList<>();
        int[] lastWave = new int[streams.size()];
        for (RouteFlow stream : streams) {
            RouteFlow previous = out.isEmpty() ? null : out.get(out.size() - 1);
            int k = out.size() - 1;
            if (previous != null
                    && previous.strict()
                    && stream.strict()
                    && previous.earlier().isEmpty()
                    && stream.earlier().isEmpty()
                    && previous.demand() == stream.demand()
                    && previous.source() == stream.source()
                    && previous.destination() == stream.destination()
                    && Arrays.equals(previous.arcs(), stream.arcs())
                    && lastWave[k] + 1 == stream.wave()
                    && Math.abs(previous.bytesPerSecond() - stream.bytesPerSecond())
                            <= 1e-9 * stream.bytesPerSecond()) {
                out.set(
                        k,
                        new RouteFlow(
                                previous.demand(),
                                previous.wave(),
                                previous.startSeconds(),
                                previous.source(),
                                previous.destination(),
                                previous.arcs(),
                                previous.quotaBytes() + stream.quotaBytes(),
                                Math.min(previous.bytesPerSecond(), stream.bytesPerSecond()),
                                true));
                lastWave[k] = stream.wave();
            } else {
                out.add(stream);
                lastWave[out.size() - 1] = stream.wave();
            }
        }
        return ImmutableList.copyOf(out);
    }
}
