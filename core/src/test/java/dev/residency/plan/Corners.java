package dev.residency.plan;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts how many random planning instances reach each hard corner (binding storage, deadline
 * deletions, gates, late sites, maintenance, hard deadlines), so that a property test can show that its
 * generator does not stay in the easy middle. Thread-safe.
 */
final class Corners {

    private final LongAdder instances = new LongAdder();
    private final LongAdder noStorage = new LongAdder();
    private final LongAdder deadline = new LongAdder();
    private final LongAdder hard = new LongAdder();
    private final LongAdder approvals = new LongAdder();
    private final LongAdder ready = new LongAdder();
    private final LongAdder maintenance = new LongAdder();

    /** Counts one instance and its plan. */
    void count(PlanningProblem problem, MigrationPlan plan) {
        instances.increment();
        if (plan.classification().deleted(DeletionReason.NO_STORAGE).records() > 0) {
            noStorage.increment();
        }
        if (plan.classification().deleted(DeletionReason.DEADLINE).records() > 0) {
            deadline.increment();
        }
        PlanOptions options = problem.options();
        add(hard, options.hardDeadline());
        add(approvals, !options.approvalAt().isEmpty());
        add(ready, !options.siteReadyAt().isEmpty());
        add(maintenance, !options.maintenance().isEmpty());
    }

    private static void add(LongAdder adder, boolean condition) {
        if (condition) {
            adder.increment();
        }
    }

    @Override
    public String toString() {
        return String.format(
                "corners over %d instances: NO_STORAGE deletions %d, DEADLINE deletions %d, hard deadline %d,"
                        + " approval gates %d, late sites %d, maintenance %d",
                instances.sum(),
                noStorage.sum(),
                deadline.sum(),
                hard.sum(),
                approvals.sum(),
                ready.sum(),
                maintenance.sum());
    }
}
