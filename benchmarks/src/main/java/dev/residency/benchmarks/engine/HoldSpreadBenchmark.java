package dev.residency.benchmarks.engine;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;
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
 * Question: does each event list's hold throughput depend on the increment distribution, that is,
 * is a bucket-based list (our ladder queue) tuned to Exp(1) only? Same hold model and adapters as
 * {@link HoldModelBenchmark}, with the initial times and the increments drawn from one of five
 * distributions of mean about 1 (hold-model studies such as Jones, CACM 1986, and Rönngren and
 * Ayani, ACM TOMACS 1997, likewise vary the increment distribution):
 *
 * <ul>
 *   <li>{@code exponential}: Exp(1), as in {@link HoldModelBenchmark};
 *   <li>{@code uniform}: U(0, 2);
 *   <li>{@code bimodal}: U(0, 0.1) with probability 0.9, else U(9.5, 10.5) (mean 1.045);
 *   <li>{@code pareto}: Pareto with shape 1.5 and scale 1/3 (mean 1, infinite variance: time
 *       spreads of several hundred);
 *   <li>{@code discrete}: 0, 1 or 2 with equal probability, so that thousands of events share each
 *       time and ties (broken by insertion order) dominate.
 * </ul>
 *
 * <p>Run (quick): {@code java -jar benchmarks/target/benchmarks.jar -f 1 -wi 3 -w 1s -i 5 -r 1s -p
 * size=100000 -p queue=residency,priorityQueue,ssjSplayTree,ssjHenriksen,cloudsimFutureQueue HoldSpread}; or with
 * the annotations' settings: {@code java -jar benchmarks/target/benchmarks.jar -rf json -rff
 * spread.json HoldSpread}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class HoldSpreadBenchmark {

    private static final int INCREMENTS = 1 << 16;

    /** Pending events. */
    @Param({"100000", "1000000"})
    public int size;

    /** The event list; see {@link HoldQueues#create}. */
    @Param({"residency", "priorityQueue", "ssjSplayTree", "ssjHenriksen", "cloudsimFutureQueue"})
    public String queue;

    /** The increment distribution, by name (see the class comment). */
    @Param({"exponential", "uniform", "bimodal", "pareto", "discrete"})
    public String distribution;

    private HoldQueue list;
    private double[] increments;
    private int next;

    /** Fills the list with {@code size} events at times drawn from the distribution. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20200801);
        DoubleUnaryOperator inverse = inverseCdf(distribution);
        increments = new double[INCREMENTS];
        for (int i = 0; i < INCREMENTS; i++) {
            increments[i] = inverse.applyAsDouble(random.nextDouble());
        }
        list = HoldQueues.create(queue);
        for (int i = 0; i < size; i++) {
            list.add(inverse.applyAsDouble(random.nextDouble()));
        }
    }

    /** Maps a uniform draw u in [0, 1) to the named distribution. */
    static DoubleUnaryOperator inverseCdf(String name) {
        return switch (name) {
            case "exponential" -> u -> -Math.log1p(-u);
            case "uniform" -> u -> 2 * u;
            case "bimodal" -> u -> u < 0.9 ? u / 9 : 9.5 + (u - 0.9) * 10;
            case "pareto" -> u -> (1.0 / 3) / Math.pow(1 - u, 1 / 1.5);
            case "discrete" -> u -> Math.floor(3 * u);
            default -> throw new IllegalArgumentException("unknown distribution \"" + name + "\"");
        };
    }

    /** One hold operation. */
    @Benchmark
    public double hold() {
        double increment = increments[next];
        next = (next + 1) & (INCREMENTS - 1);
        return list.hold(increment);
    }
}
