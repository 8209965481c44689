package dev.residency.sim.engine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.util.Arrays;

/**
 * A future-event list: pending events ordered by time, ties broken by insertion order.
 *
 * <p><b>Algorithm.</b> The order lives in a {@link LadderQueue} (Tang, Goh and Thng, "Ladder Queue:
 * An O(1) Priority Queue Structure for Large-Scale Discrete Event Simulation", ACM TOMACS 2005): an
 * unsorted top, up to eight rungs of buckets, and a small bottom heap, with O(1) amortised cost per
 * operation under the hold model instead of a heap's O(log n). Each entry is the bits of the event
 * time (non-negative doubles order like their raw bits read as signed longs) and a key that packs
 * the insertion sequence number with the index of the payload's slot. Payloads live in a reused
 * slot array, so scheduling allocates nothing once the arrays have grown. (The previous 4-ary heap
 * over the same entries, and arities 8 and 16, measured slower at 10^5 and more pending events; see
 * {@code benchmarks/README.md}.)
 *
 * <p><b>Ordering.</b> Events are delivered in increasing time; events with equal times are
 * delivered in the order they were scheduled (first in, first out), because the ladder compares
 * (time, sequence) wherever it orders entries. This makes a run deterministic.
 *
 * <p><b>Cancellation</b> leaves a tombstone that is skipped when it comes first; when tombstones
 * outnumber live events the list is rebuilt without them, so memory stays proportional to the live
 * events.
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

    private static final Object TOMBSTONE = new Object();
    private static final int INITIAL_CAPACITY = 16;

    private final long sequenceLimit;

    /** Entries (time bits, sequence << SLOT_BITS | slot), including tombstones. */
    private final LadderQueue queue;

    private Object[] payloads;
    /** Bumped each time a slot is freed, so that stale handles are recognised. */
    private long[] slotGeneration;

    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;

    private long nextSequence;
    private int tombstones;

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
        queue = new LadderQueue(SLOT_BITS, INITIAL_CAPACITY);
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
        queue.add(timeSeconds + 0.0, (sequence << SLOT_BITS) | slot);
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
        if (tombstones > 64 && tombstones > queue.size() - tombstones) {
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
        return queue.size() - tombstones;
    }

    /**
     * Returns the time of the earliest pending event, or {@link Double#POSITIVE_INFINITY} if none is
     * pending (a sentinel, so that loops can compare without a separate emptiness test).
     */
    public double peekTime() {
        dropCancelledFirst();
        return queue.size() == 0 ? Double.POSITIVE_INFINITY : Double.longBitsToDouble(queue.firstTimeBits());
    }

    /**
     * Removes the earliest pending event and returns its payload.
     *
     * @throws IllegalStateException if no event is pending
     */
    @SuppressWarnings("unchecked")
    public E poll() {
        dropCancelledFirst();
        checkState(queue.size() > 0, "poll() on an empty event list");
        int slot = (int) (queue.firstKey() & SLOT_MASK);
        queue.removeFirst();
        Object payload = payloads[slot];
        freeSlot(slot);
        return (E) payload;
    }

    /** Removes every pending event. Handles issued before become invalid. */
    public void clear() {
        long[] all = queue.drain();
        for (int i = 1; i < all.length; i += 2) {
            freeSlot((int) (all[i] & SLOT_MASK));
        }
        tombstones = 0;
    }

    private void dropCancelledFirst() {
        while (tombstones > 0 && queue.size() > 0) {
            int slot = (int) (queue.firstKey() & SLOT_MASK);
            if (payloads[slot] != TOMBSTONE) {
                return;
            }
            queue.removeFirst();
            freeSlot(slot);
            tombstones--;
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
            queue.ensureCapacity(grown);
        }
        return slotsUsed++;
    }

    private void freeSlot(int slot) {
        payloads[slot] = null;
        slotGeneration[slot] = (slotGeneration[slot] + 1) & GENERATION_MASK;
        freeSlots[freeCount++] = slot;
    }

    /**
     * Takes every entry out of the queue, frees the slots of cancelled ones, and returns the live
     * entries as (time bits, key) pairs in {@code [0, 2 * size())}.
     */
    private long[] drainLive() {
        long[] all = queue.drain();
        int kept = 0;
        for (int i = 0; i < all.length; i += 2) {
            int slot = (int) (all[i + 1] & SLOT_MASK);
            if (payloads[slot] == TOMBSTONE) {
                freeSlot(slot);
            } else {
                all[kept++] = all[i];
                all[kept++] = all[i + 1];
            }
        }
        tombstones = 0;
        return Arrays.copyOf(all, kept);
    }

    /** Rebuilds the queue without tombstones, in linear time. */
    private void compact() {
        long[] live = drainLive();
        for (int i = 0; i < live.length; i += 2) {
            queue.add(Double.longBitsToDouble(live[i]), live[i + 1]);
        }
    }

    /**
     * Gives the pending events fresh sequence numbers 0, 1, … in their current delivery order, so
     * that sequence numbers never overflow their bits. Runs once every 2^36 schedules; handles stay
     * valid because they name slots, not sequence numbers.
     */
    private void renumber() {
        long[] live = drainLive();
        int n = live.length / 2;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byTime = Long.compare(live[2 * a], live[2 * b]);
            return byTime != 0 ? byTime : Long.compare(live[2 * a + 1], live[2 * b + 1]);
        });
        for (int i = 0; i < n; i++) {
            long slot = live[2 * order[i] + 1] & SLOT_MASK;
            queue.add(Double.longBitsToDouble(live[2 * order[i]]), ((long) i << SLOT_BITS) | slot);
        }
        nextSequence = n;
    }
}
