package dev.residency.benchmarks.core;

import dev.residency.data.PopulationGenerator;
import dev.residency.data.PopulationSpec;
import dev.residency.data.RecordStore;
import dev.residency.topology.Topology;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
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
 * How fast does {@link PopulationGenerator} build a synthetic population, and how many heap bytes
 * does each record take? One operation generates a whole store of {@code records} records of the
 * {@link CoreScenario} population; the secondary result {@code records} is records generated per
 * second. After each iteration the fork prints the store's own estimate ({@link
 * RecordStore#heapBytes()} per record) and the used heap after a full GC, less the heap before the
 * store existed, per record.
 *
 * <p>Quick mode: {@code java -jar benchmarks/target/benchmarks.jar -f 1 -wi 1 -w 1s -i 2 -r 1s
 * PopulationBenchmark}. Full mode: {@code java -jar benchmarks/target/benchmarks.jar -rf json
 * PopulationBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class PopulationBenchmark {

    /** Records per generated store. */
    @Param({"1000000", "10000000"})
    public int records;

    private Topology topology;
    private PopulationSpec spec;
    private RecordStore last;
    private long heapBefore;

    /** Builds the fleet and the spec. */
    @Setup(Level.Trial)
    public void setUp() {
        topology = CoreScenario.topology();
        spec = CoreScenario.spec(records, 42);
    }

    /** Records the used heap before the iteration's stores exist. */
    @Setup(Level.Iteration)
    public void measureBaseline() {
        last = null;
        heapBefore = usedHeapAfterGc();
    }

    /** Generates one store. */
    @Benchmark
    public RecordStore generate(RecordCounters counters) {
        RecordStore store = PopulationGenerator.generate(spec, topology);
        counters.records += store.size();
        last = store;
        return store;
    }

    /** Prints heap bytes per record of the last store: its own estimate, and used heap measured after GC. */
    @TearDown(Level.Iteration)
    public void reportHeap() {
        RecordStore store = last;
        if (store == null) {
            return;
        }
        long used = usedHeapAfterGc() - heapBefore;
        System.out.printf(
                Locale.ROOT,
                "%n[heap] %,d records: heapBytes() %.2f B/record, used heap after GC %.2f B/record%n",
                store.size(),
                (double) store.heapBytes() / store.size(),
                (double) used / store.size());
        last = null;
    }

    static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
