package dev.residency.sim.engine;

import java.util.Arrays;

/**
 * A ladder queue of primitive entries (time, key), the ordering structure behind {@link EventList}.
 *
 * <p><b>Algorithm.</b> Tang, Goh and Thng, "Ladder Queue: An O(1) Priority Queue Structure for
 * Large-Scale Discrete Event Simulation", ACM TOMACS 15(3), 2005. Entries live in three tiers:
 *
 * <ul>
 *   <li><em>top</em>, an unsorted list of the entries at or after {@code topStart}, with their
 *       minimum and maximum time;
 *   <li><em>rungs</em> 0 to 7, arrays of buckets of equal width. Rung 0 is spawned from the whole
 *       top, with as many buckets as entries; rung r + 1 is spawned from one bucket of rung r that
 *       holds more than {@link #SPAWN_THRESHOLD} entries, again one bucket per entry. Each rung
 *       keeps a cursor: buckets before it have been consumed;
 *   <li><em>bottom</em>, a small 4-ary min-heap over one interleaved {@code long[]}, filled with
 *       the next bucket when it runs empty.
 * </ul>
 *
 * An entry at time t goes to the top if t ≥ {@code topStart}, else to the first rung whose bucket
 * for t is not yet consumed, else to the bottom. Under the hold model each entry is bucketed a
 * constant number of times on average, so an operation costs O(1) amortised.
 *
 * <p><b>Order.</b> Only the bottom orders entries, by (time, key) with keys unique; buckets and the
 * top are unordered linked lists. So ties in time are broken by key, whichever tiers the entries
 * passed through, and the order is a pure function of the entries. The bucket of a time is {@code
 * floor((t - start) * inverseWidth)}, clamped to the rung; this is monotone in t under IEEE
 * rounding, so an entry in a consumed bucket is never later than one in a pending bucket, and equal
 * times always share a bucket.
 *
 * <p><b>Deviations from the paper</b>, for robustness rather than speed: the bottom is a heap, not a
 * sorted list, so a bucket that cannot be split (equal times, or the rung limit reached) costs
 * O(log n) per operation instead of O(n) per insertion; entries below the last rung's cursor go to
 * that heap rather than spawning a rung from the bottom.
 *
 * <p>Entries are stored per slot: the key's low bits name a slot below the capacity set with {@link
 * #ensureCapacity}, and a slot holds at most one entry. Times are finite and non-negative. Not
 * thread-safe.
 */
final class LadderQueue {

    /** A bucket with more entries than this is split into a new rung instead of sorted. */
    static final int SPAWN_THRESHOLD = 50;

    /** Rungs at most, as in the paper; a deeper split goes to the bottom heap instead. */
    static final int MAX_RUNGS = 8;

    private static final int NIL = -1;
    private static final int LOG_ARITY = 2;
    private static final int ARITY = 1 << LOG_ARITY;

    private final long slotMask;

    /** Slot s holds its entry's time bits at 2s and key at 2s + 1. */
    private long[] entries;
    /** Next slot in the same top or bucket list, or NIL. */
    private int[] next;

    private int size;

    private int topHead = NIL;
    private int topCount;
    private double topMin = Double.POSITIVE_INFINITY;
    private double topMax = Double.NEGATIVE_INFINITY;
    private double topStart;

    private int rungs;
    private final double[] rungStart = new double[MAX_RUNGS];
    private final double[] rungInverseWidth = new double[MAX_RUNGS];
    private final int[] rungBuckets = new int[MAX_RUNGS];
    private final int[] rungCursor = new int[MAX_RUNGS];
    private final int[][] bucketHeads = new int[MAX_RUNGS][];

    /** Bottom heap: entry i at heap[2i] (time bits) and heap[2i + 1] (key). */
    private long[] heap = new long[2 * 64];

    private int heapSize;

    LadderQueue(int slotBits, int capacity) {
        this.slotMask = (1L << slotBits) - 1;
        entries = new long[2 * capacity];
        next = new int[capacity];
    }

