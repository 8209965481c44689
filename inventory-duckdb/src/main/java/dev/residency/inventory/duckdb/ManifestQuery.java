package dev.residency.inventory.duckdb;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.inventory.Fate;
import dev.residency.inventory.GroupKey;
import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.ScanProgress;
import dev.residency.inventory.UnitAction;
import dev.residency.inventory.UnitActions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;

/**
 * Writes the manifests in one pass over the inventory: a row's unit, known by its raw group cells and
 * shard (through a 64-bit hash of them when no two units' hashes collide), is looked up in a small
 * table {@code unit_fate} (only units with a fate) for its fate and batch, and the joined rows, one per
 * object, are copied to files partitioned by batch. One hash join against a small table: no sort, no
 * window, memory bounded by the small table and DuckDB's write buffers.
 */
final class ManifestQuery {

    /**
     * The system property naming a file where DuckDB writes the profile (its operator tree with
     * times and row counts) of the manifest write, for diagnosis; unset or empty for none.
     */
    static final String PROFILE_PROPERTY = "residency.duckdb.profile";

    /** DuckDB's default for {@code partitioned_write_max_open_files}. */
    private static final long DUCKDB_OPEN_FILES = 100;

    /**
     * The most files the write keeps open: one per batch folder up to here (the full-scale 2020 scenario
     * has 451), so that a plan of thousands of batches stays well inside the usual limit of 1,024 file
     * descriptors per process (DuckDB also holds the inventory's files and its spill files open); past it
     * DuckDB closes and reopens files as before.
     */
    private static final long MAX_OPEN_FILES = 600;

    private ManifestQuery() {}

