package dev.residency.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;
import picocli.CommandLine;

/** Runs the CLI in-process and captures its exit status, standard output and standard error. */
record CliRunner(int status, String out, String err) {

    static CliRunner run(String... args) {
        CommandLine cli = ResidencyCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new CliRunner(status, out.toString(), err.toString());
    }

    /**
     * One bad-input case of a parameterized table: its display name, the text its message must
     * contain, the command and the rest of its arguments.
     */
    static Arguments badCase(String name, String expected, String command, String... rest) {
        return Arguments.of(name, expected, command, List.of(rest));
    }

    /**
     * Asserts that this run was refused as bad input (exit 2) with a message containing {@code
     * expected}, before any work: the output folder {@code out} does not exist and {@code folder}, the
     * test's temporary folder holding it, is empty.
     */
    void assertRefusedBeforeWork(String name, String expected, Path out, Path folder) {
        assertThat(status).as(name + ": " + err).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err).as(name).contains(expected);
        assertThat(out).doesNotExist();
        assertThat(folder).isEmptyDirectory();
    }
}
