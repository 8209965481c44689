package dev.residency.sim.engine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.ObjDoubleConsumer;

/**
 * A discrete-event simulator: a clock in seconds and an {@link EventList}.
 *
 * <p>Events come in two channels. <em>Main</em> events of type {@code E} go to the {@link
 * EventHandler} given at construction; define {@code E} as a sealed interface with one record per
 * event kind. <em>Component</em> events of any type {@code T} are scheduled together with their own
 * target {@link Consumer}, so that components such as the flow network can keep their own sealed
 * event types without the main type knowing them. Both channels share one event list and one order.
 *
 * <p><b>Order and determinism.</b> Events fire in increasing time; events at equal times fire in the
 * order they were scheduled. Nothing else (no hash order, no wall clock) influences the order, so
 * the same inputs give the same event sequence, bit for bit.
 *
 * <p><b>Instant-end hooks</b> ({@link #onInstantEnd}) run after the last event of each instant, that
 * is, when the next pending event is later than {@link #now()} or none is pending. A hook may
 * schedule events at the current instant; they fire next, and the hooks run again after them.
 *
 * <p>Not thread-safe: one simulator per thread (replications run on separate simulators).
 *
 * @param <E> the type of main events
 */
public final class Simulator<E> {

    private final SimClock clock;
    private final EventHandler<E> handler;
    private final EventList<Object> events = new EventList<>();
    private final List<Runnable> instantEndHooks = new ArrayList<>();
    private final List<ObjDoubleConsumer<Object>> observers = new ArrayList<>();

    private double now;
    private long processed;
    private boolean stopRequested;

    /**
     * Creates a simulator at time zero whose main events go to {@code handler}.
     *
     * @throws NullPointerException if an argument is null
     */
    public Simulator(SimClock clock, EventHandler<E> handler) {
        this.clock = checkNotNull(clock, "clock");
        this.handler = checkNotNull(handler, "handler");
    }

    /**
     * Returns a simulator that only carries component events (scheduled with a target); scheduling a
     * main event on it fails when the event fires.
     */
    public static Simulator<Object> withoutMainHandler(SimClock clock) {
        return new Simulator<>(clock, (sim, event) -> {
            throw new IllegalStateException("no main handler for event " + event);
        });
    }

    /** Returns the current simulation time in seconds since the start. */
    public double now() {
        return now;
    }

    /** Returns the clock that maps simulation time to calendar time. */
    public SimClock clock() {
        return clock;
    }

    /** Returns the number of events handled so far, of both channels. */
    public long processedEvents() {
        return processed;
    }

    /** Returns the number of pending events. */
    public int pendingEvents() {
        return events.size();
    }

    /**
     * Returns the time of the next pending event, or {@link Double#POSITIVE_INFINITY} if none.
     */
    public double nextEventTime() {
        return events.peekTime();
    }

    /**
     * Schedules main event {@code event} {@code delaySeconds} from now and returns a handle for
     * {@link #cancel}.
     *
     * @throws IllegalArgumentException if {@code delaySeconds} is negative, NaN or infinite
     */
    public long schedule(double delaySeconds, E event) {
        return scheduleAt(now + checkDelay(delaySeconds), event);
    }

    /**
     * Schedules main event {@code event} at absolute time {@code timeSeconds}.
     *
     * @throws IllegalArgumentException if {@code timeSeconds} is before {@link #now()} or not finite
     */
    public long scheduleAt(double timeSeconds, E event) {
        checkNotNull(event, "event");
        return events.schedule(checkTime(timeSeconds), event);
    }

    /**
     * Schedules component event {@code event} {@code delaySeconds} from now, to be passed to {@code
     * target}, and returns a handle for {@link #cancel}.
     *
     * @throws IllegalArgumentException if {@code delaySeconds} is negative, NaN or infinite
     */
    public <T> long schedule(double delaySeconds, Consumer<? super T> target, T event) {
        return scheduleAt(now + checkDelay(delaySeconds), target, event);
    }

