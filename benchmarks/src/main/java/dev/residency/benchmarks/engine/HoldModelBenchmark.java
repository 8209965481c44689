package dev.residency.benchmarks.engine;

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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: how many hold operations per second does each event list sustain with N pending
 * events? The hold model (Jones, 1986): keep N events pending; each operation pops the earliest and
 * schedules one at its time plus an Exp(1) increment. Compares our {@code EventList} (and the whole
 * {@code Simulator} around it) with {@link java.util.PriorityQueue}, SSJ 3.3.2's event lists
 * (SplayTree, SSJ's default; BinaryTree; RedblackTree; Henriksen) and CloudSim Plus 8.5.7's {@code
 * FutureQueue}. Increments come from a precomputed table shared by all lists, so random-number
 * generation is not measured; every list reuses its event records where its API allows.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar -f 1 -wi 2 -w 1s -i 3 -r 1s HoldModel}
 * (quick) or with the annotations' settings: {@code java -jar benchmarks/target/benchmarks.jar -rf
 * json -rff hold.json HoldModel}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class HoldModelBenchmark {

    private static final int INCREMENTS = 1 << 16;

    /** Pending events. */
    @Param({"1000", "100000", "1000000"})
    public int size;

    /** The event list; see {@link HoldQueues#create}. */
    @Param({
        "residency",
        "residencySimulator",
        "priorityQueue",
        "ssjSplayTree",
        "ssjBinaryTree",
        "ssjRedblackTree",
        "ssjHenriksen",
        "cloudsimFutureQueue"
    })
    public String queue;

    private HoldQueue list;
    private double[] increments;
    private int next;

    /** Fills the list with {@code size} events at Exp(1) times. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20200801);
        increments = new double[INCREMENTS];
        for (int i = 0; i < INCREMENTS; i++) {
            increments[i] = -Math.log1p(-random.nextDouble());
        }
        list = HoldQueues.create(queue);
        for (int i = 0; i < size; i++) {
            list.add(-Math.log1p(-random.nextDouble()));
        }
    }

    /** One hold operation. */
    @Benchmark
    public double hold() {
        double increment = increments[next];
        next = (next + 1) & (INCREMENTS - 1);
        return list.hold(increment);
    }
}
