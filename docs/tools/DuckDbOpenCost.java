import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;

/**
 * Measures what one {@code SELECT 1} costs on a new in-memory DuckDB database (opened and closed each
 * time) against a new connection to one open database ({@link DuckDBConnection#duplicate()}): wall
 * time and process CPU per call, two rounds (docs/testing.md, "2026-11-30 evening: verify time"). Not
 * part of the build: {@code java -cp DUCKDB_JDBC_JAR docs/tools/DuckDbOpenCost.java 50}.
 */
public final class DuckDbOpenCost {

    private DuckDbOpenCost() {}

    /** Runs {@code args[0]} calls each way, twice, and prints the costs per call. */
    public static void main(String[] args) throws SQLException {
        int n = Integer.parseInt(args[0]);
        for (int round = 0; round < 2; round++) {
            long cpu0 = cpu();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                        Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
            }
            long cpu1 = cpu();
            long t1 = System.nanoTime();
            try (DuckDBConnection root =
                    DriverManager.getConnection("jdbc:duckdb:").unwrap(DuckDBConnection.class)) {
                for (int i = 0; i < n; i++) {
                    try (Connection c = root.duplicate();
                            Statement s = c.createStatement()) {
                        s.execute("SELECT 1");
                    }
                }
            }
            long cpu2 = cpu();
            long t2 = System.nanoTime();
            System.out.printf(
                    "new database: %.1f ms wall, %.1f ms CPU per call; duplicate connection: %.1f ms wall,"
                            + " %.1f ms CPU per call%n",
                    (t1 - t0) / 1e6 / n, (cpu1 - cpu0) / 1e6 / n, (t2 - t1) / 1e6 / n, (cpu2 - cpu1) / 1e6 / n);
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
