package dev.residency.plan.verify;

import com.google.common.collect.ImmutableList;
import dev.residency.plan.Deletion;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.TransferBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Copies of a plan with one part changed, for tests that break a sound plan in one place and expect
 * the verifier to name it: every other field is the original's.
 */
final class PlanEdits {

    /** Returns {@code plan} with its deletions replaced by {@code change} applied to a mutable copy. */
    static MigrationPlan withDeletions(MigrationPlan plan, UnaryOperator<List<Deletion>> change) {
        return copy(
                plan,
                plan.batches(),
                ImmutableList.copyOf(change.apply(new ArrayList<>(plan.deletions()))),
                plan.egressCostUsd());
    }

    /** Returns {@code plan} with its batches replaced by {@code change} applied to a mutable copy. */
    static MigrationPlan withBatches(MigrationPlan plan, UnaryOperator<List<TransferBatch>> change) {
        return copy(
                plan,
                ImmutableList.copyOf(change.apply(new ArrayList<>(plan.batches()))),
                plan.deletions(),
                plan.egressCostUsd());
    }

    /** Returns {@code plan} stating {@code usd} as its egress cost. */
    static MigrationPlan withEgress(MigrationPlan plan, double usd) {
        return copy(plan, plan.batches(), plan.deletions(), usd);
    }

    private static MigrationPlan copy(
            MigrationPlan plan, ImmutableList<TransferBatch> batches, ImmutableList<Deletion> deletions, double usd) {
        return new MigrationPlan(
                plan.planner(),
                plan.classification(),
                batches,
                deletions,
                plan.blocked(),
                plan.makespanSeconds(),
                plan.lowerBoundSeconds(),
                usd,
                plan.bytesToMove(),
                plan.bytesToDeleteByReason(),
                plan.violatingBytesAtDeadline(),
                plan.method(),
                plan.areaByteSeconds(),
                plan.areaLowerBoundByteSeconds(),
                plan.parts());
    }

    private PlanEdits() {}
}
