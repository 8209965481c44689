package dev.residency.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.sim.migration.Migrations;
import dev.residency.sim.migration.ScenarioPlans;
import dev.residency.sim.report.ObservedComparison;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.BuiltInScenarios;
import dev.residency.sim.scenario.Scenario;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each built-in scenario either reproduces the public record, every observed milestone within the
 * tolerance the scenario states, or declares itself a what-if (an assumption starting "What-if:") and
 * has no observed milestones. Runs in quick mode (two replications; bytes and so dates unchanged).
 */
final class BuiltInRecordIT {

    static Stream<String> names() {
        return BuiltInScenarios.names().stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void builtIn_reproducesItsObservedMilestonesOrIsAWhatIf(String name) {
        Scenario scenario = BuiltInScenarios.load(name).withQuickMode();
        boolean whatIf = scenario.assumptions().stream().anyMatch(a -> a.startsWith("What-if:"));
        if (scenario.run().observed().isEmpty()) {
            assertThat(whatIf)
                    .as("%s has no observed milestones, so it must declare itself a what-if", name)
                    .isTrue();
            return;
        }
        assertThat(whatIf)
                .as("%s has observed milestones and also calls itself a what-if", name)
                .isFalse();
        List<RunResult> runs = Migrations.replicate(ScenarioPlans.prepare(scenario), 2, done -> {});

        for (ObservedComparison c :
                ObservedComparison.of(scenario.run().observed(), scenario.run().start(), runs)) {
            String key = name + ": " + c.observed().subject().label() + " "
                    + c.observed().name() + " " + c.observed().what().label();
            assertThat(c.reproduced())
                    .as(
                            "%s: simulated %s, %s days outside %s (tolerance %s)",
                            key,
                            c.simulatedDate(),
                            c.daysOutside(),
                            MilestoneReport.range(c.observed()),
                            c.observed().tolerance())
                    .isTrue();
        }
    }
}
