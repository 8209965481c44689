package dev.residency.plan.internal.solve;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.Planner;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.TransferBatch;
import dev.residency.plan.internal.flow.MinCostFlow;
import dev.residency.plan.internal.flow.ResidualNetwork;
import java.util.function.Consumer;

/**
 * The flow-optimal planner: aggregates the movable demand ({@link AggregatedProblem}), solves it on
 * the time-expanded network ({@link AggregateSolver}: routable bytes, keep priority under a hard
 * deadline, least makespan, least egress cost), and cuts the flow's constant-rate streams into
 * batches. Under a hard deadline, copies end early enough that every batch is verified and cut over by
 * the deadline ({@link PlanOptions#verificationRate()}, {@link PlanOptions#cutOverTime()}). Batches include
 * their routes' latency (each batch's first byte waits for it, as in a run), so where batches before a
 * maintenance window would run into it, the plan is re-solved with that much of the link's time reserved
 * before the window (see {@code MAX_ROUNDS}). Registered as "flow". Stateless and thread-safe.
 *
 * <p><b>The time step is the model's resolution.</b> Dates are rounded outward to {@link
 * PlanOptions#timeStep()}: ready and approval dates up, maintenance windows widened to whole steps. So a
 * link is usable only over the whole steps before its window: one that closes less than a step after the
 * last step boundary loses that stretch, and one open for less than a step before its window carries
 * nothing then. In particular no data crosses it early to wait at a staging site (with a 300 s step and
 * a link closing at 250 s, the plan has no legs through it); a step no longer than the shortest such
 * stretch keeps it. The rounding is conservative: a plan never uses a link during its maintenance.
 */
public final class FlowPlanner implements Planner {

    /**
     * How many times a plan is re-solved to keep its timing promises: under a hard deadline with copies
     * ending earlier, by as much as its latest batch would have counted as moved after the deadline
     * (verification queues at a destination, route latencies); and with a maintenance window's link
     * closed earlier by as much as the batches before it, each waiting for its route's latency, ran into
     * it (the reserves add up over the rounds). Batches still late after that are deleted for DEADLINE by
     * the assembler.
     */
    private static final int MAX_ROUNDS = 4;

    /** The registry name. */
    public static final String NAME = "flow";

    private final Consumer<ResidualNetwork> minCostFlow;
    private final int lpMaxVariables;

    /** Creates the planner. */
    public FlowPlanner() {
        this(MinCostFlow::solve);
    }

    /**
     * Creates a planner that routes several commodities by the sequential decomposition even where
     * their joint LP is small ({@code exactLp} false), for the tests that measure its gap.
     */
    FlowPlanner(boolean exactLp) {
        this(MinCostFlow::solve, exactLp ? MultiCommodityLp.MAX_VARIABLES : 0);
    }

    /**
     * Creates a planner that takes the exact LP only up to {@code lpMaxVariables} variables (at most
     * {@link MultiCommodityLp#MAX_VARIABLES}), for property runs that keep the simplex to small LPs.
     */
    FlowPlanner(int lpMaxVariables) {
        this(MinCostFlow::solve, lpMaxVariables);
    }

    /**
     * Creates a planner that solves its min-cost flows with {@code minCostFlow}; tests use solvers that
     * pick other optima among equal-cost flows to show that the plan does not depend on the choice.
     */
    FlowPlanner(Consumer<ResidualNetwork> minCostFlow) {
        this(minCostFlow, MultiCommodityLp.MAX_VARIABLES);
    }

    private FlowPlanner(Consumer<ResidualNetwork> minCostFlow, int lpMaxVariables) {
        this.minCostFlow = checkNotNull(minCostFlow, "minCostFlow");
        this.lpMaxVariables = lpMaxVariables;
    }

    /** Returns the bytes the plan's batches move per keep priority, highest priority first. */
    private static java.util.NavigableMap<Integer, Long> movedByPriority(PlanningProblem problem, MigrationPlan plan) {
        java.util.TreeMap<Integer, Long> moved = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        dev.residency.data.RecordStore store = problem.store();
        for (TransferBatch batch : plan.batches()) {
            for (int k = 0; k < batch.records().length(); k++) {
                int record = batch.records().get(k);
                int priority = problem.policy().keepPriority(store.categories().get(store.categoryIndex(record)));
                moved.merge(priority, store.bytes(record), Long::sum);
            }
        }
        return moved;
    }

