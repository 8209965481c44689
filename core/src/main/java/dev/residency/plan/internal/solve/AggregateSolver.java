package dev.residency.plan.internal.solve;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.internal.flow.MaxFlow;
import dev.residency.plan.internal.flow.MinCostFlow;
import dev.residency.plan.internal.flow.ResidualNetwork;
import dev.residency.units.Durations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Solves an {@link AggregatedProblem} on its {@link TimeExpandedNetwork}, objectives in order:
 *
 * <ol>
 *   <li>Route what can be routed at all (infinite time): storage and reachability limits, keep priority
 *       first; the rest is deleted for {@link DeletionReason#NO_ROUTE} or {@link
 *       DeletionReason#NO_STORAGE}. Under a hard deadline, route the most by the deadline, higher
 *       keep priority first (lexicographic: priority classes are enabled one after another on the same
 *       network and max-flow continues from the previous flow, which never takes flow back from the
 *       source); the rest is deleted for {@link DeletionReason#DEADLINE}.
 *   <li>Least makespan: the smallest horizon at which the routed bytes fit, found by scanning the
 *       interval starts and then bisecting (relative precision 10^-7) with a max-flow per probe. It bounds
 *       the next step and is reported with its lower bound.
 *   <li>Least violation-time integral, then least egress: every unit arriving as early as it can, by a
 *       min-cost flow whose cost is the arrival time on the network refined to at most {@value
 *       #MAX_SLOTS} uniform slots up to that horizon, plus fine slots after every timeline event
 *       ({@link ArrivalGrid}) (see {@code earliestArrival}); if whole records would keep
 *       less by priority on its streams than on the least-makespan routing (least egress by min-cost
 *       flow at that horizon), the planner keeps the latter.
 * </ol>
 *
 * <p><b>Several commodities</b> (different allowed sets or pass-through sets competing for links): the
 * horizon search and the deadline's lexicographic routing use a documented decomposition: commodities
 * are routed one after another on the residual capacities, the most constrained first (largest
 * single-commodity bound); a commodity that does not fit is moved to the front and the probe retried.
 * This is exact for one commodity; its makespan gap to the multi-commodity LP optimum is measured in
 * {@code MultiCommodityGapTest}. The earliest-arrival routing (step 3) is exact where the joint LP
 * has at most {@value MultiCommodityLp#MAX_VARIABLES} variables and {@value
 * MultiCommodityLp#MAX_CONSTRAINTS} constraints ({@link MultiCommodityLp}: the simplex's time there is
 * about a second on the build machine, {@code docs/planner-lp.md}); beyond, the decomposition, and the
 * method says "gap to LP unknown" ({@code MultiCommodityAreaGapTest} measures that gap). The lower
 * bound stays sound whatever the decomposition does ({@link MakespanBound}): relaxations, or the LP
 * optimum itself where the aggregate is small and static.
 *
 * <p>Stateless and thread-safe.
 */
final class AggregateSolver {

    private static final Logger LOG = LoggerFactory.getLogger(AggregateSolver.class);

    /** The most time slots of the earliest-arrival network; the grid is the time step times a whole factor. */
    static final int MAX_SLOTS = 256;

    /** The fewest records' worth of rounding room each demand may get in the earliest-arrival solve (else one per slot). */
    static final long SLACK_RECORDS = 16;

    /** The method's suffix when the earliest-arrival solve made the streams. */
    static final String EARLIEST_ARRIVAL = " + earliest arrival (min-cost flow, cost = arrival time, then egress)";

    /** The method's suffix when the least-makespan routing made them. */
    static final String LEAST_EGRESS = " + least egress at the least makespan (min-cost flow)";

    private AggregateSolver() {}

    /** Solves {@code problem}; under a hard deadline every copy ends by the deadline less the finish time of a batch. */
    public static FlowSolution solve(AggregatedProblem problem) {
        return solve(problem, copyDeadlineSeconds(checkNotNull(problem, "problem").problem));
    }

    /**
     * Solves {@code problem}; under a hard deadline every copy ends by {@code copyDeadlineSeconds} (the
     * deadline less the time batches need after their copy to count as moved).
     */
    static FlowSolution solve(AggregatedProblem problem, double copyDeadlineSeconds) {
        return solve(problem, copyDeadlineSeconds, MinCostFlow::solve);
    }

    /**
     * Solves as {@link #solve(AggregatedProblem, double)} does with {@code minCostFlow} as the min-cost
     * flow solver (it must leave a minimum-cost flow meeting the supplies on the network); tests pass
     * solvers that pick other optima among equal-cost flows.
     */
    static FlowSolution solve(
            AggregatedProblem problem, double copyDeadlineSeconds, Consumer<ResidualNetwork> minCostFlow) {
        return solve(problem, copyDeadlineSeconds, minCostFlow, true);
    }

    /**
     * Solves as {@link #solve(AggregatedProblem, double, Consumer)} does; with {@code exactLp} false,
     * several commodities always take the sequential decomposition (the gap tests compare the two).
     */
    static FlowSolution solve(
            AggregatedProblem problem,
            double copyDeadlineSeconds,
            Consumer<ResidualNetwork> minCostFlow,
            boolean exactLp) {
        return solve(problem, copyDeadlineSeconds, minCostFlow, exactLp ? MultiCommodityLp.MAX_VARIABLES : 0);
    }

    /**
     * Solves as {@link #solve(AggregatedProblem, double, Consumer, boolean)} does, taking the exact LP only
     * up to {@code lpMaxVariables} variables (at most {@link MultiCommodityLp#MAX_VARIABLES}; 0: never):
     * the property tests keep the simplex to small LPs, the LP's own tests take it up to its limit.
     */
    static FlowSolution solve(
            AggregatedProblem problem,
            double copyDeadlineSeconds,
            Consumer<ResidualNetwork> minCostFlow,
            int lpMaxVariables) {
        Run run = new Run(
                checkNotNull(problem, "problem"),
                copyDeadlineSeconds,
                checkNotNull(minCostFlow, "minCostFlow"),
                lpMaxVariables > 0);
        run.lpMaxVariables = Math.min(lpMaxVariables, MultiCommodityLp.MAX_VARIABLES);
        return run.solve();
    }

    /**
     * Returns the first estimate of when copies must end under a hard deadline: the deadline less the
     * verification and cut-over of one batch of the target size ({@link PlanOptions#finishSeconds});
     * infinite without a hard deadline.
     */
    static double copyDeadlineSeconds(PlanningProblem problem) {
        PlanOptions options = problem.options();
        if (!options.hardDeadline()) {
            return Double.POSITIVE_INFINITY;
        }
        double deadline = Durations.seconds(options.deadline().orElseThrow());
        return Math.max(0, deadline - options.finishSeconds(options.targetBatchBytes()));
    }

    /** One solve; holds the commodity order the sequential decomposition learns. */
    private static final class Run {
        final AggregatedProblem p;
        final double copyDeadline;
        final Consumer<ResidualNetwork> minCostFlow;
        final int commodities;
        final boolean exactLp;
        /** The most variables of an LP the simplex takes. */
        int lpMaxVariables = MultiCommodityLp.MAX_VARIABLES;

        int[] order;
        List<TimeExpandedNetwork> lexicographicNetworks = List.of();
        /** The real units' cost on the earliest-arrival network of the routing kept (NaN if none). */
        double modelCost = Double.NaN;
        /** The real units' bytes times their arrival slot's midpoint on that network, in byte-seconds. */
        double modelArea = Double.NaN;
        /** The multi-commodity LP's optimum on that network (NaN if it was not solved). */
        double lpCost = Double.NaN;
        /** How the earliest-arrival routing of several commodities was made, for the method; empty for one. */
        String arrivalStatus = "";
        /** The horizon of the earliest-arrival network the routing kept, NaN if none. */
        double arrivalHorizon = Double.NaN;
        /**
         * The decomposition's earliest-arrival routing on the network where the exact LP routed (null if the
         * LP did not): the planner assembles both and keeps the better plan ({@code docs/planner-lp.md}).
         */
        List<TimeExpandedNetwork> decompositionRouting;
        /** Each commodity's single-commodity makespan bound (empty for one commodity): the fine runs' targets. */
        double[] commodityBounds = new double[0];

        Run(AggregatedProblem p, double copyDeadline, Consumer<ResidualNetwork> minCostFlow, boolean exactLp) {
            this.p = p;
            this.copyDeadline = copyDeadline;
            this.minCostFlow = minCostFlow;
            this.commodities = p.commodityCount();
            this.exactLp = exactLp;
        }

        FlowSolution solve() {
            int demands = p.demandCount();
            if (demands == 0) {
                return new FlowSolution(
                        0,
                        new long[0],
                        new DeletionReason[0],
                        ImmutableList.of(),
                        ImmutableList.of(),
                        ImmutableList.of(),
                        "nothing to move",
                        "",
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN);
            }
            long[] want = new long[demands];
            for (int d = 0; d < demands; d++) {
                want[d] = (p.demandBytes[d] + p.unitBytes - 1) / p.unitBytes;
            }
            order = new int[commodities];
            Arrays.setAll(order, j -> j);
            DeletionReason[] shortfall = new DeletionReason[demands];
            long[] amounts = lexicographic(Double.POSITIVE_INFINITY, want);
            order = initialOrder(amounts);
            for (int d = 0; d < demands; d++) {
                if (amounts[d] < want[d]) {
                    shortfall[d] = p.demandReachable[d] ? DeletionReason.NO_STORAGE : DeletionReason.NO_ROUTE;
                }
            }
            PlanOptions options = p.problem.options();
            double upper = Double.POSITIVE_INFINITY;
            List<TimeExpandedNetwork> atDeadline = null;
            if (options.hardDeadline()) {
                upper = copyDeadline;
                atDeadline = route(upper, amounts, false);
                if (atDeadline == null) {
                    long[] reduced = lexicographic(upper, amounts);
                    for (int d = 0; d < demands; d++) {
                        if (reduced[d] < amounts[d]) {
                            shortfall[d] = DeletionReason.DEADLINE;
                        }
                    }
                    amounts = reduced;
                    atDeadline = route(upper, amounts, false);
                    if (atDeadline == null) {
                        atDeadline = lexicographicNetworks;
                    }
                }
            }
            long need = Arrays.stream(amounts).sum();
            boolean earliest = true;
            ImmutableList<RouteFlow> fallback = ImmutableList.of();
            double horizon = 0;
            List<TimeExpandedNetwork> routing = List.of();
            if (need > 0) {
                long[] fixed = amounts;
                // The sequential probe need not be monotone, so keep the best routing it found.
                double[] bestHorizon = {Double.POSITIVE_INFINITY};
                List<List<TimeExpandedNetwork>> best = new ArrayList<>(List.of(List.of()));
                int[][] bestOrder = {order.clone()};
                HorizonSearch.Probe probe = h -> {
                    List<TimeExpandedNetwork> networks = route(h, fixed, false);
                    if (networks != null && h <= bestHorizon[0]) {
                        bestHorizon[0] = h;
                        best.set(0, networks);
                        bestOrder[0] = order.clone();
                    }
                    return networks != null;
                };
                HorizonSearch.search(p, probe, upper, HorizonSearch.initialLength(p, need));
                if (bestHorizon[0] < Double.POSITIVE_INFINITY) {
                    horizon = bestHorizon[0];
                    order = bestOrder[0];
                } else {
                    // Only a hard deadline gets here: the deadline itself was the first horizon that fit.
                    horizon = upper;
                }
                routing = earliestArrival(horizon, amounts, upper);
                if (routing != null) {
                    // Whole records may not fill the fine slots' quotas; keep the makespan routing as a
                    // fallback the planner uses if it moves more.
                    List<TimeExpandedNetwork> coarse =
                            bestHorizon[0] < Double.POSITIVE_INFINITY ? route(horizon, amounts, true) : atDeadline;
                    if (coarse != null) {
                        fallback = RouteFlows.of(p, coarse, new long[demands]);
                    }
                }
                if (routing == null) {
                    earliest = false;
                    modelCost = Double.NaN;
                    modelArea = Double.NaN;
                    lpCost = Double.NaN;
                    arrivalHorizon = Double.NaN;
                    // arrivalStatus stays: "gap to LP unknown" holds for this routing too.
                    routing = bestHorizon[0] < Double.POSITIVE_INFINITY ? route(horizon, amounts, true) : null;
                    if (routing == null) {
                        routing = bestHorizon[0] < Double.POSITIVE_INFINITY ? best.get(0) : atDeadline;
                    }
                }
            }
            long[] routed = new long[demands];
            ImmutableList<RouteFlow> streams = RouteFlows.of(p, routing, routed);
            ImmutableList<RouteFlow> decomposition = earliest && decompositionRouting != null
                    ? RouteFlows.of(p, decompositionRouting, new long[demands])
                    : ImmutableList.of();
            String objective = earliest ? EARLIEST_ARRIVAL : LEAST_EGRESS;
            String method = (commodities <= 1
                            ? "exact: single-commodity max-flow (Dinic) horizon search"
                            : "sequential decomposition over " + commodities
                                    + " commodities (max-flow per commodity on residual capacities)")
                    + objective
                    + arrivalStatus;
            return new FlowSolution(
                    horizon,
                    routed,
                    shortfall,
                    streams,
                    fallback,
                    decomposition,
                    method,
                    arrivalStatus,
                    modelCost,
                    modelArea,
                    lpCost,
                    arrivalHorizon);
        }

        private int[] initialOrder(long[] want) {
            int[] ids = new int[commodities];
            double[] bound = new double[commodities];
            for (int j = 0; j < commodities; j++) {
                ids[j] = j;
                if (commodities > 1) {
                    boolean[] one = new boolean[commodities];
                    one[j] = true;
                    bound[j] = MakespanBound.relaxedHorizon(p, one, want);
                }
            }
            commodityBounds = commodities > 1 ? bound : new double[0];
            return Arrays.stream(ids)
                    .boxed()
                    .sorted((a, b) -> Double.compare(bound[b], bound[a]))
                    .mapToInt(Integer::intValue)
                    .toArray();
        }

        /** Routes the demands by priority class, highest first; returns the units routed per demand. */
        private long[] lexicographic(double horizon, long[] want) {
            int demands = want.length;
            long[] routed = new long[demands];
            TreeSet<Integer> classes = new TreeSet<>();
            for (int d = 0; d < demands; d++) {
                classes.add(p.demandPriority[d]);
            }
            long total = Arrays.stream(want).sum() + 1;
            long[] capacity = TimeExpandedNetwork.capacities(p, horizon, false, total);
            if (commodities <= 1) {
                boolean[] all = new boolean[Math.max(1, commodities)];
                Arrays.fill(all, true);
                TimeExpandedNetwork ten = TimeExpandedNetwork.build(p, horizon, all, want, capacity, false, false);
                for (int round = 0; round < 2; round++) {
                    for (int priority : classes.descendingSet()) {
                        for (int d = 0; d < demands; d++) {
                            if (p.demandPriority[d] == priority && ten.demandArc[d] >= 0) {
                                ten.network.setCapacity(ten.demandArc[d], want[d]);
                            }
                        }
                        MaxFlow.augment(ten.network, ten.source, ten.sink);
                    }
                    if (round > 0 || !ten.limitStaging(capacity)) {
                        break;
                    }
                    // The staging went beyond a site's storage: route the classes again on the capped arcs.
                    for (int d = 0; d < demands; d++) {
                        if (ten.demandArc[d] >= 0) {
                            ten.network.setCapacity(ten.demandArc[d], 0);
                        }
                    }
                }
                for (int d = 0; d < demands; d++) {
                    routed[d] = ten.demandArc[d] >= 0 ? ten.network.flow(ten.demandArc[d]) : 0;
                }
                lexicographicNetworks = List.of(ten);
                return routed;
            }
            List<TimeExpandedNetwork> networks = new ArrayList<>();
            for (int priority : classes.descendingSet()) {
                for (int j : order) {
                    long[] units = new long[demands];
                    for (int d = 0; d < demands; d++) {
                        if (p.demandPriority[d] == priority && p.demandCommodity[d] == j) {
                            units[d] = want[d];
                        }
                    }
                    TimeExpandedNetwork ten =
                            TimeExpandedNetwork.build(p, horizon, only(j), units, capacity, false, true);
                    augment(ten, capacity);
                    for (int d = 0; d < demands; d++) {
                        if (ten.demandArc[d] >= 0) {
                            routed[d] += ten.network.flow(ten.demandArc[d]);
                        }
                    }
                    consume(ten, capacity);
                    networks.add(ten);
                }
            }
            lexicographicNetworks = networks;
            return routed;
        }

        /**
         * Routes all of {@code amounts} by {@code horizon}, one network per commodity on the residual
         * capacities; null if they do not fit. A commodity that does not fit moves to the front of the
         * order and the probe is retried, at most once per commodity.
         */
        private List<TimeExpandedNetwork> route(double horizon, long[] amounts, boolean minCost) {
            for (int attempt = 0; attempt < Math.max(1, commodities); attempt++) {
                long total = Arrays.stream(amounts).sum() + 1;
                long[] capacity = TimeExpandedNetwork.capacities(p, horizon, false, total);
                List<TimeExpandedNetwork> networks = new ArrayList<>();
                int failed = -1;
                for (int j : order) {
                    long[] units = unitsOf(j, amounts);
                    long need = Arrays.stream(units).sum();
                    if (need == 0) {
                        continue;
                    }
                    TimeExpandedNetwork ten =
                            TimeExpandedNetwork.build(p, horizon, only(j), units, capacity, false, true);
                    if (augment(ten, capacity) < need) {
                        failed = j;
                        break;
                    }
                    if (minCost) {
                        minCost(ten, need);
                    }
                    consume(ten, capacity);
                    networks.add(ten);
                }
                if (failed < 0) {
                    return networks;
                }
                if (commodities <= 1 || order[0] == failed) {
                    return null;
                }
                int[] next = new int[order.length];
                next[0] = failed;
                int k = 1;
                for (int j : order) {
                    if (j != failed) {
                        next[k++] = j;
                    }
                }
                order = next;
            }
            return null;
        }

        /**
         * Routes all of {@code amounts} by {@code horizon} so that every unit arrives as early as it can:
         * on the timeline refined to a grid of at most {@value #MAX_SLOTS} slots (a multiple of the time
         * step) with fine slots of one step after every timeline event ({@link ArrivalGrid}: as long as
         * the commodities' single-commodity bounds say their data can need, then growing geometrically),
         * a min-cost flow per commodity (in the learned order, on the residual capacities) whose cost is
         * the arrival slot's end time times a weight larger than any route's egress cost, plus the egress
         * cost. This is the earliest-arrival (quickest transshipment) objective of flows over
         * time (D. Gale, "Transient flows in networks", 1959; B. Hoppe and É. Tardos, "The quickest
         * transshipment problem", 2000; M. Skutella, "An introduction to network flows over time", 2009)
         * on the discretised network, with egress as the tie-break per unit. For one commodity it
         * minimises the violation-time integral of the slots exactly; for several, each commodity's given
         * the earlier ones'. The per-slot rounding of capacities may lose a few units: one more slot
         * past the horizon absorbs them where no hard deadline forbids it. Returns null if the amounts
         * do not fit.
         */
        private List<TimeExpandedNetwork> earliestArrival(double horizon, long[] amounts, double upper) {
            if (!(horizon > 0) || Double.isInfinite(horizon)) {
                return null;
            }
            // The uniform grid alone made every arrival within one of its slots cost the same: a late event
            // stretching the horizon (a site ready years later) delayed data link speed clears in a day or
            // two to the end of a days-long first slot (issue 9). ArrivalGrid adds fine slots after events.
            double step = p.timeline.stepSeconds;
            double grid = step * Math.max(1, Math.ceil(horizon / (step * MAX_SLOTS) - 1e-9));
            // A short slot past the horizon first (1/MAX_SLOTS of it, where no hard deadline forbids it): it
            // absorbs the per-slot rounding of capacities and gives the rounding room; the arrival costs keep
            // real flow earlier.
            for (int attempt = 0; attempt < 2; attempt++) {
                double h = horizon + (1 - attempt) * Math.min(grid, horizon / MAX_SLOTS);
                if (h > upper) {
                    continue;
                }
                AggregatedProblem fine = p.refined(
                        grid, h, horizon, ArrivalGrid.finePoints(p.timeline, step, grid, horizon, commodityBounds));
                List<TimeExpandedNetwork> networks = exactLp ? routeByLp(fine, h, amounts) : null;
                decompositionRouting = null;
                if (networks == null) {
                    networks = routeByArrival(fine, h, amounts, null, false);
                } else if (!Double.isNaN(lpCost)) {
                    // The LP's vertex is optimal on the grid, but whole records and batch timing can make its
                    // plan worse than the decomposition's (seeds 43 and 82 of MultiCommodityAreaGapTest): route
                    // both; the planner keeps the better plan. The model figures stay the LP routing's.
                    double cost = modelCost;
                    double area = modelArea;
                    decompositionRouting = routeByArrival(fine, h, amounts, null, false);
                    modelCost = cost;
                    modelArea = area;
                }
                if (networks != null) {
                    arrivalHorizon = h;
                    return networks;
                }
            }
            return null;
        }

        /**
         * Returns each interval's arrival cost on {@code fine} up to {@code horizon}: its end time in ticks
         * (one time step where the arithmetic allows, see {@link ArrivalGrid}), times a weight such that,
         * per unit, arriving one tick earlier saves more than any route's egress costs.
         */
        private long[] arrivalCosts(AggregatedProblem fine, double horizon) {
            return ArrivalGrid.arrivalCosts(fine, horizon, arrivalWeight());
        }

        /** Returns the arrival costs' weight (see {@link #arrivalCosts}): one arrival step's cost. */
        private long arrivalWeight() {
            long maxArc = 0;
            for (int a = 0; a < p.topology.arcCount(); a++) {
                maxArc = Math.max(maxArc, TimeExpandedNetwork.costUnits(p.topology, a));
            }
            return 1 + maxArc * Math.max(1, p.topology.siteCount() - 1);
        }

        /**
         * Routes the amounts of several commodities at the optimum of their joint earliest-arrival LP
         * ({@link MultiCommodityLp}) where it is small enough: each commodity's min-cost flow, in the
         * learned order, capped on every shared resource at its LP share rounded up. Returns null, with
         * {@link #arrivalStatus} saying why, where the decomposition must route them instead: one
         * commodity with data (the decomposition is exact), an LP too large, or an LP that failed (then
         * logged at WARN if the decomposition finds the problem feasible).
         */
        private List<TimeExpandedNetwork> routeByLp(AggregatedProblem fine, double horizon, long[] amounts) {
            lpCost = Double.NaN;
            long[] arrival = arrivalCosts(fine, horizon);
            long total = Arrays.stream(amounts).sum() + 1;
            long[] capacity = TimeExpandedNetwork.capacities(fine, horizon, false, total);
            List<TimeExpandedNetwork> networks = new ArrayList<>();
            List<Integer> ids = new ArrayList<>();
            List<Long> needs = new ArrayList<>();
            for (int j : order) {
                long[] units = unitsOf(j, amounts);
                long need = Arrays.stream(units).sum();
                if (need > 0) {
                    networks.add(TimeExpandedNetwork.build(
                            fine, horizon, only(j), units, capacity, arrival, null, Long.MAX_VALUE));
                    ids.add(j);
                    needs.add(need);
                }
            }
            arrivalStatus = "";
            if (networks.size() <= 1) {
                return null;
            }
            long[] need = needs.stream().mapToLong(Long::longValue).toArray();
            MultiCommodityLp.Size size = MultiCommodityLp.size(networks, need, capacity);
            if (!size.fits() || size.variables() > lpMaxVariables) {
                arrivalStatus = String.format(
                        Locale.ROOT,
                        "; decomposition, gap to LP unknown (its LP would have %s, above the simplex's limit of %d"
                                + " variables and %d constraints)",
                        size,
                        MultiCommodityLp.MAX_VARIABLES,
                        MultiCommodityLp.MAX_CONSTRAINTS);
                return null;
            }
            List<TimeExpandedNetwork> routed = null;
            double exact = Double.NaN;
            try {
                for (boolean margin : new boolean[] {false, true}) {
                    MultiCommodityLp.Solution solution = MultiCommodityLp.solve(networks, need, capacity, margin)
                            .orElseThrow();
                    if (!margin) {
                        exact = solution.cost();
                    }
                    double[][] share = new double[commodities][];
                    for (int k = 0; k < ids.size(); k++) {
                        share[ids.get(k)] = solution.share()[k];
                    }
                    routed = routeByArrival(fine, horizon, amounts, share, !margin);
                    if (routed != null) {
                        break;
                    }
                }
            } catch (MathIllegalStateException e) {
                String why = e.getClass().getSimpleName() + ": " + e.getMessage();
                List<TimeExpandedNetwork> decomposed = routeByArrival(fine, horizon, amounts, null, false);
                if (decomposed != null) {
                    // Not swallowed: the decomposition routed it, so the LP is feasible and failed numerically.
                    LOG.warn(
                            "exact multi-commodity LP failed on a feasible problem ({}); planning by the"
                                    + " decomposition: {}",
                            size,
                            why);
                    arrivalStatus = "; decomposition, gap to LP unknown (the exact LP failed: " + why + ")";
                }
                return decomposed;
            }
            if (routed == null) {
                List<TimeExpandedNetwork> decomposed = routeByArrival(fine, horizon, amounts, null, false);
                if (decomposed != null) {
                    LOG.warn(
                            "the exact multi-commodity LP's shares ({}) did not fit once rounded, with and without"
                                    + " a margin; planning by the decomposition",
                            size);
                    arrivalStatus = "; decomposition, gap to LP unknown (the LP's rounding failed)";
                }
                return decomposed;
            }
            lpCost = exact;
            // The simplex's tolerance is 1e-6 on its scaled tableau: within that of the LP, the routing is
            // its optimum.
            boolean atOptimum = modelCost <= exact * (1 + 1e-6) + 1;
            arrivalStatus = String.format(
                    Locale.ROOT,
                    atOptimum
                            ? "; exact LP over %d commodities (simplex, %s)"
                            : "; LP-guided over %d commodities (simplex, %s; rounding left the cost %.3g%% above the"
                                    + " LP optimum)",
                    ids.size(),
                    size,
                    100 * (modelCost / exact - 1));
            return routed;
        }

        /**
         * Routes every commodity's units by their min-cost flows in the learned order on the residual
         * capacities, each capped on the shared resources at {@code share[j]} if not null (rounded up, or
         * to the nearest unit where within the LP's tolerance of it if {@code nearest}; a commodity that
         * misses its units within the caps is routed on the residual capacities instead), then the
         * rounding room; null if the units do not fit.
         */
        private List<TimeExpandedNetwork> routeByArrival(
                AggregatedProblem fine, double horizon, long[] amounts, double[][] share, boolean nearest) {
            Timeline timeline = fine.timeline;
            int intervals = TimeExpandedNetwork.intervalsBefore(timeline, horizon);
            long weight = arrivalWeight();
            long[] arrival = arrivalCosts(fine, horizon);
            long total = Arrays.stream(amounts).sum() + 1;
            long[] capacity = TimeExpandedNetwork.capacities(fine, horizon, false, total);
            List<TimeExpandedNetwork> networks = new ArrayList<>();
            long[] needs = new long[commodities];
            for (int d = 0; d < amounts.length; d++) {
                needs[p.demandCommodity[d]] += amounts[d];
            }
            double tolerance = MultiCommodityLp.toleranceUnits(needs);
            double cost = 0;
            double area = 0;
            for (int j : order) {
                long[] units = unitsOf(j, amounts);
                long need = Arrays.stream(units).sum();
                if (need == 0) {
                    continue;
                }
                long[] cap = capacity;
                if (share != null && share[j] != null) {
                    cap = capacity.clone();
                    for (int r = 0; r < cap.length; r++) {
                        double near = Math.rint(share[j][r]);
                        long rounded = !nearest
                                ? (long) Math.ceil(share[j][r] + tolerance)
                                : Math.abs(share[j][r] - near) <= tolerance
                                        ? (long) near
                                        : (long) Math.ceil(share[j][r]);
                        cap[r] = Math.min(cap[r], rounded);
                    }
                }
                TimeExpandedNetwork ten =
                        TimeExpandedNetwork.build(fine, horizon, only(j), units, cap, arrival, null, Long.MAX_VALUE);
                long flow = augment(ten, cap);
                if (flow < need && cap != capacity) {
                    ten = TimeExpandedNetwork.build(
                            fine, horizon, only(j), units, capacity, arrival, null, Long.MAX_VALUE);
                    flow = augment(ten, capacity);
                }
                if (flow < need) {
                    return null;
                }
                minCost(ten, need);
                cost += ten.network.totalCost();
                area += arrivalArea(ten, horizon);
                consume(ten, capacity);
                networks.add(ten);
            }
            // Rounding room, on what the real units left: records are whole, so a stream's quota may miss
            // up to one record. Each demand may take one record's worth more per slot and source site, at
            // most max(SLACK_RECORDS, slots) records in all, at arrival cost plus a rank cost (higher keep
            // priority, then lower index, first where room is short). Routed after the real units and on
            // their residual capacities, the room never moves a real unit to a later slot, whichever of
            // several equal-cost flows the min-cost flow solver returns (a tie between one demand's room
            // and another's real unit used to decide the records' rounding).
            long[] rank = rankCosts(weight);
            for (int j : order) {
                long[] room = new long[amounts.length];
                long record = 1;
                for (int d = 0; d < amounts.length; d++) {
                    if (p.demandCommodity[d] == j && amounts[d] > 0) {
                        long records = (p.demandMaxRecord[d] + p.unitBytes - 1) / p.unitBytes;
                        record = Math.max(record, records);
                        room[d] = Math.min(amounts[d], Math.max(SLACK_RECORDS, intervals) * records);
                    }
                }
                if (Arrays.stream(room).sum() == 0) {
                    continue;
                }
                TimeExpandedNetwork ten =
                        TimeExpandedNetwork.build(fine, horizon, only(j), room, capacity, arrival, rank, record);
                long routed = augment(ten, capacity);
                if (routed == 0) {
                    continue;
                }
                minCost(ten, routed);
                consume(ten, capacity);
                networks.add(ten);
            }
            modelCost = cost;
            modelArea = area;
            return networks;
        }

        /** Returns the bytes {@code ten} absorbs times the midpoint of the slot they arrive in, in byte-seconds. */
        private double arrivalArea(TimeExpandedNetwork ten, double horizon) {
            Timeline timeline = ten.problem.timeline;
            double area = 0;
            for (int k = 0; k < ten.arcInterval.length; k++) {
                int i = ten.arcInterval[k];
                if (i >= 0 && ten.storageSite(ten.network.head(2 * k)) >= 0) {
                    double mid = (timeline.start(i) + Math.min(timeline.end(i), horizon)) / 2;
                    area += (double) ten.network.flow(2 * k) * p.unitBytes * mid;
                }
            }
            return area;
        }

        /**
         * Returns each demand's rank cost for the rounding room: below {@code weight} (one arrival step),
         * higher keep priority and then lower index cheaper.
         */
        private long[] rankCosts(long weight) {
            int demands = p.demandCount();
            Integer[] byPriority = new Integer[demands];
            Arrays.setAll(byPriority, d -> d);
            Arrays.sort(byPriority, (a, b) -> {
                int c = Integer.compare(p.demandPriority[b], p.demandPriority[a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            long[] cost = new long[demands];
            for (int k = 0; k < demands; k++) {
                cost[byPriority[k]] = demands <= 1 ? 0 : k * (weight - 1) / (demands - 1);
            }
            return cost;
        }

        /**
         * Routes the most on {@code ten} by max-flow, then keeps the staging at its transit sites within
         * their storage ({@link TimeExpandedNetwork#limitStaging}: if it had to cap the holdover arcs, it
         * routes again on the capped arcs, and any flow routed on them later, min-cost included, stays
         * within the storage); returns the units routed.
         */
        private static long augment(TimeExpandedNetwork ten, long[] capacity) {
            long flow = MaxFlow.augment(ten.network, ten.source, ten.sink);
            if (ten.limitStaging(capacity)) {
                flow = MaxFlow.augment(ten.network, ten.source, ten.sink);
            }
            return flow;
        }

        private void minCost(TimeExpandedNetwork ten, long units) {
            ten.network.setSupply(ten.source, units);
            ten.network.setSupply(ten.sink, -units);
            minCostFlow.accept(ten.network);
        }

        /** Returns {@code amounts} restricted to the demands of {@code commodity} (zero elsewhere). */
        private long[] unitsOf(int commodity, long[] amounts) {
            long[] units = new long[amounts.length];
            for (int d = 0; d < amounts.length; d++) {
                if (p.demandCommodity[d] == commodity) {
                    units[d] = amounts[d];
                }
            }
            return units;
        }

        private boolean[] only(int commodity) {
            boolean[] mask = new boolean[commodities];
            mask[commodity] = true;
            return mask;
        }

        private void consume(TimeExpandedNetwork ten, long[] capacity) {
            for (int k = 0; k < ten.arcResource.length; k++) {
                int r = ten.arcResource[k];
                if (r >= 0) {
                    capacity[r] -= ten.network.flow(2 * k);
                }
            }
        }
    }
}
