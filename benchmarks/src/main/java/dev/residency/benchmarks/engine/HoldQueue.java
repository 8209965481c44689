package dev.residency.benchmarks.engine;

/**
 * One event list under the hold model: {@link #hold} removes the earliest pending event and
 * schedules one at its time plus an increment. Each JMH fork loads one implementation, so calls
 * through this interface are monomorphic and inlined.
 */
interface HoldQueue {

    /** Schedules an event at {@code time}. */
    void add(double time);

    /** Pops the earliest event and schedules one {@code increment} after it; returns the popped time. */
    double hold(double increment);
}
