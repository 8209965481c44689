package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One problem found in a scenario file.
 *
 * @param path where the problem is, such as {@code links[3].bandwidth} or {@code
 *     policy.rules[0].allowed.jurisdictions[2]}; {@code "<document>"} for the file as a whole
 * @param message what is wrong, quoting the offending value, such as {@code "-5 Gbps" must be
 *     positive}
 */
public record ScenarioError(String path, String message) {

    /** The path of errors about the whole file (unreadable, not YAML, empty). */
    public static final String DOCUMENT = "<document>";

    /**
     * Creates an error.
     *
     * @throws IllegalArgumentException if the path or message is blank
     */
    public ScenarioError {
        checkNotNull(path, "path");
        checkNotNull(message, "message");
        checkArgument(!path.isBlank(), "path must not be blank");
        checkArgument(!message.isBlank(), "message must not be blank");
    }

    /** Returns {@code path: message}, the form printed to users. */
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
