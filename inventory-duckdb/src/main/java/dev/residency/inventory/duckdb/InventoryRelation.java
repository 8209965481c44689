package dev.residency.inventory.duckdb;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.residency.inventory.InventoryColumns;
import dev.residency.inventory.InventoryException;
import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.InventorySource;
import dev.residency.inventory.ObjectShards;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * An inventory as a DuckDB table function, with its columns checked against the mapping: every
 * mapped column present and of an allowed type. Gives the projection every query reads: {@code id,
 * b, h, c, s, hold, shard}.
 */
final class InventoryRelation {

    private static final ImmutableSet<String> WHOLE_NUMBERS =
            ImmutableSet.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT");

    private final InventorySource source;
    private final String from;
    private final UnaryOperator<String> reader;

    /**
     * Creates the relation of {@code source} over {@code files} (the SQL of a path, glob or list of files)
     * read by {@code reader}, which turns that SQL into the table function over them.
     */
    private InventoryRelation(InventorySource source, UnaryOperator<String> reader, String files) {
        this.source = source;
        this.reader = reader;
        this.from = reader.apply(files);
    }

    /**
     * Opens {@code source} on {@code connection} and checks its columns.
     *
     * @throws InventoryException if no file matches, a file is not in the format, or a mapped column is
     *     missing or of the wrong type
     */
    static InventoryRelation open(Connection connection, InventorySource source) throws InventoryException {
        String path = Sql.literal(source.path());
        InventoryColumns columns = source.columns();
        Map<String, String> types = source.format() == InventoryFormat.PARQUET
                ? describe(connection, source, "read_parquet(" + path + ")")
                : CsvHeader.columns(connection, source);
        for (Map.Entry<String, String> e : columns.byAttribute().entrySet()) {
            String attribute = e.getKey();
            String column = e.getValue();
            String field = InventoryScan.FIELD + ".columns." + attribute;
            String type = types.get(column);
            if (type == null) {
                throw new InventoryException(
                        field,
                        "column \"" + column + "\" is not in the inventory \"" + source.path() + "\" (its columns: "
                                + String.join(", ", types.keySet()) + ")");
            }
            String wanted = wantedType(attribute);
            boolean ok = wanted.equals("BIGINT") ? WHOLE_NUMBERS.contains(type) : type.equals(wanted);
            if (!ok && source.format() == InventoryFormat.PARQUET) {
                throw new InventoryException(
                        field,
                        "column \"" + column + "\" has type " + type + ", expected "
                                + (wanted.equals("BIGINT") ? "a whole number (BIGINT or smaller)" : wanted));
            }
        }
        if (source.format() == InventoryFormat.PARQUET) {
            return new InventoryRelation(source, files -> "read_parquet(" + files + ")", path);
        }
        // CSV: no sniffing (it would guess a header from a malformed line); every column declared,
        // the mapped ones with their types, so that a cell that does not convert or a line with too
        // many cells is refused by DuckDB's reader with its line number.
        Map<String, String> declaredTypes = new LinkedHashMap<>();
        types.keySet().forEach(column -> declaredTypes.put(column, "VARCHAR"));
        columns.byAttribute().forEach((attribute, column) -> declaredTypes.put(column, wantedType(attribute)));
        StringBuilder declared = new StringBuilder();
        declaredTypes.forEach((column, type) -> declared.append(declared.length() == 0 ? "" : ", ")
                .append(Sql.literal(column))
                .append(": ")
                .append(Sql.literal(type)));
        String options = ", auto_detect = false, header = true, delim = ',', quote = '\"', filename = true,"
                + " columns = {" + declared + "}";
        return new InventoryRelation(source, files -> "read_csv(" + files + options + ")", path);
    }

    private static String wantedType(String attribute) {
        return switch (attribute) {
            case InventoryColumns.ID, InventoryColumns.BYTES -> "BIGINT";
            case InventoryColumns.LEGAL_HOLD -> "BOOLEAN";
            default -> "VARCHAR";
        };
    }

    private static Map<String, String> describe(Connection connection, InventorySource source, String from)
            throws InventoryException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + from)) {
            while (r.next()) {
                types.put(r.getString(1), r.getString(2));
            }
        } catch (SQLException e) {
            throw DuckDbErrors.unreadable(source, e);
        }
        return ImmutableMap.copyOf(types);
    }

    /** Returns the table function to select from. */
    String from() {
        return from;
    }

    /**
     * Returns the same relation over {@code files} only (some of the files the source's path matches),
     * read as the source is, its columns already checked.
     *
     * @throws IllegalArgumentException if {@code files} is empty
     */
    InventoryRelation over(List<String> files) {
        checkArgument(!files.isEmpty(), "files must not be empty");
        return new InventoryRelation(
                source, reader, files.stream().map(Sql::literal).collect(Collectors.joining(", ", "[", "]")));
    }

    /** Returns the source. */
    InventorySource source() {
        return source;
    }

    /**
     * Returns a query of every row as {@code id} and {@code b} (BIGINT), {@code h, c, s} (text),
     * {@code hold} (boolean, false when the column is absent or NULL) and {@code shard}, plus the
     * columns {@code extra} (such as the file name) as they are.
     */
    String projection(String extra) {
        InventoryColumns c = source.columns();
        String id = "CAST(" + Sql.ident(c.id()) + " AS BIGINT)";
        String hold =
                c.legalHold().map(h -> "coalesce(" + Sql.ident(h) + ", false)").orElse("false");
        return "SELECT " + id + " AS id, CAST(" + Sql.ident(c.bytes()) + " AS BIGINT) AS b, "
                + Sql.ident(c.home()) + " AS h, " + Sql.ident(c.category()) + " AS c, " + Sql.ident(c.sites())
                + " AS s, " + hold + " AS hold, " + ObjectShards.sql(id, source.shards()) + " AS shard"
                + (extra.isEmpty() ? "" : ", " + extra) + " FROM " + from;
    }

    /** Returns the columns that locate a row: file and row number for Parquet, file for CSV. */
    String locationColumns() {
        return source.format() == InventoryFormat.PARQUET ? "filename, file_row_number" : "filename";
    }
}
