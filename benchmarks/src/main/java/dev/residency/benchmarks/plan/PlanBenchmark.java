package dev.residency.benchmarks.plan;

import dev.residency.plan.MigrationPlan;
import dev.residency.plan.Planners;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.verify.PlanVerifier;
import java.util.Locale;
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
 * How long does a whole plan of 10^6 and 10^7 records take (aggregation, flow solve, record
 * assignment, batches, deletions, lower bound), for the flow planner and the greedy baseline, on the
 * 2020 carve-out fleet ({@link PlanInstances#carveOut})? The trial's teardown prints the plan's
 * makespan, lower bound and quality ratio, its violation-time integral (area) with its bound and
 * ratio (the flow planner's objective is earliest arrival: least area after least makespan), and the heap in use after a full GC with store and plan
 * live.
 *
 * <p>Quick mode: {@code java -jar benchmarks/target/benchmarks.jar -f 1 -wi 1 -w 1s -i 2 -r 1s
 * PlanBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xmx12g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class PlanBenchmark {

    /** The number of records (about: the generator draws records per user). */
    @Param({"1000000", "10000000"})
    public int records;

    /** The planner's registry name. */
    @Param({"flow", "greedy"})
    public String planner;

    private PlanningProblem problem;
    private MigrationPlan last;

    /** Generates the population once per trial. */
    @Setup(Level.Trial)
    public void generate() {
        problem = PlanInstances.carveOut(records, 2020);
    }

    /** Plans the migration. */
    @Benchmark
    public MigrationPlan plan() {
        last = Planners.byName(planner).plan(problem);
        return last;
    }

    /** Prints the plan's quality and the live heap. */
    @TearDown(Level.Trial)
    public void report() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heap = rt.totalMemory() - rt.freeMemory();
        boolean valid =
                records <= 1_000_000 && PlanVerifier.verify(last, problem).isValid();
        System.out.printf(
                Locale.ROOT,
                "%n[plan] planner=%s records=%d batches=%d moved=%.3f TB makespan=%.1f s bound=%.1f s ratio=%.4f"
                        + " area=%.4g B*s areaBound=%.4g B*s areaRatio=%.4f cost=$%.0f heapUsed=%d MB storeHeap=%d MB%s%n",
                planner,
                problem.store().size(),
                last.batches().size(),
                last.bytesToMove() / 1e12,
                last.makespanSeconds(),
                last.lowerBoundSeconds(),
                last.qualityRatio(),
                last.areaByteSeconds(),
                last.areaLowerBoundByteSeconds(),
                last.areaRatio(),
                last.egressCostUsd(),
                heap >> 20,
                problem.store().heapBytes() >> 20,
                records <= 1_000_000 ? " verified=" + valid : "");
    }
}
