package dev.residency.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: under any random mix of schedules, cancellations and polls, {@link EventList} delivers
 * exactly what a linear-scan reference delivers: the pending event with the smallest (time,
 * insertion order), and cancellations succeed exactly for pending events.
 */
final class EventListPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    /** One reference entry: time, insertion order, payload, handle. */
    private record Ref(double time, long order, int payload, long handle) {}

    @ParameterizedTest
    @MethodSource("seeds")
    void operations_randomMix_matchReference(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        // Small sequence limits exercise renumbering.
        EventList<Integer> list = rng.nextBoolean() ? new EventList<>() : new EventList<>(2 + rng.nextInt(200));
        List<Ref> pending = new ArrayList<>();
        List<Long> gone = new ArrayList<>();
        boolean discreteTimes = rng.nextBoolean();
        double now = 0;
        long order = 0;
        int operations = 200 + rng.nextInt(1500);
        for (int op = 0; op < operations; op++) {
            int kind = rng.nextInt(10);
            if (kind < 5) {
                double time = now + (discreteTimes ? rng.nextInt(4) : rng.nextDouble() * 10);
                int payload = (int) order;
                long handle = list.schedule(time, payload);
                pending.add(new Ref(time, order++, payload, handle));
            } else if (kind < 7 && !pending.isEmpty()) {
                Ref victim = pending.remove(rng.nextInt(pending.size()));
                assertThat(list.cancel(victim.handle()))
                        .as("seed %d op %d cancel", seed, op)
                        .isTrue();
                gone.add(victim.handle());
            } else if (kind < 8 && !gone.isEmpty()) {
                long stale = gone.get(rng.nextInt(gone.size()));
                assertThat(list.cancel(stale))
                        .as("seed %d op %d stale cancel", seed, op)
                        .isFalse();
            } else {
                Ref min = null;
                for (Ref r : pending) {
                    if (min == null || r.time() < min.time() || (r.time() == min.time() && r.order() < min.order())) {
                        min = r;
                    }
                }
                assertThat(list.peekTime())
                        .as("seed %d op %d peek", seed, op)
                        .isEqualTo(min == null ? Double.POSITIVE_INFINITY : min.time());
                if (min != null) {
                    assertThat(list.poll()).as("seed %d op %d poll", seed, op).isEqualTo(min.payload());
                    pending.remove(min);
                    gone.add(min.handle());
                    now = min.time();
                }
            }
            assertThat(list.size()).as("seed %d op %d size", seed, op).isEqualTo(pending.size());
        }
    }
}
