package dev.residency.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * A maintenance window during which a link carries nothing in either direction.
 *
 * @param from the id of one end of the link
 * @param to the id of the other end (the order does not matter)
 * @param start when the window opens, relative to the plan's time 0, not negative
 * @param end when it closes, after {@code start}
 */
public record LinkWindow(String from, String to, Duration start, Duration end) {

    /**
     * Creates a window.
     *
     * @throws IllegalArgumentException if {@code start} is negative or {@code end} not after it
     */
    public LinkWindow {
        checkNotNull(from, "from");
        checkNotNull(to, "to");
        checkNotNull(start, "start");
        checkNotNull(end, "end");
        checkArgument(!start.isNegative(), "window %s-%s: start must not be negative, was %s", from, to, start);
        checkArgument(end.compareTo(start) > 0, "window %s-%s: end %s must be after start %s", from, to, end, start);
    }
}
