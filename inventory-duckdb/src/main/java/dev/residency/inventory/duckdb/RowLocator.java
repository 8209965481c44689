package dev.residency.inventory.duckdb;

import dev.residency.inventory.InventoryColumns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Finds the first row (by file, then row number where the format has one) matching a condition, to
 * name it in an error: "file F row N (object_id X)" for Parquet, "file F, object_id X" for CSV.
 */
final class RowLocator {

    private RowLocator() {}

    /** Returns where the first row of {@code relation} meeting {@code condition} (over the projection) is. */
    static String locate(Connection connection, InventoryRelation relation, String condition, List<Object> params)
            throws SQLException {
        String location = relation.locationColumns();
        String order = location.contains("file_row_number") ? "filename, file_row_number" : "filename, id";
        String sql = "SELECT " + location + ", id FROM (" + relation.projection(location) + ") WHERE " + condition
                + " ORDER BY " + order + " LIMIT 1";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return "(row not found again: did the inventory change?)";
                }
                String idColumn = relation.source().columns().byAttribute().get(InventoryColumns.ID);
                String id = r.getString("id");
                String where = "in file \"" + r.getString("filename") + "\"";
                if (location.contains("file_row_number")) {
                    return where + " row " + (r.getLong("file_row_number") + 1) + " (" + idColumn + " " + id + ")";
                }
                return where + ", " + idColumn + " " + id;
            }
        }
    }
}
