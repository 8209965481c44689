package dev.residency.plan.internal.solve;

import dev.residency.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * When each stream's batches start once route latencies are laid out ({@link PlanAssembler}'s batch
 * times). The flow on the time-expanded network leaves latency out: a stream's bytes fill its interval
 * at its rate. Each batch, though, waits for its route's latency before its first byte moves, so a
 * stream of {@code n} batches over a route of latency {@code L} ends {@code n L} after its interval, when
 * a stream of the next interval may already use the same link, ingest or egress at a rate that leaves no
 * room for both. So a stream (or an earlier leg of one) starts no earlier than the latest end of the
 * streams of earlier intervals that spilled past their interval on a resource it uses, nor before the
 * previous leg of its own chain ends; its end is then its start plus its bytes at its rate plus {@code n
 * L}. The delays are of the order of the latencies; with none, every start is the flow's own.
 *
 * <p>Conservative: a stream waits even if the spilled stream and it would fit side by side; the latency
 * is what that costs. A window or a hard deadline that a delayed stream then runs into is left to {@link
 * FlowPlanner}'s rounds (window reserves, earlier copy deadline).
 */
final class LatencyLayout {

    private LatencyLayout() {}

    /**
     * Returns per stream {@code k}, the start of each of its earlier legs ({@code [k][j]}, in order) and
     * of its last leg ({@code [k][legs]}), in seconds.
     *
     * @param topology the topology the routes run on
     * @param streams the streams, with their flow starts and earlier legs
     * @param rates each stream's last-leg rate in bytes per second (its earlier legs keep their own)
     * @param batches how many batches each stream is cut into (0 if it moves nothing)
     * @param bytes the bytes each stream moves
     */
    static double[][] starts(Topology topology, List<RouteFlow> streams, double[] rates, int[] batches, long[] bytes) {
        int arcs = topology.arcCount();
        int sites = topology.siteCount();
        double[] busyUntil = new double[arcs + 2 * sites];
        Arrays.fill(busyUntil, Double.NEGATIVE_INFINITY);
        double[][] starts = new double[streams.size()][];
        double[][] ends = new double[streams.size()][];
        // Whether a segment can end past its interval: it has latency or was held back. Only those hold
        // others back, so that a plan without latency keeps the flow's starts bit for bit.
        boolean[][] spills = new boolean[streams.size()][];
        // One segment per leg: {stream, leg index}; taken interval by interval, a leg after the legs before it.
        List<int[]> segments = new ArrayList<>();
        for (int k = 0; k < streams.size(); k++) {
            RouteFlow stream = streams.get(k);
            int legs = stream.earlier().size();
            starts[k] = new double[legs + 1];
            ends[k] = new double[legs + 1];
            spills[k] = new boolean[legs + 1];
            for (int j = 0; j <= legs; j++) {
                starts[k][j] = j < legs ? stream.earlier().get(j).startSeconds() : stream.startSeconds();
                segments.add(new int[] {k, j});
            }
        }
        segments.sort(Comparator.comparingInt((int[] s) -> wave(streams.get(s[0]), s[1]))
                .thenComparingInt(s -> s[1]));
        int from = 0;
        while (from < segments.size()) {
            int wave = wave(streams.get(segments.get(from)[0]), segments.get(from)[1]);
            int to = from;
            while (to < segments.size() && wave(streams.get(segments.get(to)[0]), segments.get(to)[1]) == wave) {
                to++;
            }
            // The streams of one interval run side by side as the flow planned them; only those of earlier
            // intervals (in busyUntil) and the chain's previous leg hold them back.
            for (int s = from; s < to; s++) {
                int k = segments.get(s)[0];
                int j = segments.get(s)[1];
                if (batches[k] == 0) {
                    continue;
                }
                RouteFlow stream = streams.get(k);
                int[] route = arcs(stream, j);
                double start = starts[k][j];
                for (int a : route) {
                    start = Math.max(start, busyUntil[a]);
                    start = Math.max(start, busyUntil[arcs + topology.arcTo(a)]);
                    start = Math.max(start, busyUntil[arcs + sites + topology.arcFrom(a)]);
                }
                if (j > 0 && spills[k][j - 1]) {
                    start = Math.max(start, ends[k][j - 1]);
                }
                double latency = 0;
                for (int a : route) {
                    latency += topology.arcLatencySeconds(a);
                }
                spills[k][j] = latency > 0 || start > starts[k][j];
                starts[k][j] = start;
                double rate =
                        j < stream.earlier().size() ? stream.earlier().get(j).bytesPerSecond() : rates[k];
                ends[k][j] = start + bytes[k] / rate + batches[k] * latency;
            }
            for (int s = from; s < to; s++) {
                int k = segments.get(s)[0];
                int j = segments.get(s)[1];
                if (batches[k] == 0 || !spills[k][j]) {
                    continue;
                }
                for (int a : arcs(streams.get(k), j)) {
                    int[] used = {a, arcs + topology.arcTo(a), arcs + sites + topology.arcFrom(a)};
                    for (int r : used) {
                        busyUntil[r] = Math.max(busyUntil[r], ends[k][j]);
                    }
                }
            }
            from = to;
        }
        return starts;
    }

    private static int wave(RouteFlow stream, int leg) {
        return leg < stream.earlier().size() ? stream.earlier().get(leg).wave() : stream.wave();
    }

    private static int[] arcs(RouteFlow stream, int leg) {
        return leg < stream.earlier().size() ? stream.earlier().get(leg).arcs() : stream.arcs();
    }
}
