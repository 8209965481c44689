package dev.residency.sim.report;

import com.google.common.collect.ImmutableSortedMap;

/**
 * Movable data that a deadline rule deleted before a compliant copy existed: the loss the commitment
 * cost. Bytes are real-world bytes (scenario record sizes are already scaled); record and user counts
 * are of the simulated population, so multiply them by the scenario's scale for real-world figures.
 *
 * @param bytes bytes of records lost (each record once)
 * @param records records lost
 * @param users simulated users with at least one lost record
 * @param bytesByCategory bytes of records lost, per category name
 * @param lostWriteBytes live writes lost with the source because the deadline rule cut over a batch
 *     whose catch-up had not copied them yet
 */
public record ForcedLoss(
        long bytes, long records, long users, ImmutableSortedMap<String, Long> bytesByCategory, long lostWriteBytes)
        implements java.io.Serializable {

    /** No loss. */
    public static final ForcedLoss NONE = new ForcedLoss(0, 0, 0, ImmutableSortedMap.of(), 0);

    /** Creates a loss record, copying the map. */
    public ForcedLoss {
        bytesByCategory = ImmutableSortedMap.copyOf(bytesByCategory);
    }
}
