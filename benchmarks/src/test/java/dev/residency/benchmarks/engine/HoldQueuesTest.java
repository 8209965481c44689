package dev.residency.benchmarks.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Param;

/**
 * Every hold-model adapter compared by {@link HoldModelBenchmark} and {@link HoldSpreadBenchmark} is an
 * event list: under the same adds and holds it pops the same sequence of times as a naive reference
 * (a {@link PriorityQueue} of times), including with many equal times; so the benchmarks compare
 * lists that do the same work. Seeded; the seed and adapter are in every failure.
 */
final class HoldQueuesTest {

    /** Returns every adapter the two hold benchmarks compare, read from their {@code queue} parameters. */
    static Set<String> adapters() throws NoSuchFieldException {
        Set<String> names = new TreeSet<>();
        for (Class<?> benchmark : List.of(HoldModelBenchmark.class, HoldSpreadBenchmark.class)) {
            names.addAll(List.of(
                    benchmark.getField("queue").getAnnotation(Param.class).value()));
        }
        return names;
    }

    static Stream<Arguments> cases() throws NoSuchFieldException {
        List<Arguments> out = new ArrayList<>();
        for (String adapter : adapters()) {
            for (long seed = 0; seed < 6; seed++) {
                out.add(Arguments.of(adapter, seed));
            }
        }
        return out.stream();
    }

    @org.junit.jupiter.api.Test
    void adapters_includeSsjFastestAndSlowestLists() throws NoSuchFieldException {
        assertThat(adapters()).contains("ssjHenriksen", "ssjSplayTree", "residency", "priorityQueue");
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void hold_randomAddsAndHolds_popTheSameTimesAsAReference(String adapter, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        // Odd seeds draw whole-number times and increments, so that equal times are common.
        boolean ties = seed % 2 == 1;
        int size = 1 + rng.nextInt(seed < 2 ? 10 : 2_000);
        HoldQueue queue = HoldQueues.create(adapter);
        PriorityQueue<Double> reference = new PriorityQueue<>();
        for (int i = 0; i < size; i++) {
            double time = ties ? rng.nextInt(20) : rng.nextDouble() * 100;
            queue.add(time);
            reference.add(time);
        }
        for (int i = 0; i < 20_000; i++) {
            double increment = ties ? rng.nextInt(5) : -Math.log(1 - rng.nextDouble());
            double expected = reference.poll();
            reference.add(expected + increment);

            double popped = queue.hold(increment);

            assertThat(popped).as("%s seed %d hold %d", adapter, seed, i).isEqualTo(expected);
        }
    }
}
