package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.migration.MigrationSetup;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.Scenario;

/**
 * A scenario's replications under its overrides, as data.
 *
 * @param scenario the scenario run, overrides applied
 * @param overrides the overrides it was run under
 * @param setup the population and plan the replications ran (shared, read-only)
 * @param summary the headline figures over the replications
 * @param runs every replication's result, in replication order
 */
public record Outcome(
        Scenario scenario,
        Overrides overrides,
        MigrationSetup setup,
        ReplicationSummary summary,
        ImmutableList<RunResult> runs) {

    /** Creates an outcome, copying the runs. */
    public Outcome {
        checkNotNull(scenario, "scenario");
        checkNotNull(overrides, "overrides");
        checkNotNull(setup, "setup");
        checkNotNull(summary, "summary");
        runs = ImmutableList.copyOf(runs);
    }

    /** Returns whether the commitment is met in at least half of the replications (the answer a bisection tracks). */
    public boolean mostlyMet() {
        return Answers.mostlyMet(summary);
    }
}
