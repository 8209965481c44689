package dev.residency.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * The command line's logging: everything goes to standard error, never to standard output, so that
 * {@code --format json} prints nothing but JSON. By default only warnings and errors are shown, one
 * line each without stack traces; {@code --verbose} shows debug messages and stack traces.
 */
final class CliLogging {

    /** The pattern of a log line without a stack trace ({@code %nopex} drops it). */
    static final String QUIET_PATTERN = "residency: %level %logger{0}: %msg%n%nopex";
    /** The pattern of a log line with its stack trace. */
    static final String VERBOSE_PATTERN = "residency: %level %logger{0}: %msg%n";

    private CliLogging() {}

    /**
     * Routes the root logger to standard error at {@code WARN}, or at {@code DEBUG} with stack traces if
     * {@code verbose}. Does nothing if SLF4J is bound to something other than Logback (an embedding
     * program's own choice).
     */
    static void configure(boolean verbose) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(verbose ? VERBOSE_PATTERN : QUIET_PATTERN);
        encoder.start();

        ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        root.addAppender(stderr);
        root.setLevel(verbose ? Level.DEBUG : Level.WARN);
    }
}