    /** Compares bytes moved lexicographically by priority, highest first: positive if {@code a} keeps more. */
    private static int compareByPriority(
            java.util.NavigableMap<Integer, Long> a, java.util.NavigableMap<Integer, Long> b) {
        java.util.TreeSet<Integer> priorities = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        priorities.addAll(a.keySet());
        priorities.addAll(b.keySet());
        for (int priority : priorities) {
            int c = Long.compare(a.getOrDefault(priority, 0L), b.getOrDefault(priority, 0L));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * Returns {@code challenger} if it is better than {@code incumbent}, else {@code incumbent}. The
     * objectives in order: bytes kept by priority, then the violation-time integral (the earliest-arrival
     * streams' whole records may spill past the horizon and lose to the least-makespan routing's re-timed
     * last wave, and the exact LP's vertex may place whole records worse than the decomposition).
     */
    private static PlanAssembler.Assembled better(
            PlanningProblem problem, PlanAssembler.Assembled incumbent, PlanAssembler.Assembled challenger) {
        int kept = compareByPriority(
                movedByPriority(problem, challenger.plan()), movedByPriority(problem, incumbent.plan()));
        boolean smaller = challenger.plan().areaByteSeconds() < incumbent.plan().areaByteSeconds();
        return kept > 0 || (kept == 0 && smaller) ? challenger : incumbent;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MigrationPlan plan(PlanningProblem problem) {
        AggregatedProblem base = AggregatedProblem.of(checkNotNull(problem, "problem"));
        AggregatedProblem aggregated = base;
        double copyDeadline = AggregateSolver.copyDeadlineSeconds(problem);
        // Per maintenance window, the link time reserved before it for the latency that the solve on the
        // time-expanded network leaves out (PlanAssembler lays each batch out with its route's latency).
        double[] reserves = new double[problem.options().maintenance().size()];
        for (int round = 0; ; round++) {
            FlowSolution solution = AggregateSolver.solve(aggregated, copyDeadline, minCostFlow, lpMaxVariables);
            PlanAssembler.Assembled assembled = PlanAssembler.assemble(
                    aggregated, solution.streams, solution.shortfall, NAME, solution.method, true, copyDeadline);
            if (!solution.decompositionStreams.isEmpty()) {
                // The exact LP's routing is optimal on the grid, yet its plan can be worse once whole records
                // fill its slot quotas (docs/planner-lp.md): keep the decomposition's if it is better.
                assembled = better(
                        problem,
                        assembled,
                        PlanAssembler.assemble(
                                aggregated,
                                solution.decompositionStreams,
                                solution.shortfall,
                                NAME,
                                solution.decompositionMethod(),
                                true,
                                copyDeadline));
            }
            if (!solution.fallbackStreams.isEmpty()) {
                // Whole records can miss the earliest-arrival slots' quotas; never move less for it.
                assembled = better(
                        problem,
                        assembled,
                        PlanAssembler.assemble(
                                aggregated,
                                solution.fallbackStreams,
                                solution.shortfall,
                                NAME,
                                solution.fallbackMethod(),
                                true,
                                copyDeadline));
            }
            boolean overrun = false;
            for (int w = 0; w < reserves.length; w++) {
                if (assembled.windowOverrunSeconds()[w] > 0) {
                    // A round's overrun adds to the reserve: the batches before the window lose their
                    // latency's worth of link time; repeated in case the new layout cuts another batch.
                    reserves[w] += assembled.windowOverrunSeconds()[w];
                    overrun = true;
                }
            }
            boolean late = assembled.lateSeconds() > 0 && copyDeadline > 0;
            if ((!late && !overrun) || round == MAX_ROUNDS) {
                return assembled.on(base).bounded();
            }
            if (late) {
                copyDeadline = Math.max(0, copyDeadline - assembled.lateSeconds());
            }
            if (overrun) {
                aggregated = base.withWindowReserves(reserves);
            }
        }
    }
}
