/**
 * Scenario files: the YAML form of a whole study (sites, links, population, policy, planning options
 * and run settings), its validating loader, and the built-in scenarios shipped in the jar.
 *
 * <p>{@link dev.residency.sim.scenario.ScenarioLoader} reads a file into a Jackson tree only (no
 * data binding, no polymorphic typing, no arbitrary classes), walks it, and either returns a
 * {@link dev.residency.sim.scenario.Scenario} or throws a {@link
 * dev.residency.sim.scenario.ScenarioException} that lists every error at once, each with the path
 * of the field at fault ({@code links[3].bandwidth: "-5 Gbps" must be positive}). The schema is
 * documented in {@code docs/scenario-schema.md}. This package is the API: the scenario model, the
 * loader and the built-ins; the reader's internals live in {@code
 * dev.residency.sim.scenario.internal}. Everything here is non-null by default.
 */
package dev.residency.sim.scenario;
