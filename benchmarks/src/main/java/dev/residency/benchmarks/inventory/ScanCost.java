package dev.residency.benchmarks.inventory;

import com.sun.management.OperatingSystemMXBean;
import dev.residency.inventory.ObjectShards;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits the cost of the embedded engine's checking scan into its parts, by timing a ladder of DuckDB
 * queries over one inventory (default columns, 1,024 shards), each adding one thing to the one
 * before: the issue's plain {@code GROUP BY} of the four group columns; the same reading the id column
 * too; the shard computed (and summed) but not grouped on; the units grouped on (strings and shard);
 * the engine's checks as filtered counts (the scan until 2026-11-30); the checks as per-unit aggregates
 * (the scan since); the units grouped on a 64-bit hash of the four group cells instead of the cells
 * (exact only if no two spellings collide, which the scan would have to check with a second pass);
 * the same with each unit's cells taken as their smallest and largest values (exact in one pass: a
 * unit whose smallest and largest cells are equal holds one spelling only) or as any value (a floor);
 * the scan with one shard (a computed key, but only as many units as groups); the units on one key, the
 * cells' hash with its low bits replaced by the shard (the scan since 2026-11-30 evening), with fewer
 * aggregates, and that key's parts alone (the cells' hash, the shard; the sums of the id and of the
 * shard, the shard also by a reduction with no modulus), and the units before and after the one key
 * and the plain {@code GROUP BY} under the engine's DuckDB settings; the distinct spellings of
 * each group column (the second pass a hash key would need to be exact: the hash must keep their cross
 * product apart); then the scan as it is and the plain {@code GROUP BY} under DuckDB settings (Parquet prefetching
 * off, one thread), a {@code SET} before the query in the same database.
 * Each query runs {@code repetitions} times in turn with the others, in a new in-process database;
 * the program prints each query's smallest wall time and smallest process CPU time (user + system of
 * all threads, DuckDB's included), the fairer figure on a loaded machine. Run it as:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.residency.benchmarks.inventory.ScanCost 'inv-1e7/*.parquet' 3 \
 *     ['plain GROUP BY|one key|...']
 * </pre>
 *
 * The third argument, if given, runs only the queries it names (separated by '|'), in the ladder's
 * order; the first of them is the one the others' CPU is divided by.
 */
public final class ScanCost {

    private ScanCost() {}

