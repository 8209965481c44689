package dev.residency.sim.engine;

/**
 * Reacts to the main events of a {@link Simulator}: the events scheduled with {@link
 * Simulator#schedule(double, Object)} and {@link Simulator#scheduleAt(double, Object)}.
 *
 * <p>A handler usually switches over a sealed event interface with one record per kind.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface EventHandler<E> {

    /**
     * Handles {@code event}, which fires at {@code simulator.now()}. The handler may schedule and
     * cancel events, including events at the current instant, which run after it.
     */
    void handle(Simulator<E> simulator, E event);
}
