package dev.residency.inventory.duckdb;

/** Quoting of identifiers and literals in DuckDB SQL. */
final class Sql {

    private Sql() {}

    /** Returns {@code name} as a quoted identifier (names with '"' are refused by the column mapping). */
    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Returns {@code text} as a string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
