package dev.residency.sim.faults;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A period during which a component is down, in simulation seconds: down at {@code startSeconds},
 * back up at {@code endSeconds}.
 *
 * @param startSeconds when the failure happens, finite and not negative
 * @param endSeconds when the repair completes, finite and after the start
 */
public record Outage(double startSeconds, double endSeconds) {

    /**
     * Validates the interval.
     *
     * @throws IllegalArgumentException if the start is negative or the end not after the start
     */
    public Outage {
        checkArgument(
                startSeconds >= 0 && startSeconds < Double.POSITIVE_INFINITY,
                "startSeconds must be finite and >= 0, got %s",
                startSeconds);
        checkArgument(
                endSeconds > startSeconds && endSeconds < Double.POSITIVE_INFINITY,
                "endSeconds must be finite and after startSeconds %s, got %s",
                startSeconds,
                endSeconds);
    }

    /** Returns the length of the outage in seconds. */
    public double durationSeconds() {
        return endSeconds - startSeconds;
    }
}
