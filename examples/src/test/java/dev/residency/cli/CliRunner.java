package dev.residency.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
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
}
