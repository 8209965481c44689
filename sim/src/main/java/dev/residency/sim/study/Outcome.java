package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.migration.MigrationSetup;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.UncertainInput;

/**
 * A scenario's replications under its overrides, as data.
 *
 * @param scenario the scenario run, overrides applied
 * @param overrides the overrides it was run under
 * @param setup the population and plan at the uncertain inputs' central values (shared, read-only): the
 *     plan reports describe; replications that drew other values of inputs shaping the population or
 *     the plan ran their own
 * @param summary the headline figures over the replications
 * @param runs every replication's result, in replication order
 * @param drawn the uncertain inputs each replication drew (empty if none, or run at central values)
 * @param draws per replication, in replication order, the value of each drawn input (empty lists if
 *     nothing was drawn)
 * @param reuse the populations and plans built for the replications and how often each was shared
 */
public record Outcome(
        Scenario scenario,
        Overrides overrides,
        MigrationSetup setup,
        ReplicationSummary summary,
        ImmutableList<RunResult> runs,
        ImmutableList<UncertainInput> drawn,
        ImmutableList<ImmutableList<Overrides.Setting>> draws,
        Reuse reuse) {

    /**
     * Creates an outcome, copying the lists.
     *
     * @throws IllegalArgumentException if there is not one draw per run
     */
    public Outcome {
        checkNotNull(scenario, "scenario");
        checkNotNull(overrides, "overrides");
        checkNotNull(setup, "setup");
        checkNotNull(summary, "summary");
        checkNotNull(reuse, "reuse");
        runs = ImmutableList.copyOf(runs);
        drawn = ImmutableList.copyOf(drawn);
        draws = ImmutableList.copyOf(draws);
        checkArgument(draws.size() == runs.size(), "%s draws for %s runs", draws.size(), runs.size());
    }

    /**
     * Returns what the probability covers, such as {@code faults and 2 uncertain inputs} or {@code
     * faults} (with no input drawn).
     */
    public String uncertaintyCovered() {
        return drawn.isEmpty()
                ? "faults"
                : "faults and " + drawn.size() + " uncertain input" + (drawn.size() == 1 ? "" : "s");
    }

    /** Returns whether the commitment is met in at least half of the replications (the answer a bisection tracks). */
    public boolean mostlyMet() {
        return Answers.mostlyMet(summary);
    }
}
