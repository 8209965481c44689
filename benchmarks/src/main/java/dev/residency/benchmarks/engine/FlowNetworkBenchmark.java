package dev.residency.benchmarks.engine;

import dev.residency.sim.engine.SimClock;
import dev.residency.sim.engine.Simulator;
import dev.residency.sim.network.FlowListener;
import dev.residency.sim.network.FlowNetwork;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Question: how fast does the flow network run with 10^4 concurrent flows over 100 links, each
 * completion followed by a new flow, and what does one rate recomputation cost? One operation is
 * one flow completion and the start of its replacement, with every simulator event they cause
 * (wake-up, arrival, recomputation). Routes cross {@code routeLength} random distinct links: with 1,
 * the flows of each link form their own component (about 100 flows per recomputation); with 3,
 * every flow is connected to every other and each recomputation touches all 10^4. Link capacities
 * are 1.25 GB/s (10 Gbit/s) and flow sizes exponential with mean 1 GB.
 *
 * <p>The auxiliary counters report, per second, simulator events ({@code events}), rate
 * recomputations ({@code recomputations}) and flows whose rates were recomputed ({@code
 * flowsTouched}); the cost of one recomputation is the inverse of its rate.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar -f 1 -wi 2 -w 1s -i 3 -r 1s
 * FlowNetwork} (quick) or with the annotations' settings: {@code java -jar
 * benchmarks/target/benchmarks.jar -rf json -rff flows.json FlowNetwork}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class FlowNetworkBenchmark {

    private static final double LINK_BYTES_PER_SECOND = 1.25e9;
    private static final double MEAN_FLOW_BYTES = 1e9;

    /** Concurrent flows. */
    @Param({"10000"})
    public int flows;

    /** Links, one arc each. */
    @Param({"100"})
    public int links;

    /** Links crossed by each flow. */
    @Param({"1", "3"})
    public int routeLength;

    private Simulator<Object> simulator;
    private FlowNetwork network;
    private SplittableRandom random;
    private FlowListener restart;
    private long completed;

    /** Counters reported next to the throughput, per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        /** Simulator events handled. */
        public long events;
        /** Rate recomputations. */
        public long recomputations;
        /** Flows whose rates were recomputed. */
        public long flowsTouched;
    }

    /** Starts {@code flows} flows and lets their first rates settle. */
    @Setup(Level.Trial)
    public void setUp() {
        simulator = Simulator.withoutMainHandler(SimClock.startingAt(Instant.EPOCH));
        double[] capacity = new double[links];
        java.util.Arrays.fill(capacity, LINK_BYTES_PER_SECOND);
        network = FlowNetwork.of(simulator, capacity);
        random = new SplittableRandom(20200801);
        restart = (id, time) -> {
            completed++;
            startOne();
        };
        for (int i = 0; i < flows; i++) {
            startOne();
        }
        simulator.runUntil(0);
    }

    private void startOne() {
        int[] route = new int[routeLength];
        for (int hop = 0; hop < routeLength; hop++) {
            int link;
            boolean fresh;
            do {
                link = random.nextInt(links);
                fresh = true;
                for (int earlier = 0; earlier < hop; earlier++) {
                    fresh &= route[earlier] != link;
                }
            } while (!fresh);
            route[hop] = link;
        }
        long bytes = 1 + (long) (-MEAN_FLOW_BYTES * Math.log1p(-random.nextDouble()));
        network.startFlow(route, bytes, restart);
    }

    /** Runs until one more flow has completed (and its replacement has started). */
    @Benchmark
    public long completeOneFlow(Counters counters) {
        long eventsBefore = simulator.processedEvents();
        long recomputationsBefore = network.rateRecomputations();
        long touchedBefore = network.flowsTouched();
        long target = completed + 1;
        simulator.runWhile(() -> completed < target);
        counters.events += simulator.processedEvents() - eventsBefore;
        counters.recomputations += network.rateRecomputations() - recomputationsBefore;
        counters.flowsTouched += network.flowsTouched() - touchedBefore;
        return completed;
    }
}
