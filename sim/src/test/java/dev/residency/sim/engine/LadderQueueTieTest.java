package dev.residency.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ladder queue's order among entries of equal time, where the random property tests (continuous
 * times, so almost never a tie) do not look: the bottom heap sifting a crowd of equal times by key,
 * and an entry added exactly on the first boundary of a rung's next bucket, which must wait behind
 * the earlier entry of the same time already in that bucket. The expected order is a naive sort of
 * the (time, key) pairs.
 */
final class LadderQueueTieTest {

    private static final int SLOT_BITS = 8;

    /** One entry as the queue stores it: its time and its key (sequence, then slot). */
    private record Entry(double time, long key) {}

    private static long key(long sequence, int slot) {
        return (sequence << SLOT_BITS) | slot;
    }

    private static List<Entry> pollAll(LadderQueue queue) {
        List<Entry> out = new ArrayList<>();
        while (queue.size() > 0) {
            long time = queue.firstTimeBits();
            long key = queue.firstKey();
            queue.removeFirst();
            out.add(new Entry(Double.longBitsToDouble(time), key));
        }
        return out;
    }

    private static List<Entry> sorted(List<Entry> entries) {
        List<Entry> out = new ArrayList<>(entries);
        out.sort(Comparator.comparingDouble(Entry::time).thenComparingLong(Entry::key));
        return out;
    }

    @Test
    void bottomHeap_fortyEqualTimes_leaveInKeyOrder() {
        // 40 entries (below the spawn threshold of 50) all at 5 s go to the top, then all at once to
        // the bottom heap; with 4 children per node every sift compares equal times, so only the
        // key orders them: the sift-down must take the child with the smallest key, and stop above
        // a child of equal time only if its own key is smaller.
        LadderQueue queue = new LadderQueue(SLOT_BITS, 64);
        List<Entry> added = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Entry e = new Entry(5.0, key(i, i));
            queue.add(e.time(), e.key());
            added.add(e);
        }

        assertThat(pollAll(queue)).containsExactlyElementsOf(sorted(added));
    }

    @Test
    void bottomHeap_equalTimesMixedWithOthers_leaveInTimeThenKeyOrder() {
        // Three times, interleaved in scheduling, 13 entries each: the heap holds runs of equal times
        // at every level.
        LadderQueue queue = new LadderQueue(SLOT_BITS, 64);
        List<Entry> added = new ArrayList<>();
        double[] times = {7.0, 3.0, 5.0};
        for (int i = 0; i < 39; i++) {
            Entry e = new Entry(times[i % 3], key(i, i));
            queue.add(e.time(), e.key());
            added.add(e);
        }

        assertThat(pollAll(queue)).containsExactlyElementsOf(sorted(added));
    }

    @Test
    void rung_entryExactlyOnTheNextBucketsStart_waitsBehindTheEarlierEntryOfThatTime() {
        // 51 entries at 0, 1, ..., 49 and 51 s: more than the threshold of 50, so the first refill
        // spawns rung 0 from the top with 52 buckets of width (51 - 0) / 51 = 1 s: the entry at t s is
        // in bucket t (51 in the last, 51). Bucket 0 goes to the bottom and its entry leaves; the
        // rung's cursor is then 1.
        LadderQueue queue = new LadderQueue(SLOT_BITS, 64);
        List<Entry> added = new ArrayList<>();
        long sequence = 0;
        for (int t = 0; t <= 51; t++) {
            if (t == 50) {
                continue;
            }
            Entry e = new Entry(t, key(sequence, (int) sequence));
            sequence++;
            queue.add(e.time(), e.key());
            added.add(e);
        }
        List<Entry> polled = new ArrayList<>();
        polled.add(new Entry(Double.longBitsToDouble(queue.firstTimeBits()), queue.firstKey()));
        queue.removeFirst();
        assertThat(polled).containsExactly(new Entry(0.0, key(0, 0)));

        // A later entry at 1 s falls exactly on bucket 1's start (x = 1 = the cursor): it belongs in
        // bucket 1, after the entry at 1 s already there (smaller key), not in the bottom ahead of it.
        Entry late = new Entry(1.0, key(sequence, (int) sequence));
        queue.add(late.time(), late.key());
        added.add(late);
        polled.addAll(pollAll(queue));

        assertThat(polled).containsExactlyElementsOf(sorted(added));
        assertThat(polled.subList(1, 3)).containsExactly(new Entry(1.0, key(1, 1)), late);
    }
}
