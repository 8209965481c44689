package dev.residency.inventory.duckdb;

import dev.residency.inventory.InventoryException;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.InventorySource;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the header line of every CSV file an inventory path matches: the column names, which must be
 * the same in every file. Read by hand rather than by DuckDB's sniffer, which would take a malformed
 * line for the header.
 */
final class CsvHeader {

    private CsvHeader() {}

    /** Returns the column names, each mapped to "VARCHAR" (types are declared later). */
    static Map<String, String> columns(Connection connection, InventorySource source) throws InventoryException {
        String field = InventoryScan.FIELD + ".path";
        List<String> files = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT file FROM glob(?) ORDER BY file")) {
            s.setString(1, source.path());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    files.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw DuckDbErrors.unreadable(source, e);
        }
        if (files.isEmpty()) {
            throw new InventoryException(field, "no file matches \"" + source.path() + "\"");
        }
        List<String> header = null;
        for (String file : files) {
            List<String> cells = header(Path.of(file), field);
            if (header == null) {
                header = cells;
            } else if (!header.equals(cells)) {
                throw new InventoryException(
                        field,
                        "\"" + file + "\" has the columns " + cells + " but \"" + files.get(0) + "\" has " + header);
            }
        }
        Map<String, String> columns = new LinkedHashMap<>();
        header.forEach(c -> columns.put(c, "VARCHAR"));
        return columns;
    }

    private static List<String> header(Path file, String field) throws InventoryException {
        String line;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            line = in.readLine();
        } catch (IOException e) {
            throw new InventoryException(field, "cannot read \"" + file + "\": " + e.getMessage(), e);
        }
        if (line == null || line.isBlank()) {
            throw new InventoryException(field, "\"" + file + "\" is empty: a CSV inventory starts with a header line");
        }
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            String c = cell.strip();
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1);
            }
            cells.add(c);
        }
        return cells;
    }
}
