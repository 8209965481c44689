package dev.residency.benchmarks.inventory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Times DuckDB's Parquet writer options on the shape of the manifest write: every row of an inventory
 * (object id, bytes, and a fate and batch number computed from the object's shard, 43 batches), copied
 * to files partitioned by batch, once per option string given. The join of the real write is left
 * out: the question is which writer options cost least. Run it as:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.residency.benchmarks.inventory.ManifestWriteOptions \
 *     'inv-1e7/*.parquet' out-folder "COMPRESSION zstd" "COMPRESSION zstd, PARQUET_VERSION V2" ...
 * </pre>
 *
 * The output folder must be new or empty; each option string writes into its own sub-folder.
 */
public final class ManifestWriteOptions {

    private ManifestWriteOptions() {}

    /** Runs the writes; see the class Javadoc for the arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException(
                    "expected: inventory-glob out-folder options..., got " + args.length + " arguments");
        }
        String shard =
                "((((CAST(object_id AS BIGINT)) % 2147483647 + 2147483647) % 2147483647) * 48271 % 2147483647 % 1024)";
        String select = "SELECT object_id, bytes, CAST(" + shard + " % 43 AS INTEGER) AS fate, CAST(" + shard
                + " % 43 AS INTEGER) AS batch FROM read_parquet('" + args[0] + "')";
        for (int k = 2; k < args.length; k++) {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                    Statement s = c.createStatement()) {
                s.execute("SET memory_limit = '6GB'");
                s.execute("SET preserve_insertion_order = false");
                Path out = Path.of(args[1], "v" + k);
                long t = System.nanoTime();
                s.execute("COPY (" + select + ") TO '" + out + "' (FORMAT parquet, PARTITION_BY (batch), " + args[k]
                        + ")");
                double seconds = (System.nanoTime() - t) / 1e9;
                long bytes;
                try (Stream<Path> files = Files.walk(out)) {
                    bytes = files.filter(Files::isRegularFile)
                            .mapToLong(p -> p.toFile().length())
                            .sum();
                }
                System.out.printf(
                        Locale.ROOT,
                        "%-60s %7.1f s %8.1f MB  load %s%n",
                        args[k],
                        seconds,
                        bytes / 1e6,
                        Files.readString(Path.of("/proc/loadavg")).strip());
            }
        }
    }
}
