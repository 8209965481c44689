package dev.residency.inventory.spark;

import dev.residency.inventory.InventoryException;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.InventorySource;

/** Turns Spark's errors about an inventory it cannot read into {@link InventoryException}s naming the field. */
final class SparkErrors {

    private SparkErrors() {}

    /** Returns the error for an inventory Spark could not open or read. */
    static InventoryException unreadable(InventorySource source, Exception e) {
        String full = messages(e);
        String field = InventoryScan.FIELD + ".path";
        if (full.contains("PATH_NOT_FOUND") || full.contains("Path does not exist")) {
            return new InventoryException(field, "no file matches \"" + source.path() + "\"", e);
        }
        if (full.contains("UNABLE_TO_INFER_SCHEMA")) {
            return new InventoryException(
                    field,
                    "\"" + source.path() + "\" holds no " + source.format().fileName() + " data to read",
                    e);
        }
        if (full.toLowerCase(java.util.Locale.ROOT).contains("parquet")) {
            return new InventoryException(
                    field,
                    "\"" + source.path() + "\" is not a readable Parquet file (format: parquet): " + firstLine(e),
                    e);
        }
        return new InventoryException(
                field,
                "\"" + source.path() + "\" cannot be read as " + source.format().fileName() + ": " + firstLine(e),
                e);
    }

    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return b.toString();
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String first = message.strip().lines().findFirst().orElse(message);
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }
}
