package dev.residency.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.testing.JavadocCoverage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every public type and member of {@code sim} has a Javadoc comment; the Javadoc run in {@code
 * verify} checks the comments' syntax, HTML and references (see {@link JavadocCoverage}).
 */
final class SimJavadocCoverageTest {

    @Test
    void simMainSources_everyPublicElementDocumented() {
        assertThat(JavadocCoverage.undocumented(Path.of("src/main/java")))
                .as("public types and members of sim without a Javadoc comment")
                .isEmpty();
    }
}
