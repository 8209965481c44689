package dev.residency.plan.internal.solve;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.Planner;
import dev.residency.plan.PlanningProblem;
import dev.residency.topology.Route;
import dev.residency.topology.Routing;
import dev.residency.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The baseline: each demand goes from its first violating copy that reaches an allowed site to the
 * nearest allowed site (least latency) with free storage, spilling to the next nearest when full,
 * over the widest single path, demands by keep priority (highest first); all streams start together once every capacity change has passed (the
 * last interval start) and share capacities max-min fairly, computed once by progressive filling
 * (Bertsekas and Gallager, "Data Networks", 1992, section 6.5.2) over link arcs, site ingest and site
 * egress, each stream keeping its share to the end. Registered as "greedy". Stateless and
 * thread-safe.
 */
public final class GreedyPlanner implements Planner {

    /** The registry name. */
    public static final String NAME = "greedy";

    /** Creates the planner. */
    public GreedyPlanner() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MigrationPlan plan(PlanningProblem problem) {
        AggregatedProblem p = AggregatedProblem.of(checkNotNull(problem, "problem"));
        Topology topology = p.topology;
        Routing routing = new Routing(topology);
        int demands = p.demandCount();
        long[] free = p.freeStorage.clone();
        DeletionReason[] shortfall = new DeletionReason[demands];
        List<int[]> routes = new ArrayList<>();
        List<long[]> quotas = new ArrayList<>();
        double start = p.timeline.start(p.timeline.intervalCount() - 1);
        // Demands by keep priority, highest first, so that short storage saves the higher class whatever
        // the order of the store's rows.
        int[] byPriority = java.util.stream.IntStream.range(0, demands)
                .boxed()
                .sorted((a, b) -> a.equals(b)
                        ? 0
                        : p.demandPriority[a] != p.demandPriority[b]
                                ? Integer.compare(p.demandPriority[b], p.demandPriority[a])
                                : Integer.compare(a, b))
                .mapToInt(Integer::intValue)
                .toArray();
        for (int d : byPriority) {
            boolean[] dest = p.commodityDest[p.demandCommodity[d]];
            boolean[] pass = p.commodityPass[p.demandCommodity[d]];
            long left = p.demandBytes[d];
            boolean reached = false;
            for (int source : p.demandSources[d]) {
                List<double[]> byLatency = new ArrayList<>();
                for (int v = 0; v < topology.siteCount(); v++) {
                    if (dest[v]) {
                        Optional<Route> nearest = routing.lowestLatency(source, v, site -> pass[site]);
                        if (nearest.isPresent()) {
                            byLatency.add(new double[] {nearest.get().latencySeconds(topology), v});
                        }
                    }
                }
                if (byLatency.isEmpty()) {
                    continue;
                }
                reached = true;
                byLatency.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
                for (double[] candidate : byLatency) {
                    int v = (int) candidate[1];
                    long take = Math.min(left, free[v]);
                    if (take <= 0) {
                        continue;
                    }
                    Route route = routing.widest(source, v, site -> pass[site]).orElseThrow();
                    routes.add(route.arcs().toArray());
                    quotas.add(new long[] {d, source, v, take});
                    free[v] -= take;
                    left -= take;
                    if (left == 0) {
                        break;
                    }
                }
                break;
            }
            if (left > 0) {
                shortfall[d] = reached ? DeletionReason.NO_STORAGE : DeletionReason.NO_ROUTE;
            }
        }
        double[] rates = fairShares(p, routes, quotas);
        List<RouteFlow> streams = new ArrayList<>();
        for (int k = 0; k < routes.size(); k++) {
            long[] q = quotas.get(k);
            streams.add(
                    new RouteFlow((int) q[0], 0, start, (int) q[1], (int) q[2], routes.get(k), q[3], rates[k], false));
        }
        return PlanAssembler.assemble(
                        p,
                        ImmutableList.copyOf(streams),
                        shortfall,
                        NAME,
                        "greedy: nearest allowed site by latency, widest single path, max-min fair rates",
                        false,
                        AggregateSolver.copyDeadlineSeconds(problem))
                .bounded();
    }

    /** Returns each stream's max-min fair rate over link arcs, site ingest and site egress. */
    private static double[] fairShares(AggregatedProblem p, List<int[]> routes, List<long[]> quotas) {
        Topology topology = p.topology;
        int sites = topology.siteCount();
        int arcs = topology.arcCount();
        double[] capacity = new double[arcs + 2 * sites];
        for (int a = 0; a < arcs; a++) {
            capacity[a] = topology.arcBytesPerSecond(a);
        }
        for (int v = 0; v < sites; v++) {
            capacity[arcs + v] = topology.site(v).ingest().bytesPerSecond();
            capacity[arcs + sites + v] = topology.site(v).egress().bytesPerSecond();
        }
        int streams = routes.size();
        int[][] uses = new int[streams][];
        for (int k = 0; k < streams; k++) {
            int[] route = routes.get(k);
            int[] used = new int[route.length * 3];
            int n = 0;
            for (int a : route) {
                used[n++] = a;
                used[n++] = arcs + sites + topology.arcFrom(a);
                used[n++] = arcs + topology.arcTo(a);
            }
            uses[k] = Arrays.copyOf(used, n);
        }
        double[] rate = new double[streams];
        boolean[] frozen = new boolean[streams];
        double[] left = capacity.clone();
        int active = streams;
        while (active > 0) {
            int[] users = new int[capacity.length];
            for (int k = 0; k < streams; k++) {
                if (!frozen[k]) {
                    for (int r : uses[k]) {
                        users[r]++;
                    }
                }
            }
            double step = Double.POSITIVE_INFINITY;
            for (int r = 0; r < capacity.length; r++) {
                if (users[r] > 0) {
                    step = Math.min(step, left[r] / users[r]);
                }
            }
            for (int k = 0; k < streams; k++) {
                if (!frozen[k]) {
                    rate[k] += step;
                    for (int r : uses[k]) {
                        left[r] -= step;
                    }
                }
            }
            for (int k = 0; k < streams; k++) {
                if (!frozen[k]) {
                    for (int r : uses[k]) {
                        if (left[r] <= capacity[r] * 1e-12) {
                            frozen[k] = true;
                            active--;
                            break;
                        }
                    }
                }
            }
        }
        // Leave a relative margin so that summed shares never exceed a capacity by rounding.
        for (int k = 0; k < streams; k++) {
            rate[k] *= 1 - 1e-9;
        }
        return rate;
    }
}
