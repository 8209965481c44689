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
 * sweep}, {@code scenarios}, {@code inventory}. Exit statuses are in {@link ExitCodes}.
 */
@Command(
        name = "residency",
        mixinStandardHelpOptions = true,
        version = "residency 0.2.0",
        description = {
            "Plans and simulates data-residency migrations: can the commitment be kept by the deadline,",
            "how much must be deleted rather than moved, and how sure are we?"
        },
        subcommands = {
            RunCommand.class,
            PlanCommand.class,
            AuditCommand.class,
            ValidateCommand.class,
            SweepCommand.class,
            SensitivityCommand.class,
            CompareCommand.class,
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

    /** The option that turns on debug logging and stack traces; every subcommand inherits it. */
    static final String VERBOSE = "--verbose";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(
            names = VERBOSE,
            scope = CommandLine.ScopeType.INHERIT,
            description = "log debug messages and print stack traces of internal errors (to standard error)")
    private boolean verbose;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Returns the command line with the exit-status mapping of {@link ExitCodes}. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ResidencyCommand());
        cli.setExecutionExceptionHandler(ResidencyCommand::handle);
        cli.setExecutionStrategy(ResidencyCommand::execute);
        return cli;
    }

    /**
     * Configures logging for the command's {@code --verbose}, runs it, and turns an {@link Error} (such
     * as {@link OutOfMemoryError}), which picocli does not hand to the exception handler, into the
     * internal-error status.
     */
    private static int execute(CommandLine.ParseResult parsed) {
        boolean verbose = verbose(parsed);
        CliLogging.configure(verbose);
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (Error e) {
            return internalError(e, parsed.commandSpec().commandLine().getErr(), verbose);
        }
    }

    /** Returns whether {@code --verbose} was given to the command or any of its subcommands. */
    static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    private static int internalError(Throwable e, PrintWriter err, boolean verbose) {
        Throwable oom = e;
        while (oom != null && !(oom instanceof OutOfMemoryError)) {
            oom = oom.getCause();
        }
        String message = oom != null
                ? "out of memory (" + oom.getMessage() + "); give the JVM more heap (-Xmx), lower"
                        + " run.replications or raise population.scale"
                : e.toString();
        err.println("residency: internal error: " + message
                + (verbose ? "" : " (run again with " + VERBOSE + " for the stack trace)"));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INTERNAL;
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
            return internalError(e, err, verbose(parsed));
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