    /** Makes room for slots below {@code capacity}. */
    void ensureCapacity(int capacity) {
        if (capacity > next.length) {
            entries = Arrays.copyOf(entries, 2 * capacity);
            next = Arrays.copyOf(next, capacity);
        }
    }

    int size() {
        return size;
    }

    /** Adds the entry (time, key); {@code time} is finite and non-negative (not -0.0). */
    void add(double time, long key) {
        size++;
        if (time >= topStart) {
            int slot = store(time, key);
            next[slot] = topHead;
            topHead = slot;
            topCount++;
            if (time < topMin) {
                topMin = time;
            }
            if (time > topMax) {
                topMax = time;
            }
            return;
        }
        for (int r = 0; r < rungs; r++) {
            double x = (time - rungStart[r]) * rungInverseWidth[r];
            int cursor = rungCursor[r];
            if (x >= cursor) {
                int last = rungBuckets[r] - 1;
                int bucket = x < last ? (int) x : last;
                if (bucket >= cursor) {
                    int slot = store(time, key);
                    int[] heads = bucketHeads[r];
                    next[slot] = heads[bucket];
                    heads[bucket] = slot;
                    return;
                }
            }
        }
        heapPush(Double.doubleToRawLongBits(time), key);
    }

    /** Returns the time bits of the first entry; the queue is not empty. */
    long firstTimeBits() {
        if (heapSize == 0) {
            refill();
        }
        return heap[0];
    }

    /** Returns the key of the first entry; the queue is not empty. */
    long firstKey() {
        if (heapSize == 0) {
            refill();
        }
        return heap[1];
    }

    /** Removes the first entry, after {@link #firstKey} or {@link #firstTimeBits}. */
    void removeFirst() {
        size--;
        int last = --heapSize;
        if (last > 0) {
            siftDown(0, heap[2 * last], heap[2 * last + 1]);
        }
    }

    /**
     * Removes every entry and returns them as (time bits, key) pairs in {@code [0, 2 * size)} of the
     * returned array, in no particular order. Afterwards every time goes to the top.
     */
    long[] drain() {
        long[] out = new long[2 * size];
        int n = 0;
        for (int s = topHead; s != NIL; s = next[s]) {
            out[n++] = entries[2 * s];
            out[n++] = entries[2 * s + 1];
        }
        for (int r = 0; r < rungs; r++) {
            int[] heads = bucketHeads[r];
            for (int b = rungCursor[r]; b < rungBuckets[r]; b++) {
                for (int s = heads[b]; s != NIL; s = next[s]) {
                    out[n++] = entries[2 * s];
                    out[n++] = entries[2 * s + 1];
                }
            }
        }
        System.arraycopy(heap, 0, out, n, 2 * heapSize);
        size = 0;
        topHead = NIL;
        topCount = 0;
        topMin = Double.POSITIVE_INFINITY;
        topMax = Double.NEGATIVE_INFINITY;
        topStart = 0;
        rungs = 0;
        heapSize = 0;
        return out;
    }

    private int store(double time, long key) {
        int slot = (int) (key & slotMask);
        entries[2 * slot] = Double.doubleToRawLongBits(time);
        entries[2 * slot + 1] = key;
        return slot;
    }

