package dev.residency.plan.internal.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanFixtures;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.TransferBatch;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Link;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.LongStream;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The earliest-arrival objective against an independent oracle on 50 small seeded instances: a fluid
 * time-expanded LP of the violation-time integral, written here from the instance (sites, links,
 * records, policy; not from {@link TimeExpandedNetwork}) and solved by Commons Math's {@link
 * SimplexSolver}.
 *
 * <p>Instances: 3 to 5 sites, one or two of them in the US, a random connected topology with links of
 * 1 to 4 kB/s per direction and no latency, 4 to 30 US users' records of 1 kB each, one copy each at a non-US site (so
 * several sources share one sink: an earliest-arrival transshipment exists, Baumann and Skutella 2009,
 * and minimising the area does not lengthen the makespan), ample storage, ingest and egress, no gates.
 * The time step {@code s} is chosen so that the plan spans about 8 steps; the LP has slots of {@code s}
 * up to twice the plan's makespan plus two slots.
 *
 * <p>With {@code x} the bytes a slot delivers, the LP minimises {@code sum x * c(slot)} for three slot
 * costs, and the test states the relations between them and the plan, whose <em>fluid area</em> is
 * {@code sum over batches of bytes * (start + end) / 2} (each batch's bytes arriving evenly during its
 * copy, so at most its area {@code sum bytes * end}):
 *
 * <ol>
 *   <li>{@code LP(start of slot, data may wait at every site) <= fluid area}: no plan beats the fluid
 *       optimum, and the LP with slot-start costs and holdover everywhere is below that optimum;
 *   <li>{@code area lower bound <= LP(end of slot, data waits only at its source)}: the LP's solution is a
 *       feasible fluid plan (each slot a static flow, its bytes all in by the slot's end), so a sound
 *       bound is below its area;
 *   <li>{@code fluid area <= LP(end of slot, wait at source)}: the planner is within half a slot per byte
 *       of the optimum on its own grid (its flow is optimal for slot-midpoint costs, {@code
 *       LP(mid) = LP(end) - bytes * s / 2}; whole records and the per-slot rounding may move bytes, but
 *       not by more than that half slot in total);
 *   <li>the plan's stated area is its batches' {@code sum bytes * end}.
 * </ol>
 *
 * The ratio fluid area / LP(mid) is printed after the run (the planner's gap on its grid).
 */
final class EarliestArrivalOracleTest {

    private static final long RECORD = 1_000;

    private static final DoubleAdder GAP_SUM = new DoubleAdder();
    private static final DoubleAccumulator GAP_WORST = new DoubleAccumulator(Math::max, 0);
    private static final LongAdder COUNT = new LongAdder();

    /**
     * Returns the seeds: 50 in the default build, as many as the system property {@code
     * residency.oracle.seeds} says otherwise ({@code ./mvnw -o -B -ntp -pl core test
     * -Dtest=EarliestArrivalOracleTest -Dresidency.oracle.seeds=250}: all 250 pass). Seeds 20, 122, 145,
     * 149 and 198 used to fail relation 3 (the plan a slot or so late): whole records that missed the
     * earliest-arrival slots' strict quotas were left out of that plan, so the planner fell back to the
     * least-makespan routing. Record assignment now spills them after the strict streams ({@link
     * RecordAssignment}), and when both routings keep the same bytes the planner keeps the one with the
     * smaller area (seed 6 needs that: its spilled records share one link at the end).
     */
    static LongStream seeds() {
        return LongStream.range(0, Long.getLong("residency.oracle.seeds", 50));
    }

    enum Cost {
        START,
        MID,
        END
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void plan_smallInstance_areaBetweenFluidLpBounds(long seed) {
        long probeStep = 1;
        MigrationPlan probe = new FlowPlanner().plan(instance(seed, probeStep));
        long step = Math.max(1, (long) Math.ceil(probe.makespanSeconds() / 8));
        PlanningProblem problem = instance(seed, step);
        MigrationPlan plan = new FlowPlanner().plan(problem);
        assertThat(plan.bytesToDelete() - plan.bytesToDeleteByReason().getOrDefault(DeletionReason.AFTER_MOVE, 0L))
                .as("seed %s: everything moves", seed)
                .isZero();
        int slots = (int) Math.ceil(2 * plan.makespanSeconds() / step) + 2;

        double fluidArea = 0;
        double area = 0;
        for (TransferBatch b : plan.batches()) {
            fluidArea += b.bytes() * (b.plannedStartSeconds() + b.plannedEndSeconds()) / 2;
            area += b.bytes() * b.plannedEndSeconds();
        }
        double lower = lp(problem, step, slots, Cost.START, true);
        double mid = lp(problem, step, slots, Cost.MID, false);
        double upper = lp(problem, step, slots, Cost.END, false);

        String context = String.format(
                "seed %s step %s s: LP start/holdover %.6g, mid %.6g, end %.6g; plan fluid area %.6g, area %.6g,"
                        + " bound %.6g",
                seed, step, lower, mid, upper, fluidArea, area, plan.areaLowerBoundByteSeconds());
        assertThat(area).as(context).isCloseTo(plan.areaByteSeconds(), within(1e-9 * Math.max(1, area)));
        assertThat(lower).as(context).isLessThanOrEqualTo(fluidArea * (1 + 1e-9) + 1e-6);
        assertThat(plan.areaLowerBoundByteSeconds()).as(context).isLessThanOrEqualTo(upper * (1 + 1e-9) + 1e-6);
        assertThat(fluidArea).as(context).isLessThanOrEqualTo(upper * (1 + 1e-9) + 1e-6);
        double gap = mid > 0 ? fluidArea / mid : 1;
        GAP_SUM.add(gap);
        GAP_WORST.accumulate(gap);
        COUNT.increment();
    }

    @AfterAll
    static void report() {
        System.out.printf(
                "earliest arrival: plan fluid area / LP(slot midpoints) over %d instances: mean %.4f, worst %.4f%n",
                COUNT.sum(), GAP_SUM.sum() / Math.max(1, COUNT.sum()), GAP_WORST.get());
    }

    /** The seeded instance with time step {@code stepSeconds}. */
    static PlanningProblem instance(long seed, long stepSeconds) {
        Random rng = new Random(seed);
        int n = 3 + rng.nextInt(3);
        boolean twoUs = rng.nextBoolean();
        String[] others = {"SG", "IE", "CA", "JP"};
        List<DataCenter> sites = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            String country = v == 0 || (v == 1 && twoUs) ? "US" : others[rng.nextInt(others.length)];
            sites.add(PlanFixtures.site("s" + v, country, 1L << 40));
        }
        List<Link> links = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (int v = 1; v < n; v++) {
            int u = rng.nextInt(v);
            pairs.add(u + ":" + v);
            links.add(link(rng, u, v));
        }
        for (int extra = rng.nextInt(n); extra > 0; extra--) {
            int a = rng.nextInt(n);
            int b = rng.nextInt(n);
            if (a != b && pairs.add(Math.min(a, b) + ":" + Math.max(a, b))) {
                links.add(link(rng, a, b));
            }
        }
        Topology topology = Topology.of(sites, links);
        int first = twoUs ? 2 : 1;
        int records = 4 + rng.nextInt(27);
        RecordStore.Builder store = RecordStore.builder(topology, records);
        for (int r = 0; r < records; r++) {
            store.add(r, Jurisdiction.US, Category.VIDEOS, RECORD, false, first + rng.nextInt(n - first));
        }
        return PlanningProblem.builder()
                .store(store.build())
                .policy(PlanFixtures.keepIn(Jurisdiction.US, Jurisdiction.US))
                .options(PlanOptions.builder()
                        .targetBatchBytes(RECORD * (1 + rng.nextInt(3)))
                        .timeStep(Duration.ofSeconds(stepSeconds))
                        .build())
                .build();
    }

    private static Link link(Random rng, int a, int b) {
        return new Link(
                "s" + a,
                "s" + b,
                new Bandwidth(RECORD * (1 + rng.nextInt(4))),
                new Bandwidth(RECORD * (1 + rng.nextInt(4))),
                // No latency: the oracle's LP leaves it out, as the flow does; the plan's batches would
                // each wait for it (PlanAssembler), which relation 3 does not allow for.
                Duration.ZERO,
                0.01 * rng.nextInt(3));
    }

    /**
     * Returns the optimum of the fluid time-expanded LP: {@code slots} slots of {@code step} seconds;
     * per slot and arc the bytes sent (at most bandwidth times step), per slot and site the bytes
     * absorbed if the site is allowed, and per slot and site the bytes waiting to the next slot (at
     * every site if {@code holdEverywhere}, else only where records start); conservation at every site
     * and slot, each record's bytes entering at its site in slot 0, nothing waiting after the last slot;
     * minimise the absorbed bytes times the slot's {@code cost} time.
     */
    static double lp(PlanningProblem problem, long step, int slots, Cost cost, boolean holdEverywhere) {
        RecordStore store = problem.store();
        Topology topology = store.topology();
        int sites = topology.siteCount();
        int arcs = topology.arcCount();
        double[] supply = new double[sites];
        for (int i = 0; i < store.size(); i++) {
            int site = store.replicaSets().sites(store.replicaSet(i)).get(0);
            if (!topology.site(site).jurisdiction().equals(Jurisdiction.US)) {
                supply[site] += store.bytes(i);
            }
        }
        boolean[] dest = new boolean[sites];
        boolean[] hold = new boolean[sites];
        for (int v = 0; v < sites; v++) {
            dest[v] = topology.site(v).jurisdiction().equals(Jurisdiction.US);
            hold[v] = holdEverywhere || supply[v] > 0;
        }
        // Variable layout per slot: arcs, then absorption per site, then holdover per site.
        int perSlot = arcs + 2 * sites;
        int variables = slots * perSlot;
        double[] objective = new double[variables];
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int t = 0; t < slots; t++) {
            double time = switch (cost) {
                case START -> t * step;
                case MID -> (t + 0.5) * step;
                case END -> (t + 1.0) * step;
            };
            for (int v = 0; v < sites; v++) {
                objective[t * perSlot + arcs + v] = time;
            }
            for (int a = 0; a < arcs; a++) {
                double[] row = new double[variables];
                row[t * perSlot + a] = 1;
                constraints.add(new LinearConstraint(row, Relationship.LEQ, topology.arcBytesPerSecond(a) * step));
            }
            for (int v = 0; v < sites; v++) {
                double[] row = new double[variables];
                for (int a = 0; a < arcs; a++) {
                    if (topology.arcTo(a) == v) {
                        row[t * perSlot + a] += 1;
                    }
                    if (topology.arcFrom(a) == v) {
                        row[t * perSlot + a] -= 1;
                    }
                }
                row[t * perSlot + arcs + v] = -1;
                row[t * perSlot + arcs + sites + v] = -1;
                if (t > 0) {
                    row[(t - 1) * perSlot + arcs + sites + v] = 1;
                }
                // in + held from before - out - absorbed - held to next = -supply (slot 0 only)
                constraints.add(new LinearConstraint(row, Relationship.EQ, t == 0 ? -supply[v] : 0));
                if (!dest[v] || !hold[v] || t == slots - 1) {
                    double[] fix = new double[variables];
                    boolean any = false;
                    if (!dest[v]) {
                        fix[t * perSlot + arcs + v] = 1;
                        any = true;
                    }
                    if (!hold[v] || t == slots - 1) {
                        fix[t * perSlot + arcs + sites + v] = 1;
                        any = true;
                    }
                    if (any) {
                        constraints.add(new LinearConstraint(fix, Relationship.EQ, 0));
                    }
                }
            }
        }
        PointValuePair solution = new SimplexSolver()
                .optimize(
                        new MaxIter(200_000),
                        new LinearObjectiveFunction(objective, 0),
                        new LinearConstraintSet(constraints),
                        GoalType.MINIMIZE,
                        new NonNegativeConstraint(true));
        return solution.getValue();
    }
}
