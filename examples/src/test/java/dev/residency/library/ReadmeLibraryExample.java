package dev.residency.library;

import static com.google.common.base.Preconditions.checkState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Java program of the README's "Use it as a library" section: the first {@code ```java} block
 * after that heading, read from the README itself so that the tests compile and run exactly what a
 * reader copies.
 */
final class ReadmeLibraryExample {

    /** The heading the example sits under. */
    static final String HEADING = "## Use it as a library";
    /** The example's package. */
    static final String PACKAGE = "com.example.fleet";
    /** The example's class. */
    static final String CLASS = "FleetMigration";

    private ReadmeLibraryExample() {}

    /** Returns the README of the repository, found from the examples module's directory. */
    static Path readme() {
        Path readme = Path.of("..", "README.md").toAbsolutePath().normalize();
        checkState(Files.isRegularFile(readme), "README.md not found at %s", readme);
        return readme;
    }

    /** Returns the example's source text. */
    static String source() {
        try {
            return extract(Files.readString(readme()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the first {@code java} code block after {@link #HEADING} in {@code markdown}. */
    static String extract(String markdown) {
        int heading = markdown.indexOf("\n" + HEADING + "\n");
        checkState(heading >= 0, "README has no heading \"%s\"", HEADING);
        String open = "```java\n";
        int start = markdown.indexOf(open, heading);
        checkState(start >= 0, "no ```java block after \"%s\"", HEADING);
        int end = markdown.indexOf("\n```", start + open.length());
        checkState(end >= 0, "the ```java block after \"%s\" is not closed", HEADING);
        return markdown.substring(start + open.length(), end + 1);
    }
}
