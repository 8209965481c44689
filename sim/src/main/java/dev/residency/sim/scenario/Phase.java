package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;

/**
 * One phase of a phased program (the EU Data Boundary's three): the categories it covers, when work
 * on them may start and when they are due.
 *
 * @param name the phase's name for reports
 * @param categories the category names it covers, not empty
 * @param start when their migration may begin
 * @param due when they were promised, after {@code start}
 */
public record Phase(String name, ImmutableSet<String> categories, Instant start, Instant due) {

    /**
     * Creates a phase.
     *
     * @throws IllegalArgumentException if the name is blank, no category is given, or {@code due} is
     *     not after {@code start}
     */
    public Phase {
        checkNotNull(name, "name");
        checkNotNull(start, "start");
        checkNotNull(due, "due");
        categories = ImmutableSet.copyOf(categories);
        checkArgument(!name.isBlank(), "phase name must not be blank");
        checkArgument(!categories.isEmpty(), "phase %s must cover at least one category", name);
        checkArgument(due.isAfter(start), "phase %s must be due after it starts: %s .. %s", name, start, due);
    }
}
