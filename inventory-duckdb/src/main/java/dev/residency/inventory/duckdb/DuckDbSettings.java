package dev.residency.inventory.duckdb;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How DuckDB may use the machine.
 *
 * @param memoryLimit DuckDB's memory limit, such as "4GB"; beyond it, joins and aggregations spill
 *     to {@code tempDirectory}
 * @param threads worker threads, or 0 for one per processor
 * @param tempDirectory where DuckDB spills, or empty for its default (a folder beside the working
 *     directory)
 */
public record DuckDbSettings(String memoryLimit, int threads, Optional<Path> tempDirectory) {

    private static final Pattern LIMIT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

    /** The defaults: 4 GB, one thread per processor, DuckDB's spill folder. */
    public static final DuckDbSettings DEFAULTS = new DuckDbSettings("4GB", 0, Optional.empty());

    /**
     * Creates settings.
     *
     * @throws IllegalArgumentException if the memory limit is not a number followed by a unit such as
     *     MB or GB, or {@code threads} is negative
     */
    public DuckDbSettings {
        checkNotNull(memoryLimit, "memoryLimit");
        checkNotNull(tempDirectory, "tempDirectory");
        checkArgument(
                LIMIT.matcher(memoryLimit).matches(), "memoryLimit must look like \"4GB\", was \"%s\"", memoryLimit);
        checkArgument(threads >= 0, "threads must not be negative, was %s", threads);
    }

    /** Returns the memory limit in bytes, with DuckDB's units (KB = 1,000 bytes, KiB = 1,024). */
    public long memoryLimitBytes() {
        Matcher m = LIMIT.matcher(memoryLimit);
        checkArgument(m.matches(), "memoryLimit must look like \"4GB\", was \"%s\"", memoryLimit);
        int power = "KMGT".indexOf(m.group(2).charAt(0)) + 1;
        double unit = Math.pow(m.group(2).contains("i") ? 1024 : 1000, power);
        return (long) (Double.parseDouble(m.group(1)) * unit);
    }
}
