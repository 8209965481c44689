package dev.residency.cli;

import dev.residency.sim.scenario.PopulationSource;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.ScenarioException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code residency validate}: checks scenario files and reports every error, without running anything. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Checks scenarios (built-in names or YAML files) and prints every error with its path.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:all valid", "2:at least one scenario is invalid"})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", arity = "1..*", description = "built-in scenario names or YAML files")
    private List<String> scenarios;

    @Mixin
    private OverrideOptions sets;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int status = ExitCodes.OK;
        dev.residency.sim.scenario.Overrides overrides = sets.overrides();
        for (String name : scenarios) {
            try {
                Scenario s = ScenarioArgument.load(name, false, overrides);
                // An inventory is not read by validate (it may hold 10^9 rows): its rows are counted
                // and checked when plan or run scans it.
                String population = s.population() instanceof PopulationSource.Inventory inventory
                        ? "an inventory at " + inventory.source().path() + " (read and checked by plan and run)"
                        : String.format(
                                Locale.ROOT,
                                "about %,.0f synthetic records",
                                s.population().expectedRecords());
                out.printf(
                        Locale.ROOT,
                        "ok: %s (%s): %d sites, %d links, %d rules, %s%n",
                        name,
                        s.name(),
                        s.topology().siteCount(),
                        s.topology().links().size(),
                        s.policy().rules().size(),
                        population);
            } catch (ScenarioException | BadInputException e) {
                err.println(e instanceof BadInputException ? "residency: " + e.getMessage() : e.getMessage());
                status = ExitCodes.BAD_INPUT;
            }
        }
        out.flush();
        err.flush();
        return status;
    }
}
