package dev.residency.sim.engine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.util.Arrays;

/**
 * A future-event list: pending events ordered by time, ties broken by insertion order.
 *
 * <p>The list is a 4-ary min-heap over one primitive {@code long[]} holding, per entry, the bits
 * of the event time next to a key that packs the insertion sequence number with the index of the
 * payload's slot. Non-negative doubles order like their raw bits read as signed longs, so one entry
 * compares with two {@code long} comparisons and sits in 16 contiguous bytes; the four children of
 * a node share one or two cache lines. Payloads live in a reused slot array, so scheduling
 * allocates nothing once the arrays have grown. A {@link #poll} leaves the root vacant; if the next
 * call is a {@link #schedule}, as in a simulation step whose handler schedules a successor, the new
 * entry fills the root and sifts down once, instead of a sift-down for the removal and a sift-up for
 * the insertion. (Arities 8 and 16 and Wegener's bottom-up sift-down measured no faster here.)
 *
 * <p><b>Ordering.</b> Events are delivered in increasing time; events with equal times are
 * delivered in the order they were scheduled (first in, first out). This makes a run
 * deterministic.
 *
 * <p><b>Cancellation</b> leaves a tombstone in the heap that is skipped when it reaches the top;
 * when tombstones outnumber live events the heap is rebuilt without them, so memory stays
 * proportional to the live events.
 *
 * <p>Not thread-safe.
 *
 * @param <E> the payload type
 */
public final class EventList<E> {

    /** Bits of the packed key that hold the slot index: at most 2^27 (134 million) pending events. */
    static final int SLOT_BITS = 27;

    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
    private static final int MAX_SLOTS = 1 << SLOT_BITS;
    /** Sequence numbers stay below 2^36 so that packed keys stay positive; then they are renumbered. */
    private static final long DEFAULT_SEQUENCE_LIMIT = 1L << (63 - SLOT_BITS);

    /** Handles pack a 36-bit slot generation above the slot index, so they are never negative. */
    private static final long GENERATION_MASK = (1L << (63 - SLOT_BITS)) - 1;

    /** Log2 of the heap's arity. */
    private static final int LOG_ARITY = 2;

    private static final int ARITY = 1 << LOG_ARITY;

    private static final Object TOMBSTONE = new Object();
    private static final int INITIAL_CAPACITY = 16;

    private final long sequenceLimit;

    /** Entry i occupies heap[2i] (time bits) and heap[2i+1] (sequence << SLOT_BITS | slot). */
    private long[] heap;

    private int heapSize;

    private Object[] payloads;
    /** Bumped each time a slot is freed, so that stale handles are recognised. */
    private long[] slotGeneration;

    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;

    private long nextSequence;
    private int tombstones;
    /**
     * True after {@link #poll} until the next operation: the root entry is stale. A following
     * {@link #schedule} puts its entry there and sifts it down once, so that a pop followed by a
     * schedule (the usual step of a simulation) costs one sift instead of two.
     */
    private boolean rootVacant;

    /** Creates an empty list. */
    public EventList() {
        this(DEFAULT_SEQUENCE_LIMIT);
    }

    /** Creates an empty list that renumbers sequences at {@code sequenceLimit}; for tests. */
    EventList(long sequenceLimit) {
        checkArgument(
                sequenceLimit > 1 && sequenceLimit <= DEFAULT_SEQUENCE_LIMIT,
                "sequenceLimit must be in (1, 2^36], got %s",
                sequenceLimit);
        this.sequenceLimit = sequenceLimit;
        heap = new long[2 * INITIAL_CAPACITY];
        payloads = new Object[INITIAL_CAPACITY];
        slotGeneration = new long[INITIAL_CAPACITY];
        freeSlots = new int[INITIAL_CAPACITY];
    }

