package dev.residency.sim.report;

import com.google.common.collect.ImmutableSortedMap;

/**
 * Movable data that a deadline rule deleted before a compliant copy existed: the loss the commitment
 * cost. Counts are of the simulated population; multiply by the scenario's scale for real-world
 * figures.
 *
 * @param bytes bytes lost (each record once)
 * @param records records lost
 * @param users users with at least one lost record
 * @param bytesByCategory bytes lost per category name
 */
public record ForcedLoss(long bytes, long records, long users, ImmutableSortedMap<String, Long> bytesByCategory) {

    /** No loss. */
    public static final ForcedLoss NONE = new ForcedLoss(0, 0, 0, ImmutableSortedMap.of());

    /** Creates a loss record, copying the map. */
    public ForcedLoss {
        bytesByCategory = ImmutableSortedMap.copyOf(bytesByCategory);
    }
}
