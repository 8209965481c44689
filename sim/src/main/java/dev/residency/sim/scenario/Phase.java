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
 * @param due when they were promised; it may come before {@code start}, for a phase whose work could
 *     begin only after its promised date (it is late by construction)
 */
public record Phase(String name, ImmutableSet<String> categories, Instant start, Instant due) {

    /**
     * Creates a phase.
     *
     * @throws IllegalArgumentException if the name is blank or no category is given
     */
    public Phase {
        checkNotNull(name, "name");
        checkNotNull(start, "start");
        checkNotNull(due, "due");
        categories = ImmutableSet.copyOf(categories);
        checkArgument(!name.isBlank(), "phase name must not be blank");
        checkArgument(!categories.isEmpty(), "phase %s must cover at least one category", name);
    }
}
