package dev.residency.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on standard error. It stays silent when standard error is not a terminal,
 * when asked to be quiet, and during the first second of work (so quick runs print nothing).
 * Thread-safe: replications report from worker threads.
 */
final class ProgressBar {

    private static final long DELAY_NANOS = 1_000_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private String label = "";
    private boolean drawn;

    private ProgressBar(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Returns a bar on {@code System.err}, enabled only on a terminal and when not {@code quiet}. */
    static ProgressBar forTerminal(boolean quiet) {
        return new ProgressBar(System.err, !quiet && System.console() != null);
    }

    /** Sets the label of the current stage, e.g. "planning". */
    synchronized void stage(String newLabel) {
        this.label = newLabel;
        draw(-1, 0);
    }

    /** Shows {@code done} of {@code total} steps of the current stage. */
    synchronized void update(int done, int total) {
        draw(done, total);
    }

    /** Clears the line, if anything was drawn. */
    synchronized void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + label.length() + 30) + "\r");
            err.flush();
            drawn = false;
        }
    }

    private void draw(int done, int total) {
        if (!enabled || System.nanoTime() - started < DELAY_NANOS) {
            return;
        }
        String line;
        if (done < 0 || total <= 0) {
            line = String.format(Locale.ROOT, "\r%s ...", label);
        } else {
            int filled = (int) ((long) WIDTH * done / total);
            line = String.format(
                    Locale.ROOT,
                    "\r%s [%s%s] %d/%d",
                    label,
                    "#".repeat(filled),
                    " ".repeat(WIDTH - filled),
                    done,
                    total);
        }
        err.print(line);
        err.flush();
        drawn = true;
    }
}