    static long write(
            Connection c,
            InventoryRelation relation,
            InventoryScan scan,
            UnitActions actions,
            List<DuckDbInventoryEngine.RawGroup> raw,
            Path directory,
            InventoryFormat format,
            UnitKeys keys,
            List<? extends List<String>> chunks,
            ScanProgress progress)
            throws SQLException {
        // One small table keyed by the raw cells and the shard: each unit once per spelling of its
        // group's cells in the inventory, with its fate if the plan touches it (NULL otherwise). The
        // untouched units are there only so that the key check below covers every (cells, shard) a
        // row can have: a row's spelling is one the scan saw, and its shard one of its group's units.
        Map<GroupKey, List<Integer>> unitsOfGroup = new HashMap<>();
        for (int u = 0; u < scan.units().size(); u++) {
            unitsOfGroup
                    .computeIfAbsent(scan.unit(u).key(), g -> new ArrayList<>())
                    .add(u);
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE unit_raw (h VARCHAR, c VARCHAR, s VARCHAR, hold BOOLEAN, shard BIGINT,"
                    + " fate INTEGER, batch INTEGER)");
            s.execute("CREATE TABLE fate_table (fate INTEGER, step INTEGER, action VARCHAR, batch INTEGER,"
                    + " source VARCHAR, site VARCHAR, reason VARCHAR)");
        }
        DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "unit_raw")) {
            for (DuckDbInventoryEngine.RawGroup r : raw) {
                for (int u : unitsOfGroup.getOrDefault(r.key(), List.of())) {
                    a.beginRow()
                            .append(r.home())
                            .append(r.category())
                            .append(r.sites())
                            .append(r.hold())
                            .append((long) scan.unit(u).shard());
                    if (actions.fateOf(u).isPresent()) {
                        int fate = actions.fateOf(u).getAsInt();
                        a.append(fate).append(actions.fates().get(fate).batch());
                    } else {
                        a.appendNull().appendNull();
                    }
                    a.endRow();
                }
            }
        }
        String join = join(c, keys);
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "fate_table")) {
            for (Fate f : actions.fates()) {
                for (int step = 0; step < f.actions().size(); step++) {
                    UnitAction u = f.actions().get(step);
                    a.beginRow()
                            .append(f.id())
                            .append(step)
                            .append(u.action())
                            .append(u.batch())
                            .append(u.source())
                            .append(u.site())
                            .append(u.reason())
                            .endRow();
                }
            }
        }
        // Parquet 2 (delta encodings): at 10^7 objects the write took 16.2-17.4 s against 19.3-22.8 s in
        // Parquet 1, files 29 % smaller (benchmarks/README.md, "Object inventories").
        String options = format == InventoryFormat.PARQUET
                ? "FORMAT parquet, COMPRESSION zstd, PARQUET_VERSION V2, PARTITION_BY (batch)"
                : "FORMAT csv, HEADER true, PARTITION_BY (batch)";
        // Narrow rows, one per object: the fate's actions live once in the fate table. Measured at
        // 2·10^6 objects, writing an action's five columns on every row made the write 2.6 times slower.
        List<InventoryRelation> pieces = chunks.size() <= 1
                ? List.of(relation)
                : chunks.stream().map(relation::over).toList();
        // Every object's batch folder is drawn from all of them in turn (a unit's objects are spread over
        // the inventory), so each thread keeps writing to every folder: with more folders than DuckDB
        // keeps open (100 by default), it closes and reopens files whenever a folder's buffered rows pass
        // its flush threshold, and folders end up with many files (474 for 286 folders at 10^7 objects
        // with the threshold lowered to 10,000 rows, as 10^9 objects pass the default 524,288).
        long folders = actions.fates().stream().mapToInt(Fate::batch).distinct().count();
        try (Statement s = c.createStatement()) {
            s.execute("SET partitioned_write_max_open_files = "
                    + Math.min(MAX_OPEN_FILES, Math.max(DUCKDB_OPEN_FILES, folders + 1)));
        }
        String profile = System.getProperty(PROFILE_PROPERTY, "");
        if (!profile.isEmpty()) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA enable_profiling = 'query_tree'");
                s.execute("PRAGMA profiling_output = " + Sql.literal(profile));
            }
        }
        long rows = 0;
        for (int k = 0; k < pieces.size(); k++) {
            // One COPY per chunk of files, each adding its own files to the batch folders (named by the
            // chunk, so that none replaces another's): DuckDB's memory for a write grows with the rows it
            // writes, and one COPY of 10^9 rows into 285 folders ran at its memory limit with 14 million
            // page faults. Short of memory, smaller writes cost less: 10^8 rows under a 2 GB limit took 61.0 s
            // of CPU one file at a time against 90.2 s in one COPY (docs/inventories.md, "Manifest write in
            // chunks").
            String more = pieces.size() == 1
                    ? ""
                    : ", OVERWRITE_OR_IGNORE true, FILENAME_PATTERN " + Sql.literal("data_" + k + "_{i}");
            String sql = "COPY (SELECT r.id AS object_id, r.b AS bytes, a.fate, a.batch"
                    + " FROM (" + pieces.get(k).projection("") + ") r " + join + ") TO "
                    + Sql.literal(directory.toString()) + " (" + options + more + ")";
            int done = k;
            int count = pieces.size();
            ScanProgress part = (stage, fraction) -> progress.update(stage, (done + fraction) / count);
            try (DuckDBPreparedStatement s = c.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class);
                    ProgressPoller poller = new ProgressPoller(s, "writing manifests", part)) {
                if (s.execute()) {
                    try (ResultSet r = s.getResultSet()) {
                        rows += r.next() ? r.getLong(1) : 0;
                    }
                } else {
                    rows += s.getLargeUpdateCount();
                }
            }
        }
        if (!profile.isEmpty()) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA disable_profiling");
            }
        }
        String tableOptions = format == InventoryFormat.PARQUET ? "FORMAT parquet" : "FORMAT csv, HEADER true";
        try (Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM fate_table ORDER BY fate, step) TO "
                    + Sql.literal(
                            directory.resolve("fates." + format.fileName()).toString()) + " (" + tableOptions
                    + ")");
        }
        return rows;
    }

    /**
     * Returns the join of the inventory's rows {@code r} to their unit's fate and batch {@code a}.
     * With a {@linkplain UnitKeys#hash() hash}, and if the hashes of every (cells, shard) in {@code
     * unit_raw} are distinct, the join is on that one hash: exact, because every row's cells and shard
     * are among those of {@code unit_raw} (the inventory is the one scanned), so a row's hash equals a
     * unit's only if its cells and shard do. Otherwise it is on the cells and the shard.
     */
    private static String join(Connection c, UnitKeys keys) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (keys.hash().isPresent()) {
                String hash = keys.hash().get();
                s.execute("CREATE TABLE unit_hash AS SELECT "
                        + String.format(Locale.ROOT, hash, "h", "c", "s", "hold", "shard")
                        + " AS k, fate, batch FROM unit_raw");
                try (ResultSet r = s.executeQuery("SELECT count(*) = count(DISTINCT k) FROM unit_hash")) {
                    r.next();
                    if (r.getBoolean(1)) {
                        s.execute(
                                "CREATE TABLE unit_fate AS SELECT k, fate, batch FROM unit_hash WHERE fate IS NOT NULL");
                        return "JOIN unit_fate a ON "
                                + String.format(Locale.ROOT, hash, "r.h", "r.c", "r.s", "r.hold", "r.shard") + " = a.k";
                    }
                }
            }
            s.execute("CREATE TABLE unit_fate AS SELECT * FROM unit_raw WHERE fate IS NOT NULL");
        }
        return "JOIN unit_fate a ON r.h = a.h AND r.c = a.c AND r.s = a.s AND r.hold = a.hold AND r.shard = a.shard";
    }

    /**
     * How the manifest pass finds a row's unit: by a hash of the row's cells and shard when no two units'
     * hashes collide, else (or with no hash) by the cells and shard compared as they are. The scan of a
     * Parquet inventory groups its units the same way (the hash with a constant 0 for the shard, beside
     * the shard), when that is exact; with no hash it groups on the cells.
     *
     * @param hash the SQL of the hash, a format whose five {@code %s} are the home, category, sites, hold
     *     and shard columns; empty to join on the cells
     */
    record UnitKeys(Optional<String> hash) {

        /**
         * By DuckDB's 64-bit hash of the row's cells and shard, when no two units' hashes collide (else
         * as {@link #CELLS}): one integer per row to hash and compare instead of three strings, which
         * halved the join's CPU time at 10^7 objects (benchmarks/README.md, "Manifest write").
         */
        static final UnitKeys HASHED = new UnitKeys(Optional.of("hash(%s, %s, %s, %s, %s)"));

        /** By the row's raw cells and shard, compared as they are. */
        static final UnitKeys CELLS = new UnitKeys(Optional.empty());

        UnitKeys {
            checkNotNull(hash, "hash");
        }
    }
}