    /**
     * Fills the empty bottom with the next non-empty bucket, spawning rungs from the top and from
     * crowded buckets on the way. The queue is not empty.
     */
    private void refill() {
        while (true) {
            if (rungs == 0) {
                int head = topHead;
                int count = topCount;
                double min = topMin;
                double max = topMax;
                topHead = NIL;
                topCount = 0;
                topMin = Double.POSITIVE_INFINITY;
                topMax = Double.NEGATIVE_INFINITY;
                // Later entries at max go to the top: they are after the ones at max moved now.
                topStart = max;
                if (count <= SPAWN_THRESHOLD || !spawn(head, count, min, max)) {
                    moveToBottom(head);
                    return;
                }
                continue;
            }
            int r = rungs - 1;
            int[] heads = bucketHeads[r];
            int buckets = rungBuckets[r];
            int b = rungCursor[r];
            while (b < buckets && heads[b] == NIL) {
                b++;
            }
            if (b == buckets) {
                rungCursor[r] = b;
                rungs--;
                continue;
            }
            int head = heads[b];
            heads[b] = NIL;
            rungCursor[r] = b + 1;
            int count = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int s = head; s != NIL; s = next[s]) {
                double t = Double.longBitsToDouble(entries[2 * s]);
                min = Math.min(min, t);
                max = Math.max(max, t);
                count++;
            }
            if (count <= SPAWN_THRESHOLD || rungs == MAX_RUNGS || !spawn(head, count, min, max)) {
                moveToBottom(head);
                return;
            }
        }
    }

    /**
     * Spreads the list at {@code head} over a new rung with one bucket per entry (plus one for the
     * maximum); returns false, changing nothing, if the times are too close to split.
     */
    private boolean spawn(int head, int count, double min, double max) {
        double inverseWidth = count / (max - min);
        if (!(inverseWidth < Double.POSITIVE_INFINITY)) {
            return false;
        }
        int r = rungs;
        int buckets = count + 1;
        int[] heads = bucketHeads[r];
        if (heads == null || heads.length < buckets) {
            heads = new int[Math.max(buckets, heads == null ? 0 : heads.length * 2)];
            bucketHeads[r] = heads;
        }
        Arrays.fill(heads, 0, buckets, NIL);
        rungStart[r] = min;
        rungInverseWidth[r] = inverseWidth;
        rungBuckets[r] = buckets;
        rungCursor[r] = 0;
        int last = buckets - 1;
        int s = head;
        while (s != NIL) {
            int following = next[s];
            double x = (Double.longBitsToDouble(entries[2 * s]) - min) * inverseWidth;
            int bucket = x < last ? (int) x : last;
            next[s] = heads[bucket];
            heads[bucket] = s;
            s = following;
        }
        rungs++;
        return true;
    }

    /** Moves the list at {@code head} into the empty bottom heap, then heapifies (Floyd). */
    private void moveToBottom(int head) {
        int n = 0;
        for (int s = head; s != NIL; s = next[s]) {
            if (2 * n == heap.length) {
                heap = Arrays.copyOf(heap, 2 * heap.length);
            }
            heap[2 * n] = entries[2 * s];
            heap[2 * n + 1] = entries[2 * s + 1];
            n++;
        }
        heapSize = n;
        for (int i = (n - 2) >>> LOG_ARITY; i >= 0 && n > 1; i--) {
            siftDown(i, heap[2 * i], heap[2 * i + 1]);
        }
    }

    private void heapPush(long time, long key) {
        if (heapSize == heap.length >>> 1) {
            heap = Arrays.copyOf(heap, heap.length * 2);
        }
        int index = heapSize++;
        long[] h = heap;
        while (index > 0) {
            int parent = (index - 1) >>> LOG_ARITY;
            long parentTime = h[2 * parent];
            if (parentTime < time || (parentTime == time && h[2 * parent + 1] < key)) {
                break;
            }
            h[2 * index] = parentTime;
            h[2 * index + 1] = h[2 * parent + 1];
            index = parent;
        }
        h[2 * index] = time;
        h[2 * index + 1] = key;
    }

    /** Moves the entry (time, key) down from the hole at {@code index}. */
    private void siftDown(int index, long time, long key) {
        long[] h = heap;
        int n = heapSize;
        while (true) {
            int child = (index << LOG_ARITY) + 1;
            if (child >= n) {
                break;
            }
            int best = child;
            long bestTime = h[2 * child];
            long bestKey = h[2 * child + 1];
            int end = Math.min(child + ARITY, n);
            for (int c = child + 1; c < end; c++) {
                long t = h[2 * c];
                if (t < bestTime || (t == bestTime && h[2 * c + 1] < bestKey)) {
                    best = c;
                    bestTime = t;
                    bestKey = h[2 * c + 1];
                }
            }
            if (time < bestTime || (time == bestTime && key < bestKey)) {
                break;
            }
            h[2 * index] = bestTime;
            h[2 * index + 1] = bestKey;
            index = best;
        }
        h[2 * index] = time;
        h[2 * index + 1] = key;
    }
}
