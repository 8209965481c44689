package dev.residency.examples;

import dev.residency.sim.migration.MigrationRun;
import dev.residency.sim.migration.MigrationSetup;
import dev.residency.sim.migration.ScenarioPlans;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.BuiltInScenarios;
import dev.residency.sim.scenario.Scenario;
import dev.residency.units.DataSize;
import java.util.Locale;

/**
 * Embedding example: loads a built-in scenario, prepares it (population and plan) and runs one
 * replication, then prints what happened.
 *
 * <p>Run: {@code java -cp examples/target/residency.jar dev.residency.examples.RunOneReplication
 * [scenario] [replication]}
 */
public final class RunOneReplication {

    private RunOneReplication() {}

    /** Runs and prints one replication; arguments: scenario name (default the 2020 deal), replication index. */
    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "microsoft-tiktok-2020";
        int replication = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Scenario scenario = BuiltInScenarios.load(name).withQuickMode();
        MigrationSetup setup = ScenarioPlans.prepare(scenario);
        long started = System.nanoTime();
        RunResult result = MigrationRun.execute(setup, replication);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                Locale.ROOT, "%s, replication %d (quick mode), simulated in %.2f s:%n", name, replication, seconds);
        System.out.printf(Locale.ROOT, "  events processed          %,d%n", result.events());
        System.out.printf(Locale.ROOT, "  deadline met              %s%n", result.metDeadline());
        System.out.printf(
                Locale.ROOT, "  live systems compliant    day %.1f%n", result.liveComplianceSeconds() / 86_400);
        System.out.printf(
                Locale.ROOT, "  fully compliant           day %.1f%n", result.fullComplianceSeconds() / 86_400);
        System.out.printf(Locale.ROOT, "  moved                     %s%n", DataSize.format(result.bytesMoved()));
        result.deletedByReason()
                .forEach((reason, bytes) ->
                        System.out.printf(Locale.ROOT, "  deleted (%-15s) %s%n", reason, DataSize.format(bytes)));
        System.out.printf(
                Locale.ROOT, "  link / site failures      %d / %d%n", result.linkFailures(), result.siteFailures());
        System.out.printf(Locale.ROOT, "  copies redone (corrupt)   %d%n", result.copyRetries());
        System.out.printf(Locale.ROOT, "  fingerprint               %s%n", result.fingerprint());
    }
}
