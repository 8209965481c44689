package dev.residency.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;

/**
 * A migration plan: what moves where and when, what is deleted and why, what is blocked, and how good
 * the plan is.
 *
 * @param planner the name of the planner that made it
 * @param classification every violating record's class, with tallies per class and reason
 * @param batches the transfer batches, ordered by id
 * @param deletions the deletions
 * @param blocked the violating records left in place because they may not be deleted
 * @param makespanSeconds the estimated time at which the last batch completes (0 when nothing moves)
 * @param lowerBoundSeconds a lower bound on the makespan of any plan moving the same bytes: the fluid
 *     optimum of the aggregated flow problem (exact for one commodity, a relaxation otherwise)
 * @param egressCostUsd the egress price of all batches, in US dollars
 * @param bytesToMove the bytes of all batches but the legs to staging copies (a record copied twice counts
 *     twice; a record that waits at a transit site counts once, for its last leg)
 * @param bytesToDeleteByReason per reason, the storage the deletions free (a copy at each site counts)
 * @param violatingBytesAtDeadline the bytes of records still violating at the deadline, if one is
 *     given (records in batches that end after it, and blocked ones); 0 without a deadline
 * @param method how the flow problem was solved, for reports
 * @param areaByteSeconds the violation-time integral of the moved bytes: the sum over batches of their
 *     bytes times their planned end, i.e. the area under the curve of copied bytes still to arrive (a
 *     record copied twice counts twice; legs to staging copies do not count)
 * @param areaLowerBoundByteSeconds a lower bound on that integral for any plan moving the same bytes
 *     per demand ({@code ComplianceBounds.areaLowerBound} in the solver)
 * @param parts per home jurisdiction and per rule, the planned compliance time and its own lower bound
 */
public record MigrationPlan(
        String planner,
        Classification classification,
        ImmutableList<TransferBatch> batches,
        ImmutableList<Deletion> deletions,
        ImmutableList<BlockedGroup> blocked,
        double makespanSeconds,
        double lowerBoundSeconds,
        double egressCostUsd,
        long bytesToMove,
        ImmutableSortedMap<DeletionReason, Long> bytesToDeleteByReason,
        long violatingBytesAtDeadline,
        String method,
        double areaByteSeconds,
        double areaLowerBoundByteSeconds,
        ImmutableList<PartTiming> parts) {

    /**
     * Creates a plan.
     *
     * @throws IllegalArgumentException if a number is negative or not finite
     */
    public MigrationPlan {
        checkNotNull(planner, "planner");
        checkNotNull(classification, "classification");
        checkNotNull(method, "method");
        batches = ImmutableList.copyOf(batches);
        deletions = ImmutableList.copyOf(deletions);
        blocked = ImmutableList.copyOf(blocked);
        bytesToDeleteByReason = ImmutableSortedMap.copyOf(bytesToDeleteByReason);
        parts = ImmutableList.copyOf(parts);
        checkArgument(
                Double.isFinite(areaByteSeconds) && areaByteSeconds >= 0,
                "areaByteSeconds must be finite and not negative, was %s",
                areaByteSeconds);
        checkArgument(
                Double.isFinite(areaLowerBoundByteSeconds) && areaLowerBoundByteSeconds >= 0,
                "areaLowerBoundByteSeconds must be finite and not negative, was %s",
                areaLowerBoundByteSeconds);
        checkArgument(
                Double.isFinite(makespanSeconds) && makespanSeconds >= 0,
                "makespanSeconds must be finite and not negative, was %s",
                makespanSeconds);
        checkArgument(
                Double.isFinite(lowerBoundSeconds) && lowerBoundSeconds >= 0,
                "lowerBoundSeconds must be finite and not negative, was %s",
                lowerBoundSeconds);
        checkArgument(egressCostUsd >= 0, "egressCostUsd must not be negative, was %s", egressCostUsd);
        checkArgument(bytesToMove >= 0, "bytesToMove must not be negative, was %s", bytesToMove);
    }

    /** Returns the makespan over the lower bound (1 when both are 0; at least 1 for a sound bound). */
    public double qualityRatio() {
        if (lowerBoundSeconds == 0) {
            return makespanSeconds == 0 ? 1 : Double.POSITIVE_INFINITY;
        }
        return makespanSeconds / lowerBoundSeconds;
    }

    /** Returns the violation-time integral over its lower bound (1 when both are 0; at least 1 for a sound bound). */
    public double areaRatio() {
        if (areaLowerBoundByteSeconds == 0) {
            return areaByteSeconds == 0 ? 1 : Double.POSITIVE_INFINITY;
        }
        return areaByteSeconds / areaLowerBoundByteSeconds;
    }

    /** Returns the parts of kind {@code kind} ({@link PartTiming#HOME} or {@link PartTiming#RULE}). */
    public ImmutableList<PartTiming> parts(String kind) {
        return parts.stream().filter(t -> t.kind().equals(kind)).collect(ImmutableList.toImmutableList());
    }

    /** Returns the bytes all deletions free, over all reasons. */
    public long bytesToDelete() {
        return bytesToDeleteByReason.values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /**
     * Returns the staging legs before {@code last} in its chain of legs (see {@link TransferBatch}),
     * nearest first: the batch its {@link TransferBatch#previousLeg()} names, then that batch's previous
     * leg, and so on while the id names a staging copy of this plan ({@link TransferBatch#staging()}). So
     * the last element, if any, is the chain's first leg, whose source is where the data comes from, and
     * an ordinary one-leg batch has none. The walk takes at most as many steps as the plan has batches: a
     * chain that leads to no staging copy of the plan ends there (the plan verifier reports it), and a
     * cycle of legs makes the list as long as the plan (a chain without a cycle has fewer legs than the
     * plan has batches, {@code last} not counted), which callers that need a first leg refuse.
     *
     * <p>This is the one walk along {@code previousLeg}: the verifier, the simulator's setup and network
     * layout and its release of staging copies all use it.
     *
     * @param last a batch of this plan, or one whose {@code previousLeg} names batches of it by index
     */
    public ImmutableList<TransferBatch> legsBefore(TransferBatch last) {
        checkNotNull(last, "last");
        ImmutableList.Builder<TransferBatch> legs = ImmutableList.builder();
        int p = last.previousLeg();
        for (int steps = 0; p >= 0 && p < batches.size() && steps < batches.size(); steps++) {
            TransferBatch previous = batches.get(p);
            if (!previous.staging()) {
                break;
            }
            legs.add(previous);
            p = previous.previousLeg();
        }
        return legs.build();
    }

    /** Returns the number of waves (one more than the largest wave index, 0 without batches). */
    public int waveCount() {
        return batches.stream().mapToInt(TransferBatch::wave).max().orElse(-1) + 1;
    }
}
