package dev.residency.sim.engine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;

/**
 * Maps simulation time, in seconds since the start of a run, to calendar time and back.
 *
 * <p>Conversions to {@link Instant} round to the nearest nanosecond. Immutable and thread-safe.
 *
 * @param start the calendar instant of simulation time zero
 */
public record SimClock(Instant start) {

    private static final double NANOS_PER_SECOND = 1e9;

    /**
     * Validates the start instant.
     *
     * @throws NullPointerException if {@code start} is null
     */
    public SimClock {
        checkNotNull(start, "start");
    }

    /** Returns a clock whose time zero is {@code start}. */
    public static SimClock startingAt(Instant start) {
        return new SimClock(start);
    }

    /**
     * Returns the calendar instant {@code seconds} after the start.
     *
     * @throws IllegalArgumentException if {@code seconds} is NaN or infinite
     */
    public Instant toInstant(double seconds) {
        checkArgument(Double.isFinite(seconds), "seconds must be finite, got %s", seconds);
        double whole = Math.floor(seconds);
        long nanos = Math.round((seconds - whole) * NANOS_PER_SECOND);
        return start.plusSeconds((long) whole).plusNanos(nanos);
    }

    /** Returns the simulation time, in seconds, of the calendar instant {@code instant}. */
    public double toSeconds(Instant instant) {
        checkNotNull(instant, "instant");
        Duration since = Duration.between(start, instant);
        return since.getSeconds() + since.getNano() / NANOS_PER_SECOND;
    }
}
