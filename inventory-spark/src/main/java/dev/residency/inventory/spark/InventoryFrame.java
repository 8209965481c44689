package dev.residency.inventory.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import com.google.common.collect.ImmutableMap;
import dev.residency.inventory.InventoryColumns;
import dev.residency.inventory.InventoryException;
import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.InventorySource;
import dev.residency.inventory.ObjectShards;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;

/**
 * An inventory as a DataFrame, with its columns checked against the mapping: every mapped column
 * present and of an allowed type (Parquet: by the files' schema; CSV: every cell read as text, and a
 * cell of a whole-number column that does not convert is refused with its row). Gives the projection
 * every step reads: {@code id, b} (long), {@code h, c, s} (text), {@code hold} (boolean, false when
 * the column is absent or empty), {@code shard}, and the row's location ({@code file}, and {@code
 * row} for Parquet).
 */
final class InventoryFrame {

    private final InventorySource source;
    private final Dataset<Row> raw;

    private InventoryFrame(InventorySource source, Dataset<Row> raw) {
        this.source = source;
        this.raw = raw;
    }

    /**
     * Opens {@code source} with {@code spark} and checks its columns.
     *
     * @param partitions if positive, the number of partitions to spread the rows over; 0 keeps the
     *     reader's split
     * @throws InventoryException if no file matches, a file is not in the format, or a mapped column is
     *     missing or of the wrong type
     */
    static InventoryFrame open(SparkSession spark, InventorySource source, int partitions) throws InventoryException {
        Dataset<Row> raw;
        try {
            raw = source.format() == InventoryFormat.PARQUET
                    ? spark.read().parquet(source.path())
                    : spark.read()
                            .option("header", "true")
                            .option("inferSchema", "false")
                            .option("mode", "FAILFAST")
                            .option("enforceSchema", "false")
                            .csv(source.path());
            // Reading the schema is lazy for some sources: force it here, so that an unreadable file is
            // refused now.
            raw.schema();
        } catch (Exception e) {
            // Spark throws Scala's undeclared checked exceptions (AnalysisException, SparkException) too.
            throw SparkErrors.unreadable(source, e);
        }
        Map<String, DataType> types = new LinkedHashMap<>();
        for (StructField f : raw.schema().fields()) {
            types.put(f.name(), f.dataType());
        }
        for (Map.Entry<String, String> e : source.columns().byAttribute().entrySet()) {
            String attribute = e.getKey();
            String column = e.getValue();
            String field = InventoryScan.FIELD + ".columns." + attribute;
            DataType type = types.get(column);
            if (type == null) {
                throw new InventoryException(
                        field,
                        "column \"" + column + "\" is not in the inventory \"" + source.path() + "\" (its columns: "
                                + String.join(", ", types.keySet()) + ")");
            }
            if (source.format() == InventoryFormat.PARQUET && !allowed(attribute, type)) {
                throw new InventoryException(
                        field,
                        "column \"" + column + "\" has type " + type.sql() + ", expected " + expected(attribute));
            }
        }
        Dataset<Row> located = raw.withColumn("__file", col("_metadata.file_path"));
        if (source.format() == InventoryFormat.PARQUET) {
            located = located.withColumn("__row", col("_metadata.row_index"));
        }
        if (partitions > 0) {
            located = located.repartition(partitions);
        }
        return new InventoryFrame(source, located);
    }

    private static boolean allowed(String attribute, DataType type) {
        return switch (attribute) {
            case InventoryColumns.ID, InventoryColumns.BYTES ->
                type instanceof LongType
                        || type instanceof IntegerType
                        || type instanceof ShortType
                        || type instanceof ByteType;
            case InventoryColumns.LEGAL_HOLD -> type instanceof BooleanType;
            default -> type instanceof StringType;
        };
    }

    private static String expected(String attribute) {
        return switch (attribute) {
            case InventoryColumns.ID, InventoryColumns.BYTES -> "a whole number (BIGINT or smaller)";
            case InventoryColumns.LEGAL_HOLD -> "BOOLEAN";
            default -> "STRING";
        };
    }

    /** Returns the source. */
    InventorySource source() {
        return source;
    }

    /** Whether rows are located by file and row number (Parquet) or by file and object id (CSV). */
    boolean hasRowNumbers() {
        return source.format() == InventoryFormat.PARQUET;
    }

    /**
     * Returns every row as {@code id, b, h, c, s, hold, shard, file, row} ({@code row} is null for CSV),
     * with {@code id_text} and {@code b_text} the cells as read and {@code hold_bad} true for a CSV hold
     * cell that is not a boolean (to find cells that do not convert).
     */
    Dataset<Row> projection() {
        InventoryColumns c = source.columns();
        Column id = whole(c.id());
        Column hold = c.legalHold().map(h -> coalesce(holdCell(h), lit(false))).orElse(lit(false));
        Dataset<Row> out = raw.select(
                id.as("id"),
                whole(c.bytes()).as("b"),
                col(quoted(c.home())).cast("string").as("h"),
                col(quoted(c.category())).cast("string").as("c"),
                col(quoted(c.sites())).cast("string").as("s"),
                hold.as("hold"),
                holdBad(c).as("hold_bad"),
                col(quoted(c.id())).cast("string").as("id_text"),
                col(quoted(c.bytes())).cast("string").as("b_text"),
                col("__file").as("file"),
                hasRowNumbers()
                        ? col("__row").as("row")
                        : lit(null).cast("long").as("row"));
        return out.withColumn(
                "shard", expr(ObjectShards.sql("id", source.shards())).cast("int"));
    }

    private Column whole(String column) {
        // try_cast: a CSV cell that is not a whole number becomes NULL here and is refused by the scan
        // with its row, instead of failing the job inside an executor (Spark 4 casts in ANSI mode).
        return source.format() == InventoryFormat.PARQUET
                ? col(quoted(column)).cast("long")
                : expr("try_cast(" + quoted(column) + " AS BIGINT)");
    }

    /** True where a CSV hold cell is neither empty nor a boolean; never for Parquet (typed column). */
    private Column holdBad(InventoryColumns c) {
        if (source.format() == InventoryFormat.PARQUET || c.legalHold().isEmpty()) {
            return lit(false);
        }
        String h = quoted(c.legalHold().get());
        return expr(h + " IS NOT NULL AND try_cast(" + h + " AS BOOLEAN) IS NULL");
    }

    private Column holdCell(String column) {
        return source.format() == InventoryFormat.PARQUET
                ? col(quoted(column))
                : expr("try_cast(" + quoted(column) + " AS BOOLEAN)");
    }

    /** Returns {@code name} quoted as a Spark SQL identifier. */
    static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** Returns the attribute names mapped to column names. */
    ImmutableMap<String, String> columns() {
        return source.columns().byAttribute();
    }
}
