package dev.residency.cli;

import dev.residency.sim.scenario.BuiltInScenarios;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code residency scenarios}: lists the built-in scenarios, or prints one's YAML. */
@Command(
        name = "scenarios",
        mixinStandardHelpOptions = true,
        description = "Lists the built-in scenarios; --show NAME prints one's YAML (a starting point for your own).")
final class ScenariosCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--show", paramLabel = "NAME", description = "print the YAML of this built-in scenario")
    private String show;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (show != null) {
            if (!BuiltInScenarios.names().contains(show)) {
                throw new BadInputException("--show: \"" + show + "\" is not a built-in scenario (known: "
                        + String.join(", ", BuiltInScenarios.names()) + ")");
            }
            out.print(BuiltInScenarios.source(show));
        } else {
            int width = BuiltInScenarios.names().stream()
                    .mapToInt(String::length)
                    .max()
                    .orElse(10);
            for (String name : BuiltInScenarios.names()) {
                out.printf(
                        Locale.ROOT,
                        "%-" + width + "s  %s%n",
                        name,
                        BuiltInScenarios.description(name).orElse(""));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
