package dev.residency.benchmarks.inventory;

import dev.residency.inventory.ObjectShards;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Times variants of the manifest write's query on an inventory of the generator's columns, in one
 * process and so under the same load: every row joined to its unit's fate (a table of the units, as
 * the engine's, with fates drawn from a hash of the unit into {@code fates} values and the batch
 * {@code fate - 1}) and written as Parquet partitioned by batch. For each variant it prints wall time,
 * the process's CPU time (user + system of all threads, DuckDB's included), the user/system split and
 * minor page faults from {@code /proc/self/stat}, rows, files and bytes, and the load average; then
 * deletes what it wrote. Run it as:
 *
 * <pre>
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar dev.residency.benchmarks.inventory.ManifestWriteOptions \
 *     'inv-1e7/*.parquet' out-folder 44 "mode=join" "mode=hjoin" "mode=hjoin;copy=COMPRESSION snappy" ...
 * </pre>
 *
 * A variant is {@code key=value} pairs separated by ';', with {@code copy=} (the Parquet options,
 * default "COMPRESSION zstd, PARQUET_VERSION V2") last if present. Keys: {@code mode} ({@code join}
 * on the cells and shard, as the engine until 0.2.0; {@code hjoin} on a 64-bit hash of them, as the
 * engine now; {@code gjoin} through a group table; {@code case} a CASE for the group and a list for the
 * fate; {@code nojoin} the fate from the shard alone, no lookup), {@code sink} ({@code copy}, or
 * {@code count} to aggregate instead of writing), {@code part} ({@code batch} or {@code none}), {@code
 * threads}, {@code maxopen} and {@code flush} (DuckDB's {@code partitioned_write_max_open_files} and
 * {@code partitioned_write_flush_threshold}), {@code split} ({@code files}: one COPY per inventory file,
 * appending to the same folders), {@code passes} (N COPYs over the whole inventory, each writing the
 * batches {@code batch % N = k}), and {@code set} (more settings, {@code name:value} pairs separated by
 * ','). The output folder must exist; DuckDB spills into its sub-folder {@code spill}.
 */
public final class ManifestWriteOptions {

    private static final String DEFAULT_COPY = "COMPRESSION zstd, PARQUET_VERSION V2";

    private ManifestWriteOptions() {}

