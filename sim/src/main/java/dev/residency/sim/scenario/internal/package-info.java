/**
 * Internal: the YAML scenario reader behind {@link dev.residency.sim.scenario.ScenarioLoader}. Not
 * API: these types may change in any release; call {@code ScenarioLoader} instead.
 *
 * <p>{@link dev.residency.sim.scenario.internal.ScenarioReader} reads the text into a Jackson tree
 * and walks it with {@code Node} (a tree position with its field path and the shared error list),
 * one {@code *Section} class per top-level section, {@code Scalars} for units and ranges, {@code
 * Fleet} for sites and links, and {@code ScenarioChecks} for the cross-checks made once every section
 * has been read. Everything here is non-null by default.
 */
package dev.residency.sim.scenario.internal;
