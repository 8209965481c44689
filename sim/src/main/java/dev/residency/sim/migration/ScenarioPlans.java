package dev.residency.sim.migration;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.data.RecordStore;
import dev.residency.plan.LinkWindow;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.Planners;
import dev.residency.plan.PlanningProblem;
import dev.residency.sim.scenario.DeadlineRule;
import dev.residency.sim.scenario.MaintenanceWindow;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns a scenario's calendar into the planner's relative times, plans it, and prepares its run. Dates become durations
 * since the run's start (dates before the start count as the start). The deadline is a hard one for
 * the planner when the scenario's deadline rule is {@link DeadlineRule#ENFORCE}: the planner then
 * chooses, by the policy's keep priorities, what to delete at once because it cannot arrive in time.
 * The run's verification rate and write freeze go to the planner ({@link PlanOptions#verificationRate()},
 * {@link PlanOptions#cutOverTime()}) so that a plan under a hard deadline leaves the time a batch needs
 * after its copy to count as moved, as {@link MigrationRun} counts it (verified, then cut over). The
 * catch-up rounds are not reserved: at the deadline the run cuts a verified batch over at once.
 */
public final class ScenarioPlans {

    private ScenarioPlans() {}

    /** Returns the planner options of {@code scenario}. */
    public static PlanOptions options(Scenario scenario) {
        checkNotNull(scenario, "scenario");
        Instant start = scenario.run().start();
        PlanningSettings planning = scenario.planning();
        PlanOptions.Builder options = PlanOptions.builder()
                .targetBatchBytes(planning.targetBatchBytes())
                .timeStep(planning.timeStep())
                .hardDeadline(scenario.run().deadlineRule() == DeadlineRule.ENFORCE)
                .verificationRate(scenario.run().verificationRate())
                .cutOverTime(scenario.run().writeFreeze());
        scenario.run().deadline().ifPresent(d -> options.deadline(since(start, d)));
        planning.siteReadyAt().forEach((site, at) -> options.siteReadyAt(site, since(start, at)));
        planning.approvalAt().forEach((home, at) -> options.approvalAt(home, since(start, at)));
        for (MaintenanceWindow w : planning.maintenance()) {
            options.maintenance(new LinkWindow(w.from(), w.to(), since(start, w.start()), since(start, w.end())));
        }
        planning.usedBytesOutsideStore().forEach(options::usedBytesOutsideStore);
        return options.build();
    }

    /** Returns the planning problem of {@code store} under {@code scenario}'s policy and options. */
    public static PlanningProblem problem(Scenario scenario, RecordStore store) {
        return PlanningProblem.builder()
                .store(store)
                .policy(scenario.policy())
                .options(options(scenario))
                .build();
    }

    /** Plans {@code problem} with {@code scenario}'s planner. */
    public static MigrationPlan plan(Scenario scenario, PlanningProblem problem) {
        return Planners.byName(scenario.planning().planner()).plan(problem);
    }

    /** Plans the migration of {@code store} under {@code scenario}'s policy with the scenario's planner. */
    public static MigrationPlan plan(Scenario scenario, RecordStore store) {
        return plan(scenario, problem(scenario, store));
    }

    /**
     * Prepares a run of {@code scenario}: builds its population, plans it with the scenario's planner
     * and precomputes the run's read-only setup ({@link MigrationSetup#prepare}).
     */
    public static MigrationSetup prepare(Scenario scenario) {
        checkNotNull(scenario, "scenario");
        RecordStore store = scenario.population().build(scenario.topology());
        return MigrationSetup.prepare(scenario, store, plan(scenario, store));
    }

    private static Duration since(Instant start, Instant at) {
        Duration d = Duration.between(start, at);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
