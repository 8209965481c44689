package dev.residency.inventory.duckdb;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support: reads a manifest folder back, each row joined with its action in the action table
 * (the batch of the folder must be the action's), as sorted text rows, and hashes them. Public for
 * the Spark engine's equivalence test (inventory-duckdb test-jar).
 */
public final class ManifestRows {

    private ManifestRows() {}

    /** Returns "object_id,bytes,action,source,site,reason,batch" rows of every manifest file, sorted. */
    public static List<String> read(Path directory, String format) throws SQLException {
        String glob = directory.resolve("batch=*").resolve("*." + format).toString();
        String actions = directory.resolve("actions." + format).toString();
        String reader = format.equals("parquet")
                ? "read_parquet('" + glob + "', hive_partitioning = true)"
                : "read_csv('" + glob + "', hive_partitioning = true, header = true, all_varchar = true)";
        String table = format.equals("parquet")
                ? "read_parquet('" + actions + "')"
                : "read_csv('" + actions + "', header = true, all_varchar = true)";
        List<String> rows = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(directory)) {
            if (files.noneMatch(f -> f.getFileName().toString().startsWith("batch="))) {
                return rows;
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT CAST(m.object_id AS BIGINT) o, CAST(m.bytes AS BIGINT) b,"
                        + " t.action, coalesce(t.source, '') src, coalesce(t.site, '') site,"
                        + " coalesce(t.reason, '') reason, CAST(m.batch AS INTEGER) batch FROM " + reader
                        + " m JOIN " + table + " t ON CAST(m.action_id AS INTEGER) = CAST(t.action_id AS INTEGER)"
                        + " AND CAST(m.batch AS INTEGER) = CAST(t.batch AS INTEGER)"
                        + " ORDER BY o, batch, t.action, site, src")) {
            while (r.next()) {
                rows.add(r.getLong(1) + "," + r.getLong(2) + "," + r.getString(3) + "," + r.getString(4) + ","
                        + r.getString(5) + "," + r.getString(6) + "," + r.getInt(7));
            }
        }
        return rows;
    }

    /** Returns the SHA-256 of the rows, one per line. */
    public static String hash(List<String> rows) {
        Hasher h = Hashing.sha256().newHasher();
        rows.forEach(r -> h.putString(r, StandardCharsets.UTF_8).putByte((byte) '\n'));
        return h.hash().toString();
    }
}
