package dev.residency.inventory.duckdb;

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
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;

/**
 * Writes the manifests in one pass over the inventory: a row's raw group cells and shard are looked
 * up in a small table {@code unit_fate} (raw cells and shard to the unit's fate and its batch, only
 * units with a fate), and the joined rows, one per object, are copied to files partitioned by batch. One hash join against
 * a small table: no sort, no window, memory bounded by the small table and DuckDB's write buffers.
 */
final class ManifestQuery {

    /**
     * The system property naming a file where DuckDB writes the profile (its operator tree with
     * times and row counts) of the manifest write, for diagnosis; unset or empty for none.
     */
    static final String PROFILE_PROPERTY = "residency.duckdb.profile";

    private ManifestQuery() {}

    static long write(
            Connection c,
            InventoryRelation relation,
            InventoryScan scan,
            UnitActions actions,
            List<DuckDbInventoryEngine.RawGroup> raw,
            Path directory,
            InventoryFormat format,
            ScanProgress progress)
            throws SQLException {
        // One small table keyed by the raw cells and the shard: each unit's fate once per spelling of
        // its group's cells in the inventory (only units the plan touches). The manifest pass is then
        // a single hash join against it, one output row per object.
        Map<GroupKey, List<Integer>> unitsOfGroup = new HashMap<>();
        for (int u = 0; u < scan.units().size(); u++) {
            if (actions.fateOf(u).isPresent()) {
                unitsOfGroup
                        .computeIfAbsent(scan.unit(u).key(), g -> new ArrayList<>())
                        .add(u);
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE unit_fate (h VARCHAR, c VARCHAR, s VARCHAR, hold BOOLEAN, shard INTEGER,"
                    + " fate INTEGER, batch INTEGER)");
            s.execute("CREATE TABLE fate_table (fate INTEGER, step INTEGER, action VARCHAR, batch INTEGER,"
                    + " source VARCHAR, site VARCHAR, reason VARCHAR)");
        }
        DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "unit_fate")) {
            for (DuckDbInventoryEngine.RawGroup r : raw) {
                for (int u : unitsOfGroup.getOrDefault(r.key(), List.of())) {
                    int fate = actions.fateOf(u).getAsInt();
                    a.beginRow()
                            .append(r.home())
                            .append(r.category())
                            .append(r.sites())
                            .append(r.hold())
                            .append(scan.unit(u).shard())
                            .append(fate)
                            .append(actions.fates().get(fate).batch())
                            .endRow();
                }
            }
        }
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
        String sql = "COPY (SELECT r.id AS object_id, r.b AS bytes, a.fate, a.batch"
                + " FROM (" + relation.projection("") + ") r"
                + " JOIN unit_fate a ON r.h = a.h AND r.c = a.c AND r.s = a.s AND r.hold = a.hold"
                + " AND r.shard = a.shard) TO "
                + Sql.literal(directory.toString()) + " (" + options + ")";
        long rows;
        String profile = System.getProperty(PROFILE_PROPERTY, "");
        if (!profile.isEmpty()) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA enable_profiling = 'query_tree'");
                s.execute("PRAGMA profiling_output = " + Sql.literal(profile));
            }
        }
        try (DuckDBPreparedStatement s = c.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class);
                ProgressPoller poller = new ProgressPoller(s, "writing manifests", progress)) {
            if (s.execute()) {
                try (ResultSet r = s.getResultSet()) {
                    rows = r.next() ? r.getLong(1) : 0;
                }
            } else {
                rows = s.getLargeUpdateCount();
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
}
