package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a scenario file is refused: it carries every error found, not just the first, so that
 * a user can fix them all in one pass. The message lists them one per line as {@code path: message}.
 * A command-line front prints {@link #getMessage()} and exits with status 2, having written nothing.
 *
 * <p>Unchecked: a bad scenario is a caller's input mistake, reported before any work starts.
 */
public final class ScenarioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The exit status a command-line front uses for a refused scenario. */
    public static final int EXIT_STATUS = 2;

    /** The file name or resource the scenario came from. */
    private final String source;
    /** Every error found, in the order the loader found them; never empty. */
    private final ImmutableList<ScenarioError> errors;

    /**
     * Creates an exception for the scenario read from {@code source}.
     *
     * @param source the file name or resource the scenario came from, for the message's first line
     * @param errors the errors, at least one
     * @throws IllegalArgumentException if {@code errors} is empty
     */
    public ScenarioException(String source, List<ScenarioError> errors) {
        super(format(source, errors));
        checkArgument(!errors.isEmpty(), "a ScenarioException needs at least one error");
        this.source = source;
        this.errors = ImmutableList.copyOf(errors);
    }

    /** Returns the file name or resource the scenario came from. */
    public String source() {
        return source;
    }

    /** Returns the errors in the order they were found (document order, then cross-checks). */
    public ImmutableList<ScenarioError> errors() {
        return errors;
    }

    private static String format(String source, List<ScenarioError> errors) {
        String head = source + ": " + errors.size() + (errors.size() == 1 ? " error" : " errors");
        return errors.stream().map(ScenarioError::toString).collect(Collectors.joining("\n  ", head + "\n  ", ""));
    }
}
