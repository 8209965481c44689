package dev.residency.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.sim.scenario.BuiltInScenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that used to be accepted and then crash or fail after the work (an exit 1 with a raw stack
 * trace, or an exit 3 after all replications) are refused before any work: exit 2, the field or flag
 * named with its value and the limit, nothing written.
 */
final class HostileInputCliTest {

    @TempDir
    Path tmp;

    private Path scenario(String from, String to) throws IOException {
        String valid = BuiltInScenarios.source("microsoft-tiktok-2020");
        String changed = valid.replaceFirst(from, to);
        assertThat(changed).isNotEqualTo(valid);
        Path file = tmp.resolve("hostile.yaml");
        Files.writeString(file, changed);
        return file;
    }

    @Test
    void run_replicationsIntMaxInTheFile_exitsTwoWithTheLimitBeforeWork() throws IOException {
        Path file = scenario("(?m)^  replications: 20$", "  replications: 2147483647");
        Path out = tmp.resolve("never");

        CliRunner r = CliRunner.run("run", file.toString(), "--out", out.toString());

        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("run.replications: 2147483647 is more than the limit of 10,000 replications");
        assertThat(out).doesNotExist();
    }

    @Test
    void run_replicationsFlagOverTheLimit_exitsTwoBeforeWork() {
        Path out = tmp.resolve("never");

        CliRunner r =
                CliRunner.run("run", "microsoft-tiktok-2020", "--replications", "2147483647", "--out", out.toString());

        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--replications: \"2147483647\" must be between 1 and the limit of 10000");
        assertThat(out).doesNotExist();
    }

    @Test
    void run_threeHundredCharacterName_exitsTwoBeforeWork() throws IOException {
        Path file = scenario("(?m)^name: .*$", "name: " + "n".repeat(300));
        Path out = tmp.resolve("never");

        CliRunner r = CliRunner.run("run", file.toString(), "--out", out.toString());

        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("name: has 300 characters, more than the limit of 100");
        assertThat(out).doesNotExist();
    }

    @Test
    void run_newlineInName_exitsTwoBeforeWork() throws IOException {
        Path file = scenario("(?m)^name: .*$", "name: \"two\\\\n# lines\"");
        Path out = tmp.resolve("never");

        CliRunner r = CliRunner.run("run", file.toString(), "--out", out.toString());

        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("name: must be one line");
        assertThat(out).doesNotExist();
    }

    @Test
    void validate_devZero_exitsTwoWithoutReadingIt() {
        CliRunner r = CliRunner.run("validate", "/dev/zero");

        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("\"/dev/zero\" is neither a built-in scenario nor a file");
    }
}
