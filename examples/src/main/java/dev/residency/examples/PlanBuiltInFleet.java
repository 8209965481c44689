package dev.residency.examples;

import dev.residency.data.RecordStore;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.Planner;
import dev.residency.plan.Planners;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.verify.PlanVerifier;
import dev.residency.plan.verify.VerificationResult;
import java.time.Duration;
import java.util.Locale;

/**
 * Embedding example: plans the built-in fleet's migration with the flow planner and the greedy
 * baseline, checks both plans with the verifier, and prints their makespans, the lower bound and the
 * quality ratios.
 *
 * <p>Run: {@code java -cp examples/target/residency.jar dev.residency.examples.PlanBuiltInFleet}
 */
public final class PlanBuiltInFleet {

    private PlanBuiltInFleet() {}

    /** Plans and prints; the optional argument is the population seed. */
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 2020;
        RecordStore store = BuiltInFleet.records(seed);
        PlanningProblem problem = PlanningProblem.builder()
                .store(store)
                .policy(BuiltInFleet.policy())
                .options(PlanOptions.builder()
                        .deadline(Duration.ofDays(44))
                        .targetBatchBytes(10_000_000_000L)
                        .build())
                .build();
        System.out.printf(
                Locale.ROOT, "Built-in fleet: %,d records, %,d synthetic users.%n%n", store.size(), store.userCount());
        for (String name : Planners.names()) {
            Planner planner = Planners.byName(name);
            long started = System.nanoTime();
            MigrationPlan plan = planner.plan(problem);
            double millis = (System.nanoTime() - started) / 1e6;
            VerificationResult verdict = PlanVerifier.verify(plan, problem);
            System.out.printf(
                    Locale.ROOT,
                    "%-7s %5d batches  makespan %8.2f h  lower bound %8.2f h  quality ratio %6.3f  egress US$ %,10.0f"
                            + "  planned in %6.1f ms  verifier: %s%n",
                    name,
                    plan.batches().size(),
                    plan.makespanSeconds() / 3600,
                    plan.lowerBoundSeconds() / 3600,
                    plan.qualityRatio(),
                    plan.egressCostUsd(),
                    millis,
                    verdict.isValid() ? "sound" : verdict);
        }
    }
}
