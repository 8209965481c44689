package dev.residency.cli;

/**
 * The exit statuses of the {@code residency} command, documented in its help and the README.
 *
 * <ul>
 *   <li>{@value #OK}: the command did what was asked (a run whose commitment is missed still exits
 *       0: the answer is in the report);
 *   <li>{@value #INTERNAL}: an unexpected failure, such as a violated run-time invariant: a bug;
 *   <li>{@value #BAD_INPUT}: a refused scenario file or command-line flag, reported before any work
 *       and with nothing written;
 *   <li>{@value #OUTPUT}: the report could not be written (the folder exists and is not empty, or
 *       an I/O error); nothing half-written is left behind.
 * </ul>
 */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** An unexpected failure (a bug). */
    public static final int INTERNAL = 1;
    /** Bad input: scenario file or flags. */
    public static final int BAD_INPUT = 2;
    /** The output could not be written. */
    public static final int OUTPUT = 3;

    private ExitCodes() {}
}
