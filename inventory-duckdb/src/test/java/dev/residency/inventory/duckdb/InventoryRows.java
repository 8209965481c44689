package dev.residency.inventory.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Test support: the rows of an inventory with the default columns, as text, sorted by object id. */
final class InventoryRows {

    private InventoryRows() {}

    static List<String> sorted(Path glob, String format) throws SQLException {
        String reader =
                format.equals("parquet") ? "read_parquet('" + glob + "')" : "read_csv('" + glob + "', header = true)";
        List<String> rows = new ArrayList<>();
        try (Connection c = SharedDuckDb.connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT object_id, home, category, sites, bytes, legal_hold FROM " + reader
                        + " ORDER BY object_id")) {
            while (r.next()) {
                rows.add(r.getLong(1) + "," + r.getString(2) + "," + r.getString(3) + "," + r.getString(4) + ","
                        + r.getLong(5) + "," + r.getBoolean(6));
            }
        }
        return rows;
    }
}
