package dev.residency.cli;

import dev.residency.sim.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code residency} command line: plans and simulates data-residency migrations described by
 * scenario files. Subcommands: {@code run}, {@code plan}, {@code audit}, {@code validate}, {@code
 * scenarios}, {@code inventory}. Exit statuses are in {@link ExitCodes}.
 */
@Command(
        name = "residency",
        mixinStandardHelpOptions = true,
        version = "residency 0.1.0",
        description = {
            "Plans and simulates data-residency migrations: can the commitment be kept by the deadline,",
            "how much must be deleted rather than moved, and how sure are we?"
        },
        subcommands = {
            RunCommand.class,
            PlanCommand.class,
            AuditCommand.class,
            ValidateCommand.class,
            ScenariosCommand.class,
            InventoryCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:done",
            "1:internal error (a bug)",
            "2:bad scenario or flag; nothing written",
            "3:output could not be written"
        })
public final class ResidencyCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Returns the command line with the exit-status mapping of {@link ExitCodes}. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ResidencyCommand());
        cli.setExecutionExceptionHandler(ResidencyCommand::handle);
        return cli;
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        int status;
        if (e instanceof ScenarioException se) {
            err.println(se.getMessage());
            status = ExitCodes.BAD_INPUT;
        } else if (e instanceof BadInputException) {
            err.println("residency: " + e.getMessage());
            status = ExitCodes.BAD_INPUT;
        } else if (e instanceof IOException || e instanceof UncheckedIOException) {
            err.println("residency: cannot write the output: " + e.getMessage() + " (nothing half-written was left)");
            status = ExitCodes.OUTPUT;
        } else {
            err.println("residency: internal error: " + e);
            e.printStackTrace(err);
            status = ExitCodes.INTERNAL;
        }
        err.flush();
        return status;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }
}
