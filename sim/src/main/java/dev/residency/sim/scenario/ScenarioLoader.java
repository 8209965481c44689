package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.sim.scenario.internal.ScenarioReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * Reads and validates scenario files (schema: {@code docs/scenario-schema.md}).
 *
 * <p>The YAML is read into a Jackson tree only ({@code readTree}): no data binding, no polymorphic
 * typing, no class names from the file, and YAML tags are ignored. Unquoted {@code yes/no/on/off} stay
 * text (so Norway's {@code NO} is a country code) and a key given twice is an error. The tree is then
 * walked section by section, collecting every error with its path, and cross-checked (references,
 * the policy against the fleet, the population against the heap) before anything is built. Stateless
 * and thread-safe.
 */
public final class ScenarioLoader {

    private ScenarioLoader() {}

    /**
     * Loads the scenario in {@code file}; a CSV population is resolved against the file's directory.
     *
     * @throws ScenarioException listing every problem, including a file that cannot be read
     */
    public static Scenario load(Path file) {
        return load(file, Overrides.NONE);
    }

    /**
     * Loads the scenario in {@code file} with {@code overrides} put into it first; they are validated
     * like the file, and errors they cause say which setting caused them.
     *
     * @throws ScenarioException listing every problem of the file and the overrides
     */
    public static Scenario load(Path file, Overrides overrides) {
        return ScenarioSource.of(file).load(overrides);
    }

    /**
     * Returns the text of {@code file}.
     *
     * @throws ScenarioException if the file cannot be read
     */
    static String read(Path file) {
        checkNotNull(file, "file");
        return readScenarioFile(file);
    }

    /**
     * Loads a scenario from YAML text; a CSV population is resolved against the working directory.
     *
     * @param yamlText the file's content
     * @param sourceName the file or resource name, for the exception's message
     * @throws ScenarioException listing every problem
     */
    public static Scenario load(String yamlText, String sourceName) {
        checkNotNull(yamlText, "yamlText");
        checkNotNull(sourceName, "sourceName");
        return load(yamlText, sourceName, Optional.empty(), Overrides.NONE);
    }

    /**
     * Loads a scenario from YAML text with {@code overrides} put into it first.
     *
     * @param yamlText the file's content
     * @param sourceName the file or resource name, for the exception's message
     * @param overrides changes validated like the file
     * @throws ScenarioException listing every problem of the text and the overrides
     */
    public static Scenario load(String yamlText, String sourceName, Overrides overrides) {
        checkNotNull(yamlText, "yamlText");
        checkNotNull(sourceName, "sourceName");
        checkNotNull(overrides, "overrides");
        return load(yamlText, sourceName, Optional.empty(), overrides);
    }

    /** The largest scenario file read, in bytes (a scenario is a page or two of YAML; 4 MiB is plenty). */
    public static final long MAX_FILE_BYTES = 4L << 20;

    /** Reads a scenario file that is a regular file of at most {@link #MAX_FILE_BYTES}, or refuses it. */
    private static String readScenarioFile(Path file) {
        String problem;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                problem = "the file is not a regular file (a folder, device, pipe or socket)";
            } else if (attributes.size() > MAX_FILE_BYTES) {
                problem = "the file has " + attributes.size() + " bytes, more than the limit of " + MAX_FILE_BYTES
                        + " bytes";
            } else {
                byte[] bytes;
                try (InputStream in = Files.newInputStream(file)) {
                    bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
                }
                if (bytes.length > MAX_FILE_BYTES) {
                    problem = "the file has more than the limit of " + MAX_FILE_BYTES + " bytes";
                } else {
                    return StandardCharsets.UTF_8
                            .newDecoder()
                            .decode(ByteBuffer.wrap(bytes))
                            .toString();
                }
            }
        } catch (CharacterCodingException e) {
            problem = "the file is not UTF-8 text";
        } catch (IOException | RuntimeException e) {
            problem = "cannot read the file: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage());
        }
        throw new ScenarioException(file.toString(), List.of(new ScenarioError(ScenarioError.DOCUMENT, problem)));
    }

    private static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    /** Loads from text, resolving a CSV population against {@code baseDir}, with the overrides. */
    static Scenario load(String text, String source, Optional<Path> baseDir, Overrides overrides) {
        return ScenarioReader.read(text, source, baseDir, maxHeap(), overrides);
    }
}
