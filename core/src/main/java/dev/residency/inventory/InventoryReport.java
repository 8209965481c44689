package dev.residency.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.audit.Tally;
import dev.residency.units.DataSize;
import java.util.Locale;
import java.util.Map;

/**
 * The lines of {@code inventory.txt} that every front writes alike (the CLI's {@code plan} and {@code
 * run}, the Spark job): what the scan read, the objects by outcome, and where the manifests are. Sizes
 * are in decimal units ({@link DataSize#format}, such as "17.617 PB"), counts with thousands
 * separators. Stateless.
 */
public final class InventoryReport {

    private InventoryReport() {}

    /**
     * Returns the scan's line: the inventory's path and format, rows read by {@code engine} in {@code
     * seconds}, groups, planning units and shards, and the bytes read; ends with a line break.
     *
     * @throws IllegalArgumentException if {@code seconds} is negative or not a number
     */
    public static String scan(InventorySource source, InventoryScan scan, String engine, double seconds) {
        checkNotNull(source, "source");
        checkNotNull(scan, "scan");
        checkNotNull(engine, "engine");
        checkArgument(seconds >= 0, "seconds must not be negative, was %s", seconds);
        return String.format(
                Locale.ROOT,
                "Inventory %s (%s): %,d rows read by %s in %.1f s; %,d groups, %,d planning units (%d shards per"
                        + " group), %s.%n",
                source.path(),
                source.format().fileName(),
                scan.rowsRead(),
                engine,
                seconds,
                scan.groups().size(),
                scan.units().size(),
                scan.shards(),
                DataSize.format(scan.bytes()));
    }

    /**
     * Returns "Objects by outcome:" and one line per outcome of {@link UnitActions#objectsByOutcome}:
     * its objects and their size; ends with a line break.
     */
    public static String outcomes(UnitActions actions, InventoryScan scan) {
        checkNotNull(actions, "actions");
        checkNotNull(scan, "scan");
        StringBuilder b = new StringBuilder("Objects by outcome:\n");
        for (Map.Entry<String, Tally> e : actions.objectsByOutcome(scan).entrySet()) {
            b.append(String.format(
                    Locale.ROOT,
                    "  %-32s %,18d objects %12s%n",
                    e.getKey(),
                    e.getValue().records(),
                    DataSize.format(e.getValue().bytes())));
        }
        return b.toString();
    }

    /**
     * Returns the manifests' line: rows, batch folders and format, the write's time and the folder
     * ({@code directory}, a path or a URI); ends with a line break.
     *
     * @throws IllegalArgumentException if a count or {@code seconds} is negative
     */
    public static String manifests(
            long rows, int partitions, InventoryFormat format, double seconds, String directory) {
        checkNotNull(format, "format");
        checkNotNull(directory, "directory");
        checkArgument(rows >= 0 && partitions >= 0, "counts must not be negative: %s, %s", rows, partitions);
        checkArgument(seconds >= 0, "seconds must not be negative, was %s", seconds);
        return String.format(
                Locale.ROOT,
                "Manifests: %,d rows in %d batch folders (%s), written in %.1f s, in %s%n",
                rows,
                partitions,
                format.fileName(),
                seconds,
                directory);
    }
}
