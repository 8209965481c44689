package dev.residency.inventory.duckdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/**
 * Test support: one in-memory DuckDB database per test JVM, to which every caller opens its own
 * connection ({@link DuckDBConnection#duplicate()}). Tests write and read their files through it
 * instead of starting a database per call: starting and closing an in-memory database cost about 0.1 s
 * of CPU here, far more than the tests' small queries (docs/testing.md, "2026-11-30 evening: verify
 * time"). Callers keep no state in it beyond their connection: tables they make are {@code TEMP}
 * (dropped with the connection). The engines under test still open their own databases. Public for the
 * Spark engine's tests (inventory-duckdb test-jar).
 */
public final class SharedDuckDb {

    private static DuckDBConnection database;

    private SharedDuckDb() {}

    /**
     * Returns a new connection to the shared database; close it when done (the database stays open until
     * the JVM exits).
     *
     * @throws SQLException if DuckDB cannot open the database or the connection
     */
    public static Connection connect() throws SQLException {
        return root().duplicate();
    }

    private static synchronized DuckDBConnection root() throws SQLException {
        if (database == null) {
            database = DriverManager.getConnection("jdbc:duckdb:").unwrap(DuckDBConnection.class);
        }
        return database;
    }
}
