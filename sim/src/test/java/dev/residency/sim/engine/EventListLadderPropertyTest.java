package dev.residency.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: with thousands of pending events, enough to spawn ladder rungs and crowded buckets,
 * {@link EventList} delivers exactly the order of a {@link TreeMap} keyed by (time, insertion
 * order), under random bursts of schedules, hold steps, cancellations and polls, for time
 * distributions that stress the ladder: continuous, few distinct times (large ties), all equal,
 * huge spreads (mixed magnitudes up to 10^12), and times before the last delivered one.
 */
final class EventListLadderPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 120);
    }

    private record Key(double time, long order) {}

    private static final Comparator<Key> ORDER =
            Comparator.comparingDouble(Key::time).thenComparingLong(Key::order);

    /** Draws an increment after {@code now} in the given style. */
    private static double increment(SplittableRandom rng, int style) {
        return switch (style) {
            case 0 -> -Math.log1p(-rng.nextDouble()); // Exp(1)
            case 1 -> rng.nextInt(3); // few distinct values: large ties
            case 2 -> 0; // all equal to now
            case 3 -> rng.nextInt(10) == 0 ? Math.pow(10, rng.nextInt(13)) * rng.nextDouble() : rng.nextDouble() * 1e-9;
            default -> rng.nextDouble() < 0.9 ? rng.nextDouble() * 0.1 : 10 + rng.nextDouble();
        };
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void operations_largeBurstsAndHolds_matchTreeMap(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        EventList<Long> list = rng.nextInt(4) == 0 ? new EventList<>(2 + rng.nextInt(5000)) : new EventList<>();
        TreeMap<Key, Long> reference = new TreeMap<>(ORDER);
        Map<Long, Key> byHandle = new HashMap<>();
        List<Long> handles = new ArrayList<>();
        int style = rng.nextInt(5);
        boolean intoPast = rng.nextInt(4) == 0;
        double now = 0;
        long order = 0;
        int rounds = 20 + rng.nextInt(40);
        for (int round = 0; round < rounds; round++) {
            String where = "seed " + seed + " style " + style + " round " + round;
            int action = rng.nextInt(5);
            int count = 1 + rng.nextInt(rng.nextBoolean() ? 100 : 3000);
            for (int i = 0; i < count; i++) {
                if (action <= 1) {
                    double base = intoPast && rng.nextInt(5) == 0 ? now * rng.nextDouble() : now;
                    double time = base + increment(rng, style);
                    long handle = list.schedule(time, order);
                    Key key = new Key(time + 0.0, order++);
                    reference.put(key, key.order());
                    byHandle.put(handle, key);
                    handles.add(handle);
                } else if (action == 2 && !handles.isEmpty()) {
                    long handle = handles.get(rng.nextInt(handles.size()));
                    Key key = byHandle.remove(handle);
                    boolean pending = key != null && reference.remove(key) != null;
                    assertThat(list.cancel(handle)).as("%s cancel %d", where, i).isEqualTo(pending);
                } else if (!reference.isEmpty()) {
                    // A poll, and on action 3 a hold: the polled event schedules a successor.
                    Map.Entry<Key, Long> first = reference.pollFirstEntry();
                    assertThat(list.peekTime())
                            .as("%s peek %d", where, i)
                            .isEqualTo(first.getKey().time());
                    assertThat(list.poll()).as("%s poll %d", where, i).isEqualTo(first.getValue());
                    now = first.getKey().time();
                    if (action == 3) {
                        double time = now + increment(rng, style);
                        long handle = list.schedule(time, order);
                        Key key = new Key(time, order++);
                        reference.put(key, key.order());
                        byHandle.put(handle, key);
                        handles.add(handle);
                    }
                }
            }
            assertThat(list.size()).as("%s size", where).isEqualTo(reference.size());
            if (rng.nextInt(30) == 0) {
                list.clear();
                reference.clear();
                byHandle.clear();
            }
        }
        while (!reference.isEmpty()) {
            Map.Entry<Key, Long> first = reference.pollFirstEntry();
            assertThat(list.poll()).as("seed %d drain", seed).isEqualTo(first.getValue());
        }
        assertThat(list.isEmpty()).as("seed %d empty", seed).isTrue();
        assertThat(list.peekTime()).as("seed %d peek empty", seed).isEqualTo(Double.POSITIVE_INFINITY);
    }
}
