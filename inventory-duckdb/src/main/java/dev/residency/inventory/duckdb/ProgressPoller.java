package dev.residency.inventory.duckdb;

import dev.residency.inventory.ScanProgress;
import java.sql.SQLException;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;

/**
 * Polls a running DuckDB statement's progress once a second on a daemon thread and forwards it to a
 * {@link ScanProgress}. Closing it stops the thread.
 */
final class ProgressPoller implements AutoCloseable {

    private final Thread thread;
    private volatile boolean done;

    ProgressPoller(DuckDBPreparedStatement statement, String stage, ScanProgress progress) {
        thread = new Thread(
                () -> {
                    while (!done) {
                        try {
                            Thread.sleep(1000);
                            QueryProgress p = statement.getQueryProgress();
                            if (!done && p.getPercentage() >= 0) {
                                progress.update(stage, Math.min(1, p.getPercentage() / 100));
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (SQLException | RuntimeException e) {
                            // The statement finished or closed between two polls: nothing more to report.
                            return;
                        }
                    }
                },
                "duckdb-progress");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        done = true;
        thread.interrupt();
    }
}
