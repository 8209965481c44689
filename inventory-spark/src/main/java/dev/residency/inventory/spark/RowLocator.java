package dev.residency.inventory.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import dev.residency.inventory.InventoryColumns;
import dev.residency.inventory.InventoryException;
import dev.residency.inventory.InventoryScan;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * Finds the first row (by file, then row number for Parquet or object id for CSV) meeting a
 * condition, to name it in an error as the DuckDB engine does: "in file F row N (object_id X)" for
 * Parquet, "in file F, object_id X" for CSV.
 */
final class RowLocator {

    private final InventoryFrame frame;

    RowLocator(InventoryFrame frame) {
        this.frame = frame;
    }

    /** Returns the error for a cell of {@code attribute} that is empty, unconvertible or negative. */
    InventoryException cellError(String attribute, Column condition) {
        String column = frame.columns().get(attribute);
        Row row = first(condition);
        String problem;
        if (row == null) {
            problem = "is not valid";
        } else if (attribute.equals(InventoryColumns.BYTES) && !row.isNullAt(row.fieldIndex("b"))) {
            long smallest = frame.projection().agg(min(col("b"))).first().getLong(0);
            problem = "must not be negative (smallest: " + smallest + ")";
        } else if (attribute.equals(InventoryColumns.LEGAL_HOLD)) {
            problem = "is not a boolean (true or false)";
        } else {
            String text = attribute.equals(InventoryColumns.ID) ? "id_text" : "b_text";
            problem = row.isNullAt(row.fieldIndex(text))
                    ? "is empty"
                    : "\"" + row.getString(row.fieldIndex(text)) + "\" is not a whole number";
        }
        return new InventoryException(
                InventoryScan.FIELD + ".columns." + attribute,
                "column \"" + column + "\" " + problem + ", " + where(row));
    }

    /** Returns {@code e}, raised for the raw group cells given, with the first row of that group named. */
    InventoryException groupError(InventoryException e, String h, String c, String s, boolean hold) {
        Column condition = col("h").eqNullSafe(lit(h))
                .and(col("c").eqNullSafe(lit(c)))
                .and(col("s").eqNullSafe(lit(s)))
                .and(col("hold").equalTo(lit(hold)));
        return new InventoryException(
                e.field(), e.getMessage().substring(e.field().length() + 2) + ", " + where(first(condition)));
    }

    /**
     * Refuses a duplicate object id (the smallest one repeated), naming its first row.
     *
     * @throws InventoryException if an id appears more than once
     */
    void checkUnique() throws InventoryException {
        OptionalLong repeated = RepeatedIds.smallest(frame.projection());
        if (repeated.isPresent()) {
            long id = repeated.getAsLong();
            long times = frame.projection().filter(col("id").equalTo(lit(id))).count();
            throw new InventoryException(
                    InventoryScan.FIELD + ".columns." + InventoryColumns.ID,
                    "column \"" + frame.columns().get(InventoryColumns.ID) + "\": object id " + id + " appears "
                            + times
                            + " times but the inventory promises unique ids (uniqueIds: true); first "
                            + where(first(col("id").equalTo(lit(id)))));
        }
    }

    private Row first(Column condition) {
        Column order = frame.hasRowNumbers() ? col("row") : col("id");
        List<Row> rows = frame.projection()
                .filter(condition)
                .orderBy(col("file"), order.asc_nulls_first())
                .limit(1)
                .collectAsList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private String where(Row row) {
        if (row == null) {
            return "(row not found again: did the inventory change?)";
        }
        String idColumn = frame.columns().get(InventoryColumns.ID);
        String id = row.isNullAt(row.fieldIndex("id_text")) ? "empty" : row.getString(row.fieldIndex("id_text"));
        String where = "in file \"" + display(row.getString(row.fieldIndex("file"))) + "\"";
        if (frame.hasRowNumbers()) {
            return where + " row " + (row.getLong(row.fieldIndex("row")) + 1) + " (" + idColumn + " " + id + ")";
        }
        return where + ", " + idColumn + " " + id;
    }

    /** Returns a local file URI as a plain path, any other URI as it is. */
    static String display(String file) {
        if (file != null && file.startsWith("file:")) {
            try {
                return Path.of(URI.create(file)).toString();
            } catch (IllegalArgumentException e) {
                return file;
            }
        }
        return file;
    }
}