    /** Runs the variants; see the class Javadoc for the arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            throw new IllegalArgumentException(
                    "expected: inventory-glob out-folder fates variant..., got " + args.length + " arguments");
        }
        Path root = Path.of(args[1]);
        int fates = Integer.parseInt(args[2]);
        if (fates < 2) {
            throw new IllegalArgumentException("fates must be at least 2, was " + fates);
        }
        String shard = ObjectShards.sql("CAST(object_id AS BIGINT)", 1024);
        String projection = "SELECT CAST(object_id AS BIGINT) AS id, CAST(bytes AS BIGINT) AS b, home AS h,"
                + " category AS c, sites AS s, coalesce(legal_hold, false) AS hold, " + shard + " AS shard FROM"
                + " read_parquet('" + args[0] + "')";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("SET memory_limit = '6GB'");
            s.execute("SET temp_directory = '" + root.resolve("spill") + "'");
            long t0 = System.nanoTime();
            s.execute("CREATE TABLE unit_fate AS SELECT h, c, s, hold, shard, CAST(hash(h, c, s, hold, shard) % "
                    + fates + " AS INTEGER) AS fate FROM (" + projection + ") GROUP BY ALL");
            s.execute("CREATE TABLE unit_hash AS SELECT hash(h, c, s, hold, shard) AS k, fate, fate - 1 AS batch"
                    + " FROM unit_fate");
            s.execute("CREATE TABLE grp AS SELECT h, c, s, hold, CAST(row_number() OVER (ORDER BY h, c, s, hold) - 1"
                    + " AS INTEGER) AS g FROM (SELECT DISTINCT h, c, s, hold FROM unit_fate)");
            s.execute("CREATE TABLE unit_g AS SELECT g, shard, fate, fate - 1 AS batch FROM unit_fate JOIN grp"
                    + " USING (h, c, s, hold)");
            String group = groupCase(s);
            String list = fateList(s);
            try (ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT k) FROM unit_hash")) {
                r.next();
                System.out.printf(
                        Locale.ROOT,
                        "units %,d (distinct hashes %,d), set up in %.1f s; load %s%n",
                        r.getLong(1),
                        r.getLong(2),
                        (System.nanoTime() - t0) / 1e9,
                        loadAverage());
            }
            for (int k = 3; k < args.length; k++) {
                run(s, args[k], root.resolve("v" + k), projection, fates, group, list);
            }
        }
    }

    private static void run(Statement s, String spec, Path out, String projection, int fates, String group, String list)
            throws Exception {
        int at = spec.indexOf("copy=");
        String copy = at >= 0 ? spec.substring(at + 5) : DEFAULT_COPY;
        Map<String, String> v = new LinkedHashMap<>();
        for (String kv : (at >= 0 ? spec.substring(0, at) : spec).split(";")) {
            if (kv.contains("=")) {
                v.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        s.execute("SET threads = " + v.getOrDefault("threads", "2"));
        s.execute("SET partitioned_write_max_open_files = " + v.getOrDefault("maxopen", "100"));
        s.execute("SET partitioned_write_flush_threshold = " + v.getOrDefault("flush", "524288"));
        s.execute("SET preserve_insertion_order = false");
        for (String kv : v.getOrDefault("set", "").split(",")) {
            if (!kv.isBlank()) {
                s.execute("SET " + kv.replaceFirst(":", " = "));
            }
        }
        String select = switch (v.getOrDefault("mode", "join")) {
            case "join" ->
                "SELECT r.id AS object_id, r.b AS bytes, a.fate, a.batch FROM (" + projection
                        + ") r JOIN (SELECT *, fate - 1 AS batch FROM unit_fate) a ON r.h = a.h AND r.c = a.c"
                        + " AND r.s = a.s AND r.hold = a.hold AND r.shard = a.shard";
            case "hjoin" ->
                "SELECT r.id AS object_id, r.b AS bytes, a.fate, a.batch FROM (" + projection
                        + ") r JOIN unit_hash a ON hash(r.h, r.c, r.s, r.hold, r.shard) = a.k";
            case "gjoin" ->
                "SELECT r.id AS object_id, r.b AS bytes, a.fate, a.batch FROM (SELECT id, b,"
                        + " shard, g FROM (" + projection + ") p JOIN grp q ON p.h = q.h AND p.c = q.c AND"
                        + " p.s = q.s AND p.hold = q.hold) r JOIN unit_g a ON r.g = a.g AND r.shard = a.shard";
            case "case" ->
                "SELECT object_id, bytes, fate, fate - 1 AS batch FROM (SELECT id AS object_id,"
                        + " b AS bytes, CAST(" + list + "[(" + group + ") * 1024 + shard + 1] AS INTEGER) AS fate"
                        + " FROM (" + projection + "))";
            case "nojoin" ->
                "SELECT id AS object_id, b AS bytes, CAST(shard % " + fates
                        + " AS INTEGER) AS fate, CAST(shard % " + fates + " - 1 AS INTEGER) AS batch FROM ("
                        + projection + ")";
            default -> throw new IllegalArgumentException("mode: \"" + v.get("mode") + "\" is unknown");
        };
        boolean partitioned = !v.getOrDefault("part", "batch").equals("none");
        Path target = partitioned ? out : Path.of(out + ".parquet");
        long[] before = stat();
        double cpu = cpuSeconds();
        long t = System.nanoTime();
        long rows;
        if (v.getOrDefault("sink", "copy").equals("count")) {
            try (ResultSet r = s.executeQuery(
                    "SELECT count(*), sum(object_id), sum(bytes), sum(fate), sum(batch) FROM (" + select + ")")) {
                r.next();
                rows = r.getLong(1);
            }
        } else {
            String options = "FORMAT parquet" + (partitioned ? ", PARTITION_BY (batch)" : "")
                    + (copy.isBlank() ? "" : ", " + copy);
            List<String> pieces = pieces(s, select, projection, v);
            rows = 0;
            for (int k = 0; k < pieces.size(); k++) {
                String more = pieces.size() == 1 ? "" : ", OVERWRITE_OR_IGNORE true, FILENAME_PATTERN 'p" + k + "_{i}'";
                s.execute("COPY (" + pieces.get(k) + ") TO '" + target + "' (" + options + more + ")");
                rows += s.getLargeUpdateCount();
            }
        }
        double wall = (System.nanoTime() - t) / 1e9;
        double used = cpuSeconds() - cpu;
        long[] after = stat();
        long files = 0;
        long bytes = 0;
        if (Files.exists(target)) {
            try (Stream<Path> w = Files.walk(target)) {
                List<Path> written = w.filter(Files::isRegularFile).toList();
                files = written.size();
                bytes = written.stream().mapToLong(p -> p.toFile().length()).sum();
            }
            try (Stream<Path> w = Files.walk(target)) {
                for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%-70s wall %6.1f s  cpu %6.1f s (user %.1f, sys %.1f, %,d minor faults)  %,d rows  %d files"
                        + "  %.1f MB  load %s%n",
                spec,
                wall,
                used,
                (after[0] - before[0]) / 100.0,
                (after[1] - before[1]) / 100.0,
                after[2] - before[2],
                rows,
                files,
                bytes / 1e6,
                loadAverage());
    }

    /**
     * Returns the queries whose COPYs make the write: {@code select} itself, or with {@code split=files}
     * one per inventory file (the projection's glob replaced by the file), or with {@code passes=N} one
     * per set of batches {@code batch mod N = k} (batch -1 in the last set), each reading the whole inventory.
     */
    private static List<String> pieces(Statement s, String select, String projection, Map<String, String> v)
            throws Exception {
        int passes = Integer.parseInt(v.getOrDefault("passes", "1"));
        if (v.getOrDefault("split", "none").equals("files")) {
            String glob = projection.substring(projection.indexOf("read_parquet('") + 14, projection.lastIndexOf("')"));
            List<String> files = new java.util.ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT file FROM glob('" + glob + "') ORDER BY file")) {
                while (r.next()) {
                    files.add(r.getString(1));
                }
            }
            return files.stream().map(f -> select.replace(glob, f)).toList();
        }
        if (passes > 1) {
            return IntStream.range(0, passes)
                    .mapToObj(k -> "SELECT * FROM (" + select + ") WHERE (batch % " + passes + " + " + passes + ") % "
                            + passes + " = " + k)
                    .toList();
        }
        return List.of(select);
    }

    /** Returns a CASE giving a row's group number from its cells. */
    private static String groupCase(Statement s) throws Exception {
        StringBuilder b = new StringBuilder("CASE");
        try (ResultSet r = s.executeQuery("SELECT h, c, s, hold, g FROM grp ORDER BY g")) {
            while (r.next()) {
                b.append(" WHEN h = '")
                        .append(r.getString(1))
                        .append("' AND c = '")
                        .append(r.getString(2))
                        .append("' AND s = '")
                        .append(r.getString(3))
                        .append("' AND hold = ")
                        .append(r.getBoolean(4))
                        .append(" THEN ")
                        .append(r.getInt(5));
            }
        }
        return b.append(" END").toString();
    }

    /** Returns a list literal of the fate of unit {@code g * 1024 + shard} (-99 for none). */
    private static String fateList(Statement s) throws Exception {
        int groups;
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM grp")) {
            r.next();
            groups = r.getInt(1);
        }
        int[] fateOf = new int[groups * 1024];
        Arrays.fill(fateOf, -99);
        try (ResultSet r = s.executeQuery("SELECT g, shard, fate FROM unit_g")) {
            while (r.next()) {
                fateOf[r.getInt(1) * 1024 + r.getInt(2)] = r.getInt(3);
            }
        }
        return IntStream.of(fateOf).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    /** Returns user and system time in clock ticks (1/100 s) and minor faults, from /proc/self/stat. */
    private static long[] stat() throws Exception {
        String line = Files.readString(Path.of("/proc/self/stat"));
        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[7])};
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
