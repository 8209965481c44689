/**
 * Scenario files: the YAML form of a whole study (sites, links, population, policy, planning options
 * and run settings), its validating loader, and the built-in scenarios shipped in the jar.
 *
 * <p>{@link dev.residency.sim.scenario.ScenarioLoader} reads a file into a Jackson tree only (no
 * data binding, no polymorphic typing, no arbitrary classes), walks it, and either returns a
 * {@link dev.residency.sim.scenario.Scenario} or throws a {@link
 * dev.residency.sim.scenario.ScenarioException} that lists every error at once, each with the path
 * of the field at fault ({@code links[3].bandwidth: "-5 Gbps" must be positive}). The schema is
 * documented in {@code docs/scenario-schema.md}.
 *
 * <p>Start with {@link dev.residency.sim.scenario.ScenarioLoader}, {@link
 * dev.residency.sim.scenario.BuiltInScenarios}, or, to build a scenario in code, the {@link
 * dev.residency.sim.scenario.Scenario} record.
 *
 * <p><b>API</b>: the scenario model ({@code Scenario} and the settings it holds), the loader's entry
 * points and its errors. The YAML reader's machinery lives in {@code
 * dev.residency.sim.scenario.internal} (not API). Everything here is non-null by default.
 */
package dev.residency.sim.scenario;