    /** Runs the ladder; see the class Javadoc for the arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 3) {
            throw new IllegalArgumentException("expected: inventory-glob repetitions [query|query|...], got "
                    + args.length + " arguments: " + Arrays.toString(args));
        }
        int repetitions = Integer.parseInt(args[1]);
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be at least 1, was " + repetitions);
        }
        String from = "read_parquet('" + args[0].replace("'", "''") + "')";
        String shard = ObjectShards.sql("object_id", 1024);
        String units = "home, category, sites, coalesce(legal_hold, false) AS hold, " + shard + " AS shard";
        Map<String, String> ladder = new LinkedHashMap<>();
        ladder.put(
                "plain GROUP BY",
                "SELECT home, category, sites, legal_hold, count(*), sum(bytes) FROM " + from + " GROUP BY ALL");
        ladder.put(
                "+ id read",
                "SELECT home, category, sites, legal_hold, count(*), sum(bytes), sum(object_id) FROM " + from
                        + " GROUP BY ALL");
        ladder.put(
                "+ shard computed",
                "SELECT home, category, sites, legal_hold, count(*), sum(bytes), sum(" + shard + ") FROM " + from
                        + " GROUP BY ALL");
        ladder.put("+ units grouped", "SELECT " + units + ", count(*), sum(bytes) FROM " + from + " GROUP BY ALL");
        ladder.put(
                "+ filtered checks",
                "SELECT " + units + ", count(*), sum(bytes), count(*) FILTER (WHERE bytes < 0),"
                        + " count(*) FILTER (WHERE bytes IS NULL), count(*) FILTER (WHERE object_id IS NULL) FROM "
                        + from
                        + " GROUP BY ALL");
        ladder.put(
                "+ aggregate checks",
                "SELECT " + units + ", count(*), sum(bytes), min(bytes), count(bytes)," + " count(object_id) FROM "
                        + from + " GROUP BY ALL");
        // The same with one shard: every unit key still holds a computed column, but there are only as
        // many units as groups, which separates the number of units from having the shard in the key.
        ladder.put(
                "+ aggregate checks, 1 shard",
                ladder.get("+ aggregate checks").replace(shard, ObjectShards.sql("object_id", 1)));
        ladder.put(
                "hashed units",
                "SELECT hash(home, category, sites, legal_hold) AS g, " + shard + " AS shard,"
                        + " count(*), sum(bytes), min(bytes), count(bytes), count(object_id) FROM " + from
                        + " GROUP BY ALL");
        ladder.put(
                "hashed, cells min/max",
                "SELECT hash(home, category, sites, legal_hold) AS g, " + shard + " AS shard,"
                        + " min(home), max(home), min(category), max(category), min(sites), max(sites),"
                        + " bool_and(coalesce(legal_hold, false)), bool_or(coalesce(legal_hold, false)),"
                        + " count(*), sum(bytes), min(bytes), count(bytes), count(object_id) FROM " + from
                        + " GROUP BY ALL");
        ladder.put(
                "hashed, cells any",
                "SELECT hash(home, category, sites, legal_hold) AS g, " + shard + " AS shard,"
                        + " any_value(home), any_value(category), any_value(sites), any_value(legal_hold),"
                        + " count(*), sum(bytes), min(bytes), count(bytes), count(object_id) FROM " + from
                        + " GROUP BY ALL");
        // The key the scan groups on since 2026-11-30 evening, as the engine spells it (the hash of the
        // cells with a constant in the shard's place, as the manifest write's hash of cells and shard):
        // its low 10 bits replaced by the shard, one 64-bit column instead of two; then its parts alone.
        String oneKey = "(hash(home, category, sites, coalesce(legal_hold, false), 0) & 18446744073709550592::UBIGINT)"
                + " | CAST(" + shard + " AS UBIGINT)";
        ladder.put(
                "one key",
                "SELECT " + oneKey + " AS k, count(*), sum(bytes), min(bytes), count(bytes), count(object_id) FROM "
                        + from + " GROUP BY k");
        ladder.put(
                "one key, count and sum",
                "SELECT " + oneKey + " AS k, count(*), sum(bytes) FROM " + from + " GROUP BY k");
        ladder.put("one key, count", "SELECT " + oneKey + " AS k, count(*) FROM " + from + " GROUP BY k");
        ladder.put(
                "cells' hash key",
                "SELECT hash(home, category, sites, coalesce(legal_hold, false)) AS k, count(*), sum(bytes) FROM "
                        + from + " GROUP BY k");
        ladder.put("shard key", "SELECT " + shard + " AS k, count(*), sum(bytes) FROM " + from + " GROUP BY k");
        ladder.put("sum of the id", "SELECT sum(object_id) FROM " + from);
        ladder.put("sum of the shard", "SELECT sum(" + shard + ") FROM " + from);
        // The same shard by a Mersenne reduction (P = 2^31 - 1: 2^31 = 1 mod P), shifts, masks and sums
        // and no modulus: id = hi * 2^31 + lo = hi + lo (mod P), 3P keeps it positive, then y = that times
        // 48,271 is folded the same way, and the fold's carry added.
        String folded = "(((object_id >> 31) + (object_id & 2147483647) + 6442450941) * 48271)";
        String carried = "((" + folded + " & 2147483647) + (" + folded + " >> 31))";
        ladder.put(
                "sum of the shard, no modulus",
                "SELECT sum((" + carried + " + ((" + carried + " + 1) >> 31)) & 1023) FROM " + from);
        // What grouping on a hash would have to add to be exact without comparing cells per row: the
        // distinct spellings of each group column (a second pass), whose cross product the hash must
        // keep apart.
        ladder.put(
                "distinct cells per column",
                "SELECT count(DISTINCT home), count(DISTINCT category), count(DISTINCT sites),"
                        + " count(DISTINCT legal_hold) FROM " + from);
        // DuckDB settings measured on the scan as it is (a setting, then the query).
        String scan = ladder.get("+ aggregate checks");
        ladder.put("scan, no Parquet prefetch", "SET disable_parquet_prefetching = true;" + scan);
        ladder.put("scan, 1 thread", "SET threads = 1;" + scan);
        ladder.put(
                "plain, no Parquet prefetch", "SET disable_parquet_prefetching = true;" + ladder.get("plain GROUP BY"));
        // The engine's own DuckDB settings (DuckDbInventoryEngine.connect: the allocator's background
        // threads, a 6 GB limit as InventoryAtScale gives it) on the engine's forms of the units before
        // and after the one key: the cells' hash with a constant for the shard beside the shard, and the
        // one key.
        String engine = "SET allocator_background_threads = true;SET memory_limit = '6GB';";
        ladder.put(
                "engine settings, hash and shard",
                engine + "SELECT hash(home, category, sites, coalesce(legal_hold, false), 0) AS k, " + shard
                        + " AS shard, count(*), sum(bytes), min(bytes), count(bytes), count(object_id) FROM " + from
                        + " GROUP BY ALL");
        ladder.put("engine settings, one key", engine + ladder.get("one key"));
        ladder.put("engine settings, plain", engine + ladder.get("plain GROUP BY"));
        if (args.length == 3) {
            List<String> chosen = List.of(args[2].split("\\|"));
            for (String name : chosen) {
                if (!ladder.containsKey(name)) {
                    throw new IllegalArgumentException(
                            "query \"" + name + "\" is not in the ladder (its queries: " + ladder.keySet() + ")");
                }
            }
            ladder.keySet().retainAll(chosen);
        }
        String[] names = ladder.keySet().toArray(new String[0]);
        double[] wall = new double[names.length];
        double[] cpu = new double[names.length];
        long[] rows = new long[names.length];
        Arrays.fill(wall, Double.MAX_VALUE);
        Arrays.fill(cpu, Double.MAX_VALUE);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.println("load average at start: " + loadAverage());
        for (int r = 0; r < repetitions; r++) {
            for (int q = 0; q < names.length; q++) {
                try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                        Statement s = c.createStatement()) {
                    s.execute("SET preserve_insertion_order = false");
                    String[] statements = ladder.get(names[q]).split(";");
                    for (int i = 0; i < statements.length - 1; i++) {
                        s.execute(statements[i]);
                    }
                    long t = System.nanoTime();
                    long cpu0 = os.getProcessCpuTime();
                    long n = 0;
                    try (ResultSet result = s.executeQuery(statements[statements.length - 1])) {
                        while (result.next()) {
                            n++;
                        }
                    }
                    cpu[q] = Math.min(cpu[q], (os.getProcessCpuTime() - cpu0) / 1e9);
                    wall[q] = Math.min(wall[q], (System.nanoTime() - t) / 1e9);
                    rows[q] = n;
                }
            }
        }
        for (int q = 0; q < names.length; q++) {
            System.out.printf(
                    Locale.ROOT,
                    "%-20s smallest wall %7.2f s  smallest CPU %7.2f s  (%.2f x plain)  %,d rows%n",
                    names[q],
                    wall[q],
                    cpu[q],
                    cpu[q] / cpu[0],
                    rows[q]);
        }
        System.out.println("load average at end: " + loadAverage());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
