package dev.residency.cli;

import dev.residency.sim.scenario.BuiltInScenarios;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.ScenarioSource;
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
        return load(nameOrFile, quick, Overrides.NONE);
    }

    /**
     * Loads the scenario {@code nameOrFile} names under {@code overrides}, in quick mode if asked.
     *
     * @throws dev.residency.sim.scenario.ScenarioException if the file or an override does not validate
     * @throws BadInputException if it is neither a built-in name nor an existing file
     */
    static Scenario load(String nameOrFile, boolean quick, Overrides overrides) {
        Scenario scenario = source(nameOrFile).load(overrides);
        return quick ? scenario.withQuickMode() : scenario;
    }

    /**
     * Returns the text of the scenario {@code nameOrFile} names, to be loaded under overrides.
     *
     * @throws dev.residency.sim.scenario.ScenarioException if the file cannot be read
     * @throws BadInputException if it is neither a built-in name nor an existing file
     */
    static ScenarioSource source(String nameOrFile) {
        if (BuiltInScenarios.names().contains(nameOrFile)) {
            return ScenarioSource.builtIn(nameOrFile);
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(String.format(
                    "scenario \"%s\" is neither a built-in scenario nor a file (built-in: %s; see `residency"
                            + " scenarios`)",
                    nameOrFile, String.join(", ", BuiltInScenarios.names())));
        }
        return ScenarioSource.of(file);
    }
}
