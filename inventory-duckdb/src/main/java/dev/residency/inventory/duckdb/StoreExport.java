package dev.residency.inventory.duckdb;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.primitives.ImmutableIntArray;
import dev.residency.data.RecordStore;
import dev.residency.inventory.InventoryFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes a {@link RecordStore} as an inventory file with the default columns ({@link
 * dev.residency.inventory.InventoryColumns#DEFAULT}): record {@code i} becomes the object with id
 * {@code i}, its sites joined by ';'. The in-memory reference engine reads the same store, so the two
 * engines can be compared on the same objects.
 */
public final class StoreExport {

    private StoreExport() {}

    /**
     * Writes {@code store} to the new file {@code file} in {@code format}.
     *
     * @throws IOException if the file exists or cannot be written
     */
    public static void write(RecordStore store, Path file, InventoryFormat format) throws IOException {
        checkNotNull(store, "store");
        checkNotNull(format, "format");
        if (Files.exists(file)) {
            throw new IOException(file + " exists already");
        }
        String[] sites = new String[store.replicaSets().size()];
        for (int r = 0; r < sites.length; r++) {
            ImmutableIntArray s = store.replicaSets().sites(r);
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < s.length(); k++) {
                b.append(k == 0 ? "" : ";")
                        .append(store.topology().site(s.get(k)).id());
            }
            sites[r] = b.toString();
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE inv (object_id BIGINT, home VARCHAR, category VARCHAR, sites VARCHAR,"
                    + " bytes BIGINT, legal_hold BOOLEAN)");
            try (DuckDBAppender a =
                    c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "inv")) {
                for (int i = 0; i < store.size(); i++) {
                    a.beginRow()
                            .append((long) i)
                            .append(store.jurisdictions()
                                    .get(store.homeIndex(i))
                                    .code())
                            .append(store.categories()
                                    .get(store.categoryIndex(i))
                                    .name())
                            .append(sites[store.replicaSet(i)])
                            .append(store.bytes(i))
                            .append(store.legalHold(i))
                            .endRow();
                }
            }
            String options = format == InventoryFormat.PARQUET ? "FORMAT parquet" : "FORMAT csv, HEADER true";
            s.execute("COPY inv TO " + Sql.literal(file.toString()) + " (" + options + ")");
        } catch (SQLException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
