package dev.residency.cli;

/** A command-line argument or flag the command refuses; the CLI prints the message and exits with status 2. */
final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message);
    }
}