    /**
     * Schedules {@code payload} at {@code timeSeconds} and returns a handle for {@link #cancel}.
     *
     * @throws IllegalArgumentException if {@code timeSeconds} is negative, NaN or infinite
     * @throws NullPointerException if {@code payload} is null
     * @throws IllegalStateException if 2^27 events are already pending
     */
    public long schedule(double timeSeconds, E payload) {
        if (!(timeSeconds >= 0 && timeSeconds < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("timeSeconds must be finite and >= 0, got " + timeSeconds);
        }
        if (payload == null) {
            throw new NullPointerException("payload");
        }
        if (nextSequence == sequenceLimit) {
            renumber();
        }
        int slot = allocateSlot();
        long sequence = nextSequence++;
        payloads[slot] = payload;
        // Adding 0.0 turns -0.0 into +0.0, whose bits order correctly.
        long time = Double.doubleToRawLongBits(timeSeconds + 0.0);
        long key = (sequence << SLOT_BITS) | slot;
        if (rootVacant) {
            rootVacant = false;
            siftDown(0, time, key);
        } else {
            if (heapSize == heap.length >>> 1) {
                heap = Arrays.copyOf(heap, heap.length * 2);
            }
            siftUp(heapSize++, time, key);
        }
        return (slotGeneration[slot] << SLOT_BITS) | slot;
    }

    /**
     * Cancels the event with {@code handle} if it is still pending.
     *
     * @return true if the event was pending and is now cancelled; false if it was already
     *     delivered or cancelled, or the handle is not one of this list's
     */
    public boolean cancel(long handle) {
        if (handle < 0) {
            return false;
        }
        int slot = (int) (handle & SLOT_MASK);
        if (slot >= slotsUsed
                || slotGeneration[slot] != handle >>> SLOT_BITS
                || payloads[slot] == null
                || payloads[slot] == TOMBSTONE) {
            return false;
        }
        payloads[slot] = TOMBSTONE;
        tombstones++;
        if (tombstones > 64 && tombstones > heapSize - tombstones) {
            compact();
        }
        return true;
    }

    /** Returns true if no event is pending. */
    public boolean isEmpty() {
        return size() == 0;
    }

    /** Returns the number of pending (not cancelled) events. */
    public int size() {
        return heapSize - tombstones - (rootVacant ? 1 : 0);
    }

    /**
     * Returns the time of the earliest pending event, or {@link Double#POSITIVE_INFINITY} if none is
     * pending (a sentinel, so that loops can compare without a separate emptiness test).
     */
    public double peekTime() {
        dropCancelledTop();
        return heapSize == 0 ? Double.POSITIVE_INFINITY : Double.longBitsToDouble(heap[0]);
    }

    /**
     * Removes the earliest pending event and returns its payload.
     *
     * @throws IllegalStateException if no event is pending
     */
    @SuppressWarnings("unchecked")
    public E poll() {
        dropCancelledTop();
        checkState(heapSize > 0, "poll() on an empty event list");
        int slot = (int) (heap[1] & SLOT_MASK);
        Object payload = payloads[slot];
        freeSlot(slot);
        rootVacant = true;
        return (E) payload;
    }

    /** Removes every pending event. Handles issued before become invalid. */
    public void clear() {
        fillVacantRoot();
        for (int i = 0; i < heapSize; i++) {
            freeSlot((int) (heap[2 * i + 1] & SLOT_MASK));
        }
        heapSize = 0;
        tombstones = 0;
    }

    private void dropCancelledTop() {
        fillVacantRoot();
        while (heapSize > 0) {
            int slot = (int) (heap[1] & SLOT_MASK);
            if (payloads[slot] != TOMBSTONE) {
                return;
            }
            removeTop();
            freeSlot(slot);
            tombstones--;
        }
    }

    /** Completes a pending {@link #poll} by moving the last entry into the root. */
    private void fillVacantRoot() {
        if (rootVacant) {
            rootVacant = false;
            removeTop();
        }
    }

    private void removeTop() {
        int last = --heapSize;
        if (last > 0) {
            siftDown(0, heap[2 * last], heap[2 * last + 1]);
        }
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        checkState(slotsUsed < MAX_SLOTS, "more than %s pending events", MAX_SLOTS);
        if (slotsUsed == payloads.length) {
            int grown = (int) Math.min(MAX_SLOTS, 2L * payloads.length);
            payloads = Arrays.copyOf(payloads, grown);
            slotGeneration = Arrays.copyOf(slotGeneration, grown);
            freeSlots = Arrays.copyOf(freeSlots, grown);
        }
        return slotsUsed++;
    }

    private void freeSlot(int slot) {
        payloads[slot] = null;
        slotGeneration[slot] = (slotGeneration[slot] + 1) & GENERATION_MASK;
        freeSlots[freeCount++] = slot;
    }

    /** Moves the entry (time, key) up from the hole at {@code index}. */
    private void siftUp(int index, long time, long key) {
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
        int size = heapSize;
        while (true) {
            int child = (index << LOG_ARITY) + 1;
            if (child >= size) {
                break;
            }
            // Smallest of up to ARITY children, comparing (time, key) lexicographically.
            int best = child;
            long bestTime = h[2 * child];
            long bestKey = h[2 * child + 1];
            int end = Math.min(child + ARITY, size);
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

    /** Drops tombstones and restores the heap property bottom-up (Floyd), in linear time. */
    private void compact() {
        fillVacantRoot();
        int kept = 0;
        for (int i = 0; i < heapSize; i++) {
            long key = heap[2 * i + 1];
            int slot = (int) (key & SLOT_MASK);
            if (payloads[slot] == TOMBSTONE) {
                freeSlot(slot);
            } else {
                heap[2 * kept] = heap[2 * i];
                heap[2 * kept + 1] = key;
                kept++;
            }
        }
        heapSize = kept;
        tombstones = 0;
        heapify();
    }

    private void heapify() {
        for (int i = (heapSize - 2) >>> LOG_ARITY; i >= 0 && heapSize > 1; i--) {
            siftDown(i, heap[2 * i], heap[2 * i + 1]);
        }
    }

    /**
     * Gives the pending events fresh sequence numbers 0, 1, … in their current delivery order, so
     * that sequence numbers never overflow their bits. Runs once every 2^36 schedules; handles stay
     * valid because they name slots, not sequence numbers.
     */
    private void renumber() {
        compact();
        Integer[] order = new Integer[heapSize];
        for (int i = 0; i < heapSize; i++) {
            order[i] = i;
        }
        long[] h = heap;
        Arrays.sort(order, (a, b) -> {
            int byTime = Long.compare(h[2 * a], h[2 * b]);
            return byTime != 0 ? byTime : Long.compare(h[2 * a + 1], h[2 * b + 1]);
        });
        long[] sorted = new long[heap.length];
        for (int i = 0; i < heapSize; i++) {
            int slot = (int) (h[2 * order[i] + 1] & SLOT_MASK);
            sorted[2 * i] = h[2 * order[i]];
            sorted[2 * i + 1] = ((long) i << SLOT_BITS) | slot;
        }
        // A sorted array is a valid heap.
        heap = sorted;
        nextSequence = heapSize;
    }
}