    /**
     * Schedules component event {@code event} at absolute time {@code timeSeconds}, to be passed to
     * {@code target}.
     *
     * @throws IllegalArgumentException if {@code timeSeconds} is before {@link #now()} or not finite
     */
    public <T> long scheduleAt(double timeSeconds, Consumer<? super T> target, T event) {
        checkNotNull(target, "target");
        checkNotNull(event, "event");
        return events.schedule(checkTime(timeSeconds), new Routed<>(target, event));
    }

    /**
     * Cancels the pending event with {@code handle}.
     *
     * @return true if it was pending; false if it already fired or was cancelled
     */
    public boolean cancel(long handle) {
        return events.cancel(handle);
    }

    /** Registers {@code hook} to run after the last event of every instant. */
    public void onInstantEnd(Runnable hook) {
        instantEndHooks.add(checkNotNull(hook, "hook"));
    }

    /**
     * Registers {@code observer} to see every event, of both channels, with its time, just before
     * it is handled; for traces and tests.
     */
    public void onEvent(ObjDoubleConsumer<Object> observer) {
        observers.add(checkNotNull(observer, "observer"));
    }

    /** Makes the running {@code run*} call return after the current event. */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Handles the next pending event, advancing the clock to its time.
     *
     * @return false if no event was pending
     */
    public boolean step() {
        double time = events.peekTime();
        if (time == Double.POSITIVE_INFINITY) {
            return false;
        }
        Object event = events.poll();
        now = time;
        processed++;
        dispatch(event, time);
        if (!instantEndHooks.isEmpty() && events.peekTime() > now) {
            for (int i = 0; i < instantEndHooks.size(); i++) {
                instantEndHooks.get(i).run();
            }
        }
        return true;
    }

    /**
     * Handles every event at or before {@code timeSeconds}, then advances the clock to {@code
     * timeSeconds} unless {@link #stop()} was called.
     *
     * @throws IllegalArgumentException if {@code timeSeconds} is before {@link #now()} or NaN
     */
    public void runUntil(double timeSeconds) {
        checkArgument(timeSeconds >= now, "timeSeconds %s is before now (%s)", timeSeconds, now);
        stopRequested = false;
        // step() returns false once nothing is pending (its time is +infinity, which is <= an infinite limit).
        while (!stopRequested && events.peekTime() <= timeSeconds && step()) {
            // step() does the work
        }
        if (!stopRequested && timeSeconds < Double.POSITIVE_INFINITY) {
            now = timeSeconds;
        }
    }

    /**
     * Handles events while {@code condition} holds (it is tested before each event) and events are
     * pending, or until {@link #stop()}.
     */
    public void runWhile(BooleanSupplier condition) {
        checkNotNull(condition, "condition");
        stopRequested = false;
        while (!stopRequested && condition.getAsBoolean() && step()) {
            // step() does the work
        }
    }

    /** Handles events until none is pending or {@link #stop()} is called. */
    public void run() {
        stopRequested = false;
        while (!stopRequested && step()) {
            // step() does the work
        }
    }

    @SuppressWarnings("unchecked")
    private void dispatch(Object event, double time) {
        for (int i = 0; i < observers.size(); i++) {
            observers.get(i).accept(event instanceof Routed<?> r ? r.event() : event, time);
        }
        if (event instanceof Routed<?> routed) {
            routed.fire();
        } else {
            handler.handle(this, (E) event);
        }
    }

    private static double checkDelay(double delaySeconds) {
        checkArgument(
                delaySeconds >= 0 && delaySeconds < Double.POSITIVE_INFINITY,
                "delaySeconds must be finite and >= 0, got %s",
                delaySeconds);
        return delaySeconds;
    }

    private double checkTime(double timeSeconds) {
        checkArgument(
                timeSeconds >= now && timeSeconds < Double.POSITIVE_INFINITY,
                "timeSeconds must be finite and >= now (%s), got %s",
                now,
                timeSeconds);
        return timeSeconds;
    }

    /** A component event together with its target. */
    private record Routed<T>(Consumer<? super T> target, T event) {
        void fire() {
            target.accept(event);
        }
    }
}
