package dev.residency.sim.migration;

import com.google.common.collect.ImmutableList;
import dev.residency.plan.TransferBatch;
import dev.residency.sim.report.BatchOutcome;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * When each batch of a run reached each stage, in primitive arrays indexed by batch; NaN until
 * reached. Turned into {@link BatchOutcome}s next to the plan's times at the end of the run.
 */
final class BatchTimes {

    final double[] copyStart;
    final double[] copyEnd;
    final double[] verifiedAt;
    final double[] cutOverAt;
    final int[] attempts;
    final long[] catchUpBytes;

    BatchTimes(int batches) {
        copyStart = nan(batches);
        copyEnd = nan(batches);
        verifiedAt = nan(batches);
        cutOverAt = nan(batches);
        attempts = new int[batches];
        catchUpBytes = new long[batches];
    }

    /** Returns the outcomes of {@code batches}, in order; {@code forced} says which the deadline rule aborted. */
    ImmutableList<BatchOutcome> outcomes(List<TransferBatch> batches, IntPredicate forced) {
        ImmutableList.Builder<BatchOutcome> outcomes = ImmutableList.builderWithExpectedSize(batches.size());
        for (int b = 0; b < batches.size(); b++) {
            TransferBatch batch = batches.get(b);
            outcomes.add(new BatchOutcome(
                    b,
                    batch.source(),
                    batch.destination(),
                    batch.bytes(),
                    batch.plannedStartSeconds(),
                    batch.plannedEndSeconds(),
                    copyStart[b],
                    copyEnd[b],
                    verifiedAt[b],
                    cutOverAt[b],
                    attempts[b],
                    catchUpBytes[b],
                    forced.test(b)));
        }
        return outcomes.build();
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
