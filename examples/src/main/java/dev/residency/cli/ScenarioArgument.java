package dev.residency.cli;

import dev.residency.sim.scenario.BuiltInScenarios;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves a command's scenario argument: the name of a built-in scenario, or the path of a YAML file. */
final class ScenarioArgument {

    private ScenarioArgument() {}

    /**
     * Loads the scenario {@code nameOrFile} names, in quick mode if asked.
     *
     * @throws dev.residency.sim.scenario.ScenarioException if the file does not validate
     * @throws BadInputException if it is neither a built-in name nor an existing file
     */
    static Scenario load(String nameOrFile, boolean quick) {
        Scenario scenario;
        if (BuiltInScenarios.names().contains(nameOrFile)) {
            scenario = BuiltInScenarios.load(nameOrFile);
        } else {
            Path file = Path.of(nameOrFile);
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(String.format(
                        "scenario \"%s\" is neither a built-in scenario nor a file (built-in: %s; see `residency"
                                + " scenarios`)",
                        nameOrFile, String.join(", ", BuiltInScenarios.names())));
            }
            scenario = ScenarioLoader.load(file);
        }
        return quick ? scenario.withQuickMode() : scenario;
    }
}
