package dev.residency.inventory.duckdb;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test support: reads a manifest folder back, each object's row expanded into the actions of its
 * fate in the fate table, as sorted text rows, and hashes them. Checks the format on the way: one row
 * per object, and every row in the folder of its fate's first batch (-1 when it has none). Public for
 * the Spark engine's equivalence test (inventory-duckdb test-jar).
 */
public final class ManifestRows {

    private ManifestRows() {}

    /**
     * Returns "object_id,bytes,action,source,site,reason,batch" rows (the batch of the action) of every
     * manifest file, sorted.
     *
     * @throws IllegalStateException if an object has two rows, a row names no fate of the table, or a
     *     row is in another folder than its fate's first batch
     */
    public static List<String> read(Path directory, String format) throws SQLException {
        String glob = directory.resolve("batch=*").resolve("*." + format).toString();
        String fates = directory.resolve("fates." + format).toString();
        String reader = format.equals("parquet")
                ? "read_parquet('" + glob + "', hive_partitioning = true)"
                : "read_csv('" + glob + "', hive_partitioning = true, header = true, all_varchar = true)";
        String table = format.equals("parquet")
                ? "read_parquet('" + fates + "')"
                : "read_csv('" + fates + "', header = true, all_varchar = true)";
        List<String> rows = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            if (files.noneMatch(f -> f.getFileName().toString().startsWith("batch="))) {
                return rows;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection c = SharedDuckDb.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE m AS SELECT CAST(object_id AS BIGINT) o, CAST(bytes AS BIGINT) b,"
                    + " CAST(fate AS INTEGER) fate, CAST(batch AS INTEGER) folder FROM " + reader);
            s.execute("CREATE TEMP TABLE t AS SELECT CAST(fate AS INTEGER) fate, CAST(step AS INTEGER) step, action,"
                    + " coalesce(source, '') src, coalesce(site, '') site, coalesce(reason, '') reason,"
                    + " CAST(batch AS INTEGER) batch FROM " + table);
            try (ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT o) FROM m")) {
                r.next();
                if (r.getLong(1) != r.getLong(2)) {
                    throw new IllegalStateException(
                            r.getLong(1) + " manifest rows for " + r.getLong(2) + " objects in " + directory);
                }
            }
            try (ResultSet r = s.executeQuery("SELECT m.o, m.fate, m.folder, f.first FROM m LEFT JOIN (SELECT fate,"
                    + " coalesce(min(batch) FILTER (WHERE batch >= 0), -1) first FROM t GROUP BY fate) f"
                    + " ON m.fate = f.fate WHERE f.first IS NULL OR f.first <> m.folder LIMIT 1")) {
                if (r.next()) {
                    throw new IllegalStateException("object " + r.getLong(1) + " of fate " + r.getInt(2)
                            + " is in folder batch=" + r.getInt(3) + ", its fate's first batch is "
                            + r.getObject(4) + " (" + directory + ")");
                }
            }
            try (ResultSet r = s.executeQuery("SELECT m.o, m.b, t.action, t.src, t.site, t.reason, t.batch"
                    + " FROM m JOIN t ON m.fate = t.fate ORDER BY m.o, t.batch, t.action, t.site, t.src, t.reason")) {
                while (r.next()) {
                    rows.add(r.getLong(1) + "," + r.getLong(2) + "," + r.getString(3) + "," + r.getString(4) + ","
                            + r.getString(5) + "," + r.getString(6) + "," + r.getInt(7));
                }
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
