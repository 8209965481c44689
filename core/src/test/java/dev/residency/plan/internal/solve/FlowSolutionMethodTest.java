package dev.residency.plan.internal.solve;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.residency.plan.DeletionReason;
import org.junit.jupiter.api.Test;

/**
 * The texts that name how a kept routing was made ({@link FlowSolution#fallbackMethod}, {@link
 * FlowSolution#decompositionMethod}), written out by hand for each combination of an exact LP (a cost
 * that is a number) and an arrival status, and the solution's plain accessors.
 */
final class FlowSolutionMethodTest {

    private static final String STATUS = "; joint LP, exact";

    private static FlowSolution solution(String method, String arrivalStatus, double lpCost) {
        return new FlowSolution(
                12.5,
                new long[] {3, 4, 0},
                new DeletionReason[3],
                ImmutableList.of(),
                ImmutableList.of(),
                ImmutableList.of(),
                method,
                arrivalStatus,
                Double.NaN,
                Double.NaN,
                lpCost,
                Double.NaN);
    }

    @Test
    void fallbackMethod_exactLpWithStatus_saysTheDecompositionsGapIsUnknown() {
        FlowSolution solution =
                solution("max-flow" + AggregateSolver.EARLIEST_ARRIVAL + STATUS + "; rest", STATUS, 42.0);

        assertThat(solution.exactLp()).isTrue();
        assertThat(solution.fallbackMethod())
                .isEqualTo("max-flow + least egress at the least makespan (min-cost flow)"
                        + "; decomposition, gap to LP unknown (the exact LP's streams kept less by priority)"
                        + "; rest");
    }

    @Test
    void fallbackMethod_decompositionWithStatus_keepsTheStatus() {
        String status = "; decomposition, gap 3 %";
        FlowSolution solution = solution("max-flow" + AggregateSolver.EARLIEST_ARRIVAL + status, status, Double.NaN);

        assertThat(solution.exactLp()).isFalse();
        assertThat(solution.fallbackMethod())
                .isEqualTo("max-flow + least egress at the least makespan (min-cost flow); decomposition, gap 3 %");
    }

    @Test
    void fallbackMethod_exactWithoutStatus_onlyChangesTheSuffix() {
        // One commodity: exact by itself, no status; the text must not gain the decomposition's remark.
        FlowSolution solution = solution("max-flow" + AggregateSolver.EARLIEST_ARRIVAL, "", 0.0);

        assertThat(solution.fallbackMethod())
                .isEqualTo("max-flow + least egress at the least makespan (min-cost flow)");
    }

    @Test
    void decompositionMethod_replacesTheStatusWithTheReason() {
        FlowSolution solution = solution("max-flow" + STATUS + " (tail)", STATUS, 42.0);

        assertThat(solution.decompositionMethod())
                .isEqualTo("max-flow; decomposition (its plan's violation-time integral was below the exact LP"
                        + " routing's, whose whole records and batches fell worse) (tail)");
    }

    @Test
    void accessors_returnWhatWasGiven() {
        FlowSolution solution = solution("m", "", Double.NaN);

        assertThat(solution.horizonSeconds()).isEqualTo(12.5);
        assertThat(solution.routedBytes()).isEqualTo(7);
        assertThat(solution.method()).isEqualTo("m");
    }
}
