package dev.residency.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.cli.ResidencyCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** The CLI's {@code --version} names the version in the poms, which the build passes to the tests. */
final class VersionTest {

    @Test
    void cliVersion_equalsTheProjectVersion() {
        String projectVersion = System.getProperty("residency.version");
        assertThat(projectVersion)
                .as("system property residency.version, set by the pom")
                .isNotBlank();

        assertThat(ResidencyCommand.class.getAnnotation(Command.class).version())
                .containsExactly("residency " + projectVersion);
    }
}
