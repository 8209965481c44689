package dev.residency.examples;

import dev.residency.sim.migration.MigrationSetup;
import dev.residency.sim.migration.Migrations;
import dev.residency.sim.migration.Replications;
import dev.residency.sim.migration.ScenarioPlans;
import dev.residency.sim.report.CostKind;
import dev.residency.sim.report.Estimate;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.BuiltInScenarios;
import dev.residency.sim.scenario.Scenario;
import java.util.List;
import java.util.Locale;

/**
 * Embedding example: runs a scenario's replications on every core and prints the headline figures
 * with their 95% confidence intervals and the probability of meeting the deadline.
 *
 * <p>Run: {@code java -cp examples/target/residency.jar dev.residency.examples.ReplicateScenario
 * [scenario] [replications]}
 */
public final class ReplicateScenario {

    private ReplicateScenario() {}

    /** Replicates and prints; arguments: scenario name (default the 2020 deal), replications (default 8). */
    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "microsoft-tiktok-2020";
        int replications = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Scenario quick = BuiltInScenarios.load(name).withQuickMode();
        Scenario scenario =
                quick.withRun(quick.run().toBuilder().replications(replications).build());
        MigrationSetup setup = ScenarioPlans.prepare(scenario);
        List<RunResult> runs = Migrations.replicate(setup, Replications.defaultThreads(), done -> {});
        ReplicationSummary summary = ReplicationSummary.of(runs);
        System.out.printf(
                Locale.ROOT,
                "%s: %d replications (quick mode)%n  deadline met: %d of %d (95%% Wilson interval %.2f – %.2f)%n",
                name,
                summary.runs(),
                summary.metDeadline().successes(),
                summary.runs(),
                summary.metDeadline().ciLow(),
                summary.metDeadline().ciHigh());
        print("days to live compliance", summary.liveComplianceDays(), 1);
        print("days to full compliance", summary.fullComplianceDays(), 1);
        print("PB moved", scaled(summary.bytesMoved(), 1e15), 3);
        print("PB deleted", scaled(summary.bytesDeleted(), 1e15), 3);
        if (summary.costs().modelled(CostKind.EGRESS)) {
            print("egress, US$", summary.egressCostUsd(), 0);
        } else {
            System.out.println("egress: not modelled (no link has an egress price)");
        }
    }

    private static void print(String label, Estimate e, int decimals) {
        String f = "%,." + decimals + "f";
        System.out.printf(
                Locale.ROOT,
                "  %-24s mean " + f + "  95%% CI [" + f + ", " + f + "]  median " + f + "  (n=%d)%n",
                label,
                e.mean(),
                e.ciLow(),
                e.ciHigh(),
                e.median(),
                e.n());
    }

    private static Estimate scaled(Estimate e, double unit) {
        return new Estimate(
                e.mean() / unit,
                e.median() / unit,
                e.ciLow() / unit,
                e.ciHigh() / unit,
                e.min() / unit,
                e.max() / unit,
                e.n(),
                e.missing());
    }
}
