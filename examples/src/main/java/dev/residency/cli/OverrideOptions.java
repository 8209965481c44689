package dev.residency.cli;

import dev.residency.sim.scenario.Overrides;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --set PATH=VALUE} option, repeatable, shared by every command that reads a scenario. */
final class OverrideOptions {

    @Option(
            names = "--set",
            paramLabel = "PATH=VALUE",
            description = {
                "change the scenario before it is validated (repeatable), with the validator's paths:",
                "run.backups.retention=30d, sites[2].storage=\"50 PB\", policy.rules[0].allowed.operators=[]"
            })
    private List<String> settings = new ArrayList<>();

    /**
     * Returns the parsed settings.
     *
     * @throws BadInputException naming every setting that is not PATH=VALUE
     */
    Overrides overrides() {
        try {
            return Overrides.parse(settings);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--set: " + e.getMessage().replace("\n", "\n--set: "));
        }
    }
}
