package dev.residency.inventory;

import java.util.Locale;
import java.util.Optional;

/** The file format of an inventory or of its manifests. */
public enum InventoryFormat {
    /** Apache Parquet files. */
    PARQUET,
    /** Comma-separated text with a header line. */
    CSV;

    /** Returns the name used in scenario files and on the command line: "parquet" or "csv". */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the format called {@code name} ("parquet" or "csv", any case), if there is one. */
    public static Optional<InventoryFormat> byName(String name) {
        for (InventoryFormat f : values()) {
            if (f.fileName().equalsIgnoreCase(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
