package dev.residency.plan.internal.solve;

import dev.residency.benchmarks.plan.PlanInstances;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.Planners;
import dev.residency.plan.PlanningProblem;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long does the aggregated flow solve take (routable bytes, horizon search by max-flow, min-cost
 * flow, path decomposition) on random connected topologies of 10, 100 and 1,000 sites with six
 * competing commodities ({@link PlanInstances#randomFleet})? Aggregation is done in the setup, so
 * only the solve is timed (the objective of {@link AggregateSolver}: least makespan, then earliest
 * arrival, i.e. least violation-time integral). The setup prints both plans' quality ratios, makespan
 * over its bound and area (violation-time integral) over its bound, and greedy over flow for each.
 *
 * <p>Quick mode: {@code java -jar benchmarks/target/benchmarks.jar -f 1 -wi 1 -w 1s -i 2 -r 1s
 * AggregatedSolveBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AggregatedSolveBenchmark {

    /** The number of sites. */
    @Param({"10", "100", "1000"})
    public int sites;

    private AggregatedProblem aggregated;

    /** Builds the instance and aggregates it. */
    @Setup(Level.Trial)
    public void aggregate() {
        PlanningProblem problem = PlanInstances.randomFleet(sites, 7);
        aggregated = AggregatedProblem.of(problem);
        MigrationPlan flow = Planners.byName("flow").plan(problem);
        MigrationPlan greedy = Planners.byName("greedy").plan(problem);
        System.out.printf(
                Locale.ROOT,
                "%n[solve] sites=%d commodities=%d demands=%d flow: makespan=%.1f s bound=%.1f s ratio=%.4f"
                        + " areaRatio=%.4f; greedy: makespan=%.1f s ratio=%.4f areaRatio=%.4f;"
                        + " greedy/flow makespan=%.3f area=%.3f%n",
                sites,
                aggregated.commodityCount(),
                aggregated.demandCount(),
                flow.makespanSeconds(),
                flow.lowerBoundSeconds(),
                flow.qualityRatio(),
                flow.areaRatio(),
                greedy.makespanSeconds(),
                greedy.qualityRatio(),
                greedy.areaRatio(),
                greedy.makespanSeconds() / flow.makespanSeconds(),
                greedy.areaByteSeconds() / flow.areaByteSeconds());
    }

    /** Solves the aggregate. */
    @Benchmark
    public FlowSolution solve() {
        return AggregateSolver.solve(aggregated);
    }
}
