package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.ScenarioSource;

/**
 * One side of a comparison: a scenario file under overrides, with the name reports give it.
 *
 * @param name the variant's name, such as {@code retention 14d}; not blank
 * @param source the scenario file
 * @param overrides the changes made to it (none for the file as written)
 */
public record Variant(String name, ScenarioSource source, Overrides overrides) {

    /**
     * Creates a variant.
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public Variant {
        checkNotNull(name, "name");
        checkNotNull(source, "source");
        checkNotNull(overrides, "overrides");
        name = name.strip();
        checkArgument(!name.isEmpty(), "a variant's name must not be blank (source %s)", source.name());
    }

    /**
     * Parses {@code NAME: PATH=VALUE; PATH=VALUE ...} (settings separated by {@code ;}, since a value
     * may hold commas) or {@code PATH=VALUE; ...} (named after its settings) as a variant of {@code
     * source}.
     *
     * @throws IllegalArgumentException naming the text if it has no setting, an empty setting, a blank
     *     name before {@code :}, or a setting that is not {@code PATH=VALUE}
     */
    public static Variant parse(String text, ScenarioSource source) {
        checkNotNull(text, "text");
        int eq = text.indexOf('=');
        int colon = text.indexOf(':');
        String name = null;
        String body = text;
        if (colon >= 0 && (eq < 0 || colon < eq)) {
            name = text.substring(0, colon).strip();
            body = text.substring(colon + 1);
            checkArgument(!name.isEmpty(), "variant \"%s\" has a blank name before ':'", text);
        }
        checkArgument(
                !body.isBlank(),
                "variant \"%s\" is empty: give NAME: PATH=VALUE; PATH=VALUE (for example"
                        + " \"retention 14d: run.backups.retention=14d\")",
                text);
        java.util.List<String> settings = new java.util.ArrayList<>();
        for (String part : body.split(";", -1)) {
            checkArgument(!part.isBlank(), "variant \"%s\" has an empty setting between ';'", text);
            settings.add(part.strip());
        }
        Overrides overrides = Overrides.parse(settings);
        return new Variant(name != null ? name : overrides.toString(), source, overrides);
    }
}
