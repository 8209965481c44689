package dev.residency.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The CLI's logging and internal-error handling: log lines go to standard error only (warnings by
 * default, debug with {@code --verbose}), standard output carries only the command's output, and any
 * {@link Throwable} a command throws, {@link OutOfMemoryError} included, ends in exit status 1 with one
 * message, the stack trace only with {@code --verbose}.
 */
final class CliLoggingTest {

    /** Logs one line per level and prints its output, as a real command would. */
    @Command(name = "chatty")
    static final class Chatty implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var log = LoggerFactory.getLogger("dev.residency.plan.Chatty");
            log.debug("a debug line");
            log.warn("a warning line", new IllegalStateException("the warning's cause"));
            spec.commandLine().getOut().print("{\"ok\": true}");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    /** Throws what it is given. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        static Throwable toThrow;

        @Override
        public Integer call() throws Exception {
            if (toThrow instanceof Error error) {
                throw error;
            }
            throw (Exception) toThrow;
        }
    }

    private record Captured(int status, String out, String err, String systemOut, String systemErr) {}

    private static Captured run(String... args) {
        CommandLine cli = ResidencyCommand.commandLine();
        cli.addSubcommand(new Chatty());
        cli.addSubcommand(new Boom());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream systemOut = new ByteArrayOutputStream();
        ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(systemOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
            status = cli.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            CliLogging.configure(false);
        }
        return new Captured(
                status,
                out.toString(),
                err.toString(),
                systemOut.toString(StandardCharsets.UTF_8),
                systemErr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void logging_default_warningsToStderrWithoutStackTraceAndNothingOnStdout() {
        Captured c = run("chatty");

        assertThat(c.status()).isEqualTo(ExitCodes.OK);
        assertThat(c.out()).isEqualTo("{\"ok\": true}");
        assertThat(c.systemOut()).isEmpty();
        assertThat(c.systemErr()).contains("WARN Chatty: a warning line").doesNotContain("a debug line");
        assertThat(c.systemErr()).doesNotContain("the warning's cause").doesNotContain("\tat ");
    }

    @Test
    void logging_verbose_debugAndStackTracesToStderrAndNothingOnStdout() {
        Captured c = run("chatty", "--verbose");

        assertThat(c.out()).isEqualTo("{\"ok\": true}");
        assertThat(c.systemOut()).isEmpty();
        assertThat(c.systemErr()).contains("DEBUG Chatty: a debug line").contains("the warning's cause");
    }

    @Test
    void internalError_outOfMemory_exitsOneWithOneLineAndNoStackTrace() {
        Boom.toThrow = new OutOfMemoryError("Java heap space");

        Captured c = run("boom");

        assertThat(c.status()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(c.err().strip().lines()).hasSize(1);
        assertThat(c.err())
                .startsWith("residency: internal error: out of memory (Java heap space)")
                .contains("--verbose");
        assertThat(c.out()).isEmpty();
        assertThat(c.systemOut()).isEmpty();
    }

    @Test
    void internalError_outOfMemoryInAWorker_isRecognisedThroughTheCause() {
        Boom.toThrow = new IllegalStateException("replication 3 failed", new OutOfMemoryError("Java heap space"));

        Captured c = run("boom");

        assertThat(c.status()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(c.err()).startsWith("residency: internal error: out of memory (Java heap space)");
    }

    @Test
    void internalError_otherErrorVerbose_printsTheStackTrace() {
        Boom.toThrow = new StackOverflowError("deep");

        Captured c = run("--verbose", "boom");

        assertThat(c.status()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(c.err()).startsWith("residency: internal error: java.lang.StackOverflowError: deep\n");
        assertThat(c.err()).contains("\tat ");
    }

    @Test
    void internalError_runtimeException_oneLineWithoutVerbose() {
        Boom.toThrow = new IllegalStateException("invariant broken");

        Captured c = run("boom");

        assertThat(c.status()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(c.err().strip().lines()).hasSize(1);
        assertThat(c.err()).contains("java.lang.IllegalStateException: invariant broken");
    }
}
