package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A scenario file's text, kept so that it can be loaded again under other {@link Overrides} (a sweep
 * loads it once per point): the YAML, the name it is reported under, and the directory a CSV
 * population is resolved against.
 *
 * @param text the YAML text
 * @param name the file or resource name, for messages
 * @param baseDir the directory a CSV population is resolved against; empty for the working directory
 */
public record ScenarioSource(String text, String name, Optional<Path> baseDir) {

    /** Creates a source. */
    public ScenarioSource {
        checkNotNull(text, "text");
        checkNotNull(name, "name");
        checkNotNull(baseDir, "baseDir");
    }

    /**
     * Reads the scenario file {@code file}.
     *
     * @throws ScenarioException if it cannot be read
     */
    public static ScenarioSource of(Path file) {
        String text = ScenarioLoader.read(file);
        return new ScenarioSource(
                text, file.toString(), Optional.ofNullable(file.toAbsolutePath().getParent()));
    }

    /**
     * Returns the built-in scenario {@code name}.
     *
     * @throws IllegalArgumentException if there is no such built-in scenario
     */
    public static ScenarioSource builtIn(String name) {
        return new ScenarioSource(BuiltInScenarios.source(name), "builtin:" + name, Optional.empty());
    }

    /** Returns YAML text given directly, reported as {@code name}. */
    public static ScenarioSource ofText(String text, String name) {
        return new ScenarioSource(text, name, Optional.empty());
    }

    /**
     * Loads the scenario as written.
     *
     * @throws ScenarioException listing every problem
     */
    public Scenario load() {
        return load(Overrides.NONE);
    }

    /**
     * Loads the scenario with {@code overrides} put into it first.
     *
     * @throws ScenarioException listing every problem of the file and the overrides
     */
    public Scenario load(Overrides overrides) {
        checkNotNull(overrides, "overrides");
        return ScenarioLoader.load(text, name, baseDir, overrides);
    }

    /**
     * Returns the estimates written as distributions, after {@code overrides} (an override may add a
     * distribution or replace one by a value), in document order.
     *
     * @throws ScenarioException if an override or a distribution is malformed
     */
    public com.google.common.collect.ImmutableList<UncertainInput> uncertainInputs(Overrides overrides) {
        checkNotNull(overrides, "overrides");
        return dev.residency.sim.scenario.internal.ScenarioReader.uncertainInputs(text, name, overrides);
    }
}
