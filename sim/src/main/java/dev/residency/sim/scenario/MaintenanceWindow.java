package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * A planned window during which a link carries no migration traffic.
 *
 * @param from the id of one end of the link
 * @param to the id of the other end
 * @param start when the window opens
 * @param end when it closes, after {@code start}
 */
public record MaintenanceWindow(String from, String to, Instant start, Instant end) {

    /**
     * Creates a window.
     *
     * @throws IllegalArgumentException if {@code end} is not after {@code start}
     */
    public MaintenanceWindow {
        checkNotNull(from, "from");
        checkNotNull(to, "to");
        checkNotNull(start, "start");
        checkNotNull(end, "end");
        checkArgument(
                end.isAfter(start), "maintenance of %s-%s must end after it starts: %s .. %s", from, to, start, end);
    }
}
