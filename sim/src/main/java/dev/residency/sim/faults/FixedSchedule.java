package dev.residency.sim.faults;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Outages at fixed times, such as maintenance windows. Draws nothing from the random stream.
 *
 * @param windows the outages, in increasing time and not overlapping
 */
public record FixedSchedule(List<Outage> windows) implements FailureModel {

    /**
     * Validates and copies the windows.
     *
     * @throws IllegalArgumentException if windows are out of order or overlap; the message names
     *     the two windows
     */
    public FixedSchedule {
        windows = ImmutableList.copyOf(checkNotNull(windows, "windows"));
        for (int i = 1; i < windows.size(); i++) {
            checkArgument(
                    windows.get(i).startSeconds() >= windows.get(i - 1).endSeconds(),
                    "windows[%s] %s starts before windows[%s] %s ends",
                    i,
                    windows.get(i),
                    i - 1,
                    windows.get(i - 1));
        }
    }

    /** Returns the schedule of the given windows. */
    public static FixedSchedule of(Outage... windows) {
        return new FixedSchedule(List.of(windows));
    }

    /** Returns the first window that ends after {@code afterSeconds}, cut to start no earlier than it. */
    @Override
    public Optional<Outage> nextOutage(double afterSeconds, UniformRandomProvider rng) {
        for (Outage window : windows) {
            if (window.endSeconds() > afterSeconds) {
                return Optional.of(
                        window.startSeconds() >= afterSeconds ? window : new Outage(afterSeconds, window.endSeconds()));
            }
        }
        return Optional.empty();
    }
}
