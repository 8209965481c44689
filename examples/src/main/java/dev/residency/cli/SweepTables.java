package dev.residency.cli;

import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.study.SweepFiles;
import dev.residency.sim.study.SweepResult;
import dev.residency.sim.study.Threshold;

/**
 * Renders a sweep's grid and a bisection's points as {@code sweep.md}/{@code sweep.csv} and {@code
 * find.md}/{@code find.csv}, by {@link SweepFiles}, which the Spark study job shares so that a sweep
 * run on a cluster writes the same bytes.
 */
final class SweepTables {

    private SweepTables() {}

    /** Returns {@code sweep.csv}: a header, then one row per point. */
    static String csv(SweepResult sweep) {
        return SweepFiles.csv(sweep);
    }

    /** Returns {@code sweep.md}: what was varied, the reuse, and the table. */
    static String markdown(Scenario scenario, Overrides overrides, SweepResult sweep) {
        return SweepFiles.markdown(scenario, overrides, sweep);
    }

    /** Returns {@code find.md}: the finding first, then every point the bisection ran. */
    static String markdown(Scenario scenario, Overrides overrides, Threshold threshold) {
        return SweepFiles.markdown(scenario, overrides, threshold);
    }

    /** Returns {@code find.csv}: one row per point run, in the order run. */
    static String csv(Threshold threshold) {
        return SweepFiles.csv(threshold);
    }
}
