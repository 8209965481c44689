package dev.residency.benchmarks.plan;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlowBase;
import dev.residency.plan.internal.flow.MinCostFlow;
import dev.residency.plan.internal.flow.ResidualNetwork;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast is our {@link MinCostFlow} (cost scaling on {@link ResidualNetwork}) against OR-Tools' native
 * {@code SimpleMinCostFlow} (exposed to Java as {@code com.google.ortools.graph.MinCostFlow}) on a
 * dense transportation problem? The instance is {@code size} sources by {@code size} sinks, complete
 * bipartite ({@code size}² arcs: 10^4 and 10^6), seeded: integer supplies uniform in [1, 1000], the
 * same total split at random over the sinks as demands, integer unit costs uniform in [0, 1000], and
 * each arc's capacity the smaller of its source's supply and its sink's demand (so the problem is in
 * effect uncapacitated).
 *
 * <p>Two measurements per solver:
 *
 * <ul>
 *   <li>{@link #buildAndSolve}: adds the arcs and supplies to a fresh network, solves, reads the
 *       optimal cost. For OR-Tools this includes one JNI call per arc and freeing the native object.
 *   <li>{@link #solveOnly}: solves a network built once in the setup. Ours: {@code MinCostFlow.solve}
 *       clears the flow and solves (the out-arc index, built by the first solve, is reused; the
 *       solver's own compressed-sparse-row copy of the arcs is rebuilt by every solve, so it is timed).
 *       OR-Tools: {@code solve()} again on the same object, which still rebuilds its internal static
 *       graph from the arc lists on every call, so its "solve only" includes that (native) build.
 * </ul>
 *
 * <p>The setup solves the instance with both solvers and fails unless they report the same optimal
 * cost, so a wrong answer cannot be timed.
 *
 * <p>Quick mode: {@code java -jar benchmarks/target/benchmarks.jar -f 1 -wi 1 -i 3
 * TransportationBenchmark}. Full mode (the annotations' settings): {@code java -jar
 * benchmarks/target/benchmarks.jar -rf json -rff transportation.json TransportationBenchmark}. On a
 * machine shared with other work, {@link #main} compares the solvers by thread CPU time instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TransportationBenchmark {

    /** The seed of the instance. */
    private static final long SEED = 20261122L;

    /** Sources and sinks per side; the instance has {@code size}² arcs. */
    @Param({"100", "1000"})
    public int size;

    /** The solver: {@code residency} (ours) or {@code ortools}. */
    @Param({"residency", "ortools"})
    public String solver;

    private long[] supply;
    private long[] demand;
    private long[] unitCost;
    private long optimalCost;
    private ResidualNetwork ourNetwork;
    private com.google.ortools.graph.MinCostFlow orToolsNetwork;

    /** Generates the instance, solves it with both solvers and checks that their costs agree. */
    @Setup(Level.Trial)
    public void setUp() {
        Loader.loadNativeLibraries();
        long total = generate();

        long start = System.nanoTime();
        ResidualNetwork ours = buildOurs();
        long ourCost = Math.round(MinCostFlow.solve(ours));
        long ourNanos = System.nanoTime() - start;
        start = System.nanoTime();
        com.google.ortools.graph.MinCostFlow theirs = buildOrTools();
        MinCostFlowBase.Status status = theirs.solve();
        long theirNanos = System.nanoTime() - start;
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("OR-Tools did not solve size " + size + ": " + status);
        }
        long theirCost = theirs.getOptimalCost();
        if (ourCost != theirCost) {
            throw new IllegalStateException("size " + size + ": our min-cost flow cost " + ourCost
                    + " differs from OR-Tools' optimum " + theirCost);
        }
        optimalCost = ourCost;
        System.out.printf(
                Locale.ROOT,
                "%n[transportation] size=%d arcs=%d total supply=%d optimal cost=%d (both solvers);"
                        + " cold build+solve: ours %.0f ms, OR-Tools %.0f ms%n",
                size,
                unitCost.length,
                total,
                optimalCost,
                ourNanos / 1e6,
                theirNanos / 1e6);
        if (solver.equals("residency")) {
            ourNetwork = ours;
            theirs.delete();
        } else if (solver.equals("ortools")) {
            orToolsNetwork = theirs;
        } else {
            throw new IllegalArgumentException("solver must be residency or ortools, was " + solver);
        }
    }

    /** Generates the seeded instance of {@link #size}; returns the total supply. */
    private long generate() {
        SplittableRandom random = new SplittableRandom(SEED + size);
        supply = new long[size];
        long total = 0;
        for (int i = 0; i < size; i++) {
            supply[i] = 1 + random.nextInt(1000);
            total += supply[i];
        }
        // Demands: one unit per sink plus the rest of the total in proportion to random weights in
        // [1, 1000], the rounding remainder handed out one unit per sink.
        long[] weight = new long[size];
        long weights = 0;
        for (int j = 0; j < size; j++) {
            weight[j] = 1 + random.nextInt(1000);
            weights += weight[j];
        }
        demand = new long[size];
        long assigned = 0;
        for (int j = 0; j < size; j++) {
            demand[j] = 1 + (total - size) * weight[j] / weights;
            assigned += demand[j];
        }
        for (int j = 0; assigned < total; j = (j + 1) % size) {
            demand[j]++;
            assigned++;
        }
        unitCost = new long[size * size];
        for (int k = 0; k < unitCost.length; k++) {
            unitCost[k] = random.nextInt(1001);
        }
        return total;
    }

    /** Frees OR-Tools' native network. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (orToolsNetwork != null) {
            orToolsNetwork.delete();
            orToolsNetwork = null;
        }
    }

    /** Builds the network and solves it; returns the optimal cost. */
    @Benchmark
    public long buildAndSolve() {
        if (solver.equals("residency")) {
            return Math.round(MinCostFlow.solve(buildOurs()));
        }
        com.google.ortools.graph.MinCostFlow network = buildOrTools();
        try {
            network.solve();
            return network.getOptimalCost();
        } finally {
            network.delete();
        }
    }

    /** Solves the network built in the setup; returns the optimal cost. */
    @Benchmark
    public long solveOnly() {
        long cost;
        if (ourNetwork != null) {
            cost = Math.round(MinCostFlow.solve(ourNetwork));
        } else {
            orToolsNetwork.solve();
            cost = orToolsNetwork.getOptimalCost();
        }
        if (cost != optimalCost) {
            throw new IllegalStateException("re-solve gave cost " + cost + ", expected " + optimalCost);
        }
        return cost;
    }

    private ResidualNetwork buildOurs() {
        ResidualNetwork network = new ResidualNetwork(2 * size, size * size);
        for (int i = 0; i < size; i++) {
            network.setSupply(i, supply[i]);
            network.setSupply(size + i, -demand[i]);
            for (int j = 0; j < size; j++) {
                network.addArc(i, size + j, Math.min(supply[i], demand[j]), unitCost[i * size + j]);
            }
        }
        return network;
    }

    private com.google.ortools.graph.MinCostFlow buildOrTools() {
        com.google.ortools.graph.MinCostFlow network = new com.google.ortools.graph.MinCostFlow(2 * size, size * size);
        for (int i = 0; i < size; i++) {
            network.setNodeSupply(i, supply[i]);
            network.setNodeSupply(size + i, -demand[i]);
            for (int j = 0; j < size; j++) {
                network.addArcWithCapacityAndUnitCost(
                        i, size + j, Math.min(supply[i], demand[j]), unitCost[i * size + j]);
            }
        }
        return network;
    }

    /**
     * Compares the two solvers by the CPU time of the calling thread, which other processes on a
     * shared machine disturb far less than wall-clock time: builds the instance of the given size
     * once per solver, then solves it {@code rounds} times with each, alternating, checks every cost
     * against the other solver's and prints each round and the fastest of each (OR-Tools solves on
     * the calling thread, so its native work is counted too). Command: {@code java -Xmx4g -cp
     * benchmarks/target/benchmarks.jar dev.residency.benchmarks.plan.TransportationBenchmark 1000 10}
     * (arguments: size, rounds).
     *
     * @throws IllegalArgumentException if the arguments are not two positive integers
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("arguments: size rounds, were " + String.join(" ", args));
        }
        TransportationBenchmark bench = new TransportationBenchmark();
        bench.size = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        if (bench.size <= 0 || rounds <= 0) {
            throw new IllegalArgumentException("size and rounds must be positive, were " + String.join(" ", args));
        }
        Loader.loadNativeLibraries();
        bench.generate();
        ResidualNetwork ours = bench.buildOurs();
        com.google.ortools.graph.MinCostFlow theirs = bench.buildOrTools();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long bestOurs = Long.MAX_VALUE;
        long bestTheirs = Long.MAX_VALUE;
        try {
            for (int round = 0; round < rounds; round++) {
                long start = threads.getCurrentThreadCpuTime();
                long ourCost = Math.round(MinCostFlow.solve(ours));
                long ourNanos = threads.getCurrentThreadCpuTime() - start;
                start = threads.getCurrentThreadCpuTime();
                MinCostFlowBase.Status status = theirs.solve();
                long theirNanos = threads.getCurrentThreadCpuTime() - start;
                if (status != MinCostFlowBase.Status.OPTIMAL || theirs.getOptimalCost() != ourCost) {
                    throw new IllegalStateException("round " + round + ": our cost " + ourCost + ", OR-Tools " + status
                            + " " + theirs.getOptimalCost());
                }
                bestOurs = Math.min(bestOurs, ourNanos);
                bestTheirs = Math.min(bestTheirs, theirNanos);
                System.out.printf(
                        Locale.ROOT,
                        "round %d: cost %d, CPU ms ours %.1f, OR-Tools %.1f%n",
                        round,
                        ourCost,
                        ourNanos / 1e6,
                        theirNanos / 1e6);
            }
        } finally {
            theirs.delete();
        }
        System.out.printf(
                Locale.ROOT,
                "size %d (%d arcs), fastest of %d rounds: CPU ms ours %.1f, OR-Tools %.1f, ours / OR-Tools %.2f%n",
                bench.size,
                (long) bench.size * bench.size,
                rounds,
                bestOurs / 1e6,
                bestTheirs / 1e6,
                (double) bestOurs / bestTheirs);
    }
}
