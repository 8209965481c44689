package dev.residency.inventory.duckdb;

import dev.residency.inventory.InventoryColumns;
import dev.residency.inventory.InventoryException;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.InventorySource;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns DuckDB's errors about an inventory into {@link InventoryException}s naming the field. */
final class DuckDbErrors {

    private static final Pattern CSV_COLUMN = Pattern.compile("converting column \"([^\"]+)\"");
    private static final Pattern CSV_LINE = Pattern.compile("CSV Error on Line: (\\d+)");

    private DuckDbErrors() {}

    /** Returns the error for an inventory DuckDB could not read at all or a CSV cell it could not convert. */
    static InventoryException unreadable(InventorySource source, SQLException e) {
        String message = firstLine(e.getMessage());
        String full = e.getMessage() == null ? "" : e.getMessage();
        Matcher line = CSV_LINE.matcher(full);
        Matcher column = CSV_COLUMN.matcher(full);
        if (line.find()) {
            String field = InventoryScan.FIELD + ".path";
            String what = "";
            if (column.find()) {
                for (Map.Entry<String, String> c :
                        source.columns().byAttribute().entrySet()) {
                    if (c.getValue().equals(column.group(1))) {
                        field = InventoryScan.FIELD + ".columns." + c.getKey();
                        what = "column \"" + c.getValue() + "\": ";
                    }
                }
            }
            return new InventoryException(
                    field,
                    what + "line " + line.group(1) + " of \"" + source.path() + "\" cannot be read: " + message,
                    e);
        }
        if (full.contains("No files found")) {
            return new InventoryException(
                    InventoryScan.FIELD + ".path", "no file matches \"" + source.path() + "\"", e);
        }
        if (full.contains("Parquet") || full.contains("parquet")) {
            return new InventoryException(
                    InventoryScan.FIELD + ".path",
                    "\"" + source.path() + "\" is not a readable Parquet file (format: parquet): " + message,
                    e);
        }
        if (full.contains("Conversion Error") || full.contains("out of range")) {
            return new InventoryException(
                    InventoryScan.FIELD + ".columns." + InventoryColumns.BYTES,
                    "a value does not fit in a 64-bit whole number: " + message,
                    e);
        }
        return new InventoryException(
                InventoryScan.FIELD + ".path",
                "\"" + source.path() + "\" cannot be read as " + source.format().fileName() + ": " + message,
                e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String first = message.strip().lines().findFirst().orElse(message);
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }
}
