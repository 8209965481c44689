package dev.residency.inventory.duckdb;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.inventory.GroupKey;
import dev.residency.inventory.InventoryColumns;
import dev.residency.inventory.InventoryEngine;
import dev.residency.inventory.InventoryException;
import dev.residency.inventory.InventoryFiles;
import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.InventorySource;
import dev.residency.inventory.ManifestFolder;
import dev.residency.inventory.ManifestSummary;
import dev.residency.inventory.ScanProgress;
import dev.residency.inventory.UnitActions;
import dev.residency.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Stream;
import org.duckdb.DuckDBPreparedStatement;

/**
 * The embedded engine: an in-process DuckDB database per call reads the inventory's Parquet or CSV
 * files (a path or a glob) in parallel. The scan is one aggregation over the inventory ({@code GROUP
 * BY} home, category, sites, hold and shard), with each unit's smallest size and its filled id and
 * size cells counted, so that a bad row is found without another pass; only then is it located for the message. The manifests are one
 * more pass: each row joins a small table of its raw cells and shard to its unit's fate, and one row
 * per object is written partitioned by batch, with no sort. Registered as "duckdb".
 *
 * <p>Before writing the manifests, and again after, the engine checks that the inventory's local files
 * are those its scan read, with the same sizes and modification times ({@link InventoryFiles}), and
 * refuses to write for an inventory that changed.
 *
 * <p>Thread-safe: calls share nothing but a cache of the raw group values and files seen by each scan.
 */
public final class DuckDbInventoryEngine implements InventoryEngine {

    /** The engine's name. */
    public static final String NAME = "duckdb";

    /** The per-unit aggregates of the scan: objects, bytes and the checks' minimum and counts. */
    private static final String UNIT_AGGREGATES = "count(*) AS n, CAST(coalesce(sum(b), 0) AS BIGINT) AS bytes,"
            + " min(b) AS min_b, count(b) AS filled_b, count(id) AS filled_id";

    private static final String UNIT_ORDER = "ORDER BY h NULLS FIRST, c NULLS FIRST, s NULLS FIRST, hold, shard";

    /** The most combinations of the group columns' spellings for which the scan groups on a hash. */
    static final long MAX_HASHED_CELLS = 1L << 20;

    private final DuckDbSettings settings;
    private final ManifestQuery.UnitKeys unitKeys;
    private final long rowsPerCopy;
    private final Map<InventoryScan, ScanState> scanned = new WeakHashMap<>();

    /** What a scan saw that the write needs: the raw group cells and the files with their sizes and times. */
    private record ScanState(List<RawGroup> raw, InventoryFiles files) {}

    /** The group cells as they appear in the inventory, and the normalised key they stand for. */
    record RawGroup(String home, String category, String sites, boolean hold, GroupKey key) {}

    /** Creates an engine with {@code settings}. */
    public DuckDbInventoryEngine(DuckDbSettings settings) {
        this(settings, ManifestQuery.UnitKeys.HASHED);
    }

    /** Creates an engine whose manifest pass finds a row's unit by {@code unitKeys} (tests compare both). */
    DuckDbInventoryEngine(DuckDbSettings settings, ManifestQuery.UnitKeys unitKeys) {
        this(settings, unitKeys, WriteChunks.rowsPerCopy(settings.memoryLimitBytes()));
    }

    /**
     * Creates an engine whose manifest pass finds a row's unit by {@code unitKeys} and copies at most about
     * {@code rowsPerCopy} rows at a time (tests write small inventories in several chunks).
     */
    DuckDbInventoryEngine(DuckDbSettings settings, ManifestQuery.UnitKeys unitKeys, long rowsPerCopy) {
        this.settings = checkNotNull(settings, "settings");
        this.unitKeys = checkNotNull(unitKeys, "unitKeys");
        checkArgument(rowsPerCopy > 0, "rowsPerCopy must be positive, was %s", rowsPerCopy);
        this.rowsPerCopy = rowsPerCopy;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Opens an in-memory DuckDB database with the engine's settings. */
    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = c.createStatement()) {
            s.execute("SET memory_limit = " + Sql.literal(settings.memoryLimit()));
            if (settings.threads() > 0) {
                s.execute("SET threads = " + settings.threads());
            }
            if (settings.tempDirectory().isPresent()) {
                s.execute("SET temp_directory = "
                        + Sql.literal(settings.tempDirectory().get().toString()));
            }
            // Order within the output does not matter (the determinism rule is about sets of rows), and
            // keeping insertion order costs memory on large writes.
            s.execute("SET preserve_insertion_order = false");
            s.execute("SET enable_progress_bar = true");
            s.execute("SET enable_progress_bar_print = false");
            // Freed memory is returned to the system by DuckDB's background threads, not by the workers
            // in the middle of a write: the manifest write of 10^9 rows (ManifestWriteOptions, one COPY
            // per file) took 179.6-180.4 s in three runs with it against 205.6 and 253.4 s without
            // (docs/inventories.md, "The allocator's background threads").
            s.execute("SET allocator_background_threads = true");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @Override
    public InventoryScan scan(
            InventorySource source, Topology topology, ImmutableMap<String, Category> categories, ScanProgress progress)
            throws InventoryException {
        checkNotNull(source, "source");
        checkNotNull(progress, "progress");
        InventoryFiles files = files(source);
        try (Connection c = connect()) {
            InventoryRelation relation = InventoryRelation.open(c, source);
            List<Object[]> rows = aggregate(c, relation, progress);
            InventoryScan.Builder builder = InventoryScan.builder(topology, categories, source.shards());
            long total = 0;
            long nullIds = 0;
            long nullBytes = 0;
            long negative = 0;
            for (Object[] r : rows) {
                long objects = (Long) r[5];
                total += objects;
                nullBytes += objects - (Long) r[8];
                nullIds += objects - (Long) r[9];
                if (r[7] != null && (Long) r[7] < 0) {
                    negative++;
                }
            }
            InventoryColumns columns = source.columns();
            if (total == 0) {
                throw new InventoryException(InventoryScan.FIELD + ".path", "\"" + source.path() + "\" has no rows");
            }
            if (nullIds > 0) {
                throw cellError(c, relation, InventoryColumns.ID, "is empty", "id IS NULL", List.of());
            }
            if (nullBytes > 0) {
                throw cellError(c, relation, InventoryColumns.BYTES, "is empty", "b IS NULL", List.of());
            }
            if (negative > 0) {
                throw cellError(c, relation, InventoryColumns.BYTES, "must not be negative", "b < 0", List.of());
            }
            List<RawGroup> raw = new ArrayList<>();
            for (Object[] r : rows) {
                GroupKey key = key(c, relation, builder, columns, r);
                if (raw.isEmpty() || !sameRaw(raw.get(raw.size() - 1), r)) {
                    raw.add(new RawGroup((String) r[0], (String) r[1], (String) r[2], (Boolean) r[3], key));
                }
                builder.add(key, (Integer) r[4], (Long) r[5], (Long) r[6]);
            }
            if (source.uniqueIds()) {
                checkUnique(c, relation);
            }
            InventoryScan scan = builder.build(total);
            synchronized (scanned) {
                scanned.put(scan, new ScanState(ImmutableList.copyOf(raw), files));
            }
            progress.update("scanning", 1);
            return scan;
        } catch (SQLException e) {
            throw DuckDbErrors.unreadable(source, e);
        }
    }

    private static boolean sameRaw(RawGroup g, Object[] r) {
        return g.home().equals(r[0])
                && g.category().equals(r[1])
                && g.sites().equals(r[2])
                && g.hold() == (Boolean) r[3];
    }

    /**
     * Returns the aggregated rows: h, c, s, hold, shard, objects, bytes, smallest bytes (null if every
     * bytes cell of the unit is empty), bytes cells filled, id cells filled; ordered by h, c, s (nulls
     * first), hold and shard.
     *
     * <p>The units are grouped on a 64-bit hash of the group cells and the shard when that is exact
     * ({@link #hashedAggregate}), else on the cells themselves.
     */
    private List<Object[]> aggregate(Connection c, InventoryRelation relation, ScanProgress progress)
            throws SQLException {
        // Parquet only: a CSV inventory would be parsed once more per column for the spellings.
        if (unitKeys.hash().isPresent() && relation.source().format() == InventoryFormat.PARQUET) {
            Optional<List<Object[]>> hashed =
                    hashedAggregate(c, relation, unitKeys.hash().get(), progress);
            if (hashed.isPresent()) {
                return hashed.get();
            }
        }
        // The checks are per-unit aggregates that every row feeds anyway (a minimum and two counts of
        // filled cells), not filtered counts: at 10^7 objects this took 3-4 % less CPU than three
        // count(*) FILTER (...) aggregates (benchmarks/README.md, "Where the scan's time goes").
        String sql = "SELECT h, c, s, hold, shard, " + UNIT_AGGREGATES + " FROM (" + relation.projection("")
                + ") GROUP BY h, c, s, hold, shard " + UNIT_ORDER;
        return unitRows(c, sql, progress, false).orElseThrow();
    }

    /**
     * Groups the units on one 64-bit key per row instead of on three strings and the shard: the hash of
     * the cells, {@code hash(h, c, s, hold)}, with its low bits replaced by the shard ({@link
     * #shardBits} of them). At 10^9 objects, grouping on the hash and the shard as two columns cost
     * 1.71-1.95 times the plain GROUP BY of the same files against 1.99-2.34 times on the cells
     * (docs/inventories.md, "The scan grouped on a hash of the cells"), and one key instead of those two
     * columns took the units' query under the engine's settings from 21.02 s to 20.26 s (ScanCost, same
     * file, "One key for the scan's units, and a fresh machine"). It is exact when
     * it returns: the columns' distinct spellings are read first (one small pass each), the hash of every
     * combination of them, less its low bits, is checked distinct (a row's cells are one of these
     * combinations, so no two different cells share a key's high bits, and the low bits are the shard
     * itself), and every unit's high bits are matched back to their cells. It returns empty, and the
     * caller groups on the cells, when the combinations are more than {@link #MAX_HASHED_CELLS}, when
     * two of their hashes collide, or when some unit's hash matches no combination (the files changed
     * between the passes).
     */
    private static Optional<List<Object[]>> hashedAggregate(
            Connection c, InventoryRelation relation, String hashFormat, ScanProgress progress) throws SQLException {
        String projection = relation.projection("");
        long combinations = 2;
        try (Statement s = c.createStatement()) {
            for (String column : List.of("h", "c", "s")) {
                s.execute("CREATE OR REPLACE TEMP TABLE scan_" + column + " AS SELECT DISTINCT " + column + " FROM ("
                        + projection + ") LIMIT " + (MAX_HASHED_CELLS + 1));
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM scan_" + column)) {
                    r.next();
                    combinations = Math.multiplyExact(combinations, Math.max(1, r.getLong(1)));
                }
                if (combinations > MAX_HASHED_CELLS) {
                    return Optional.empty();
                }
            }
            int bits = shardBits(relation.source().shards());
            String low = Long.toUnsignedString((1L << bits) - 1) + "::UBIGINT";
            String high = Long.toUnsignedString(~((1L << bits) - 1)) + "::UBIGINT";
            String hash = "(" + String.format(Locale.ROOT, hashFormat, "h", "c", "s", "hold", "0") + " & " + high + ")";
            s.execute("CREATE OR REPLACE TEMP TABLE scan_cells AS SELECT h, c, s, hold, " + hash + " AS k FROM"
                    + " scan_h, scan_c, scan_s, (SELECT true AS hold UNION ALL SELECT false)");
            try (ResultSet r = s.executeQuery("SELECT count(*) = count(DISTINCT k) FROM scan_cells")) {
                r.next();
                if (!r.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            String units = "SELECT key & " + high + " AS k, CAST(key & " + low
                    + " AS INTEGER) AS shard, * EXCLUDE (key)"
                    + " FROM (SELECT " + hash + " | CAST(shard AS UBIGINT) AS key, " + UNIT_AGGREGATES + " FROM ("
                    + projection + ") GROUP BY key)";
            String sql = "SELECT x.h, x.c, x.s, x.hold, u.shard, u.n, u.bytes, u.min_b, u.filled_b, u.filled_id,"
                    + " x.k IS NULL AS unmatched FROM (" + units + ") u LEFT JOIN scan_cells x ON u.k = x.k "
                    + UNIT_ORDER;
            return unitRows(c, sql, progress, true);
        }
    }

    /**
     * Returns how many low bits hold every shard below {@code shards}: 0 for one shard, 10 for 1,024,
     * 11 for 1,025.
     */
    static int shardBits(int shards) {
        checkArgument(shards >= 1, "shards must be at least 1, was %s", shards);
        return 32 - Integer.numberOfLeadingZeros(shards - 1);
    }

    /**
     * Runs a unit query and returns its rows (see {@link #aggregate}), or empty if {@code matched} and
     * some row's {@code unmatched} column is true.
     */
    private static Optional<List<Object[]>> unitRows(Connection c, String sql, ScanProgress progress, boolean matched)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (DuckDBPreparedStatement s = c.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class);
                ProgressPoller poller = new ProgressPoller(s, "scanning", progress);
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                if (matched && r.getBoolean("unmatched")) {
                    return Optional.empty();
                }
                Object shard = r.getObject("shard");
                rows.add(new Object[] {
                    r.getString("h"),
                    r.getString("c"),
                    r.getString("s"),
                    r.getBoolean("hold"),
                    shard == null ? -1 : ((Number) shard).intValue(),
                    r.getLong("n"),
                    r.getLong("bytes"),
                    r.getObject("min_b") == null ? null : r.getLong("min_b"),
                    r.getLong("filled_b"),
                    r.getLong("filled_id")
                });
            }
        }
        return Optional.of(rows);
    }

    private GroupKey key(
            Connection c,
            InventoryRelation relation,
            InventoryScan.Builder builder,
            InventoryColumns columns,
            Object[] r)
            throws InventoryException, SQLException {
        try {
            return builder.key(columns, (String) r[0], (String) r[1], (String) r[2], (Boolean) r[3]);
        } catch (InventoryException e) {
            String where = RowLocator.locate(
                    c,
                    relation,
                    "h IS NOT DISTINCT FROM ? AND c IS NOT DISTINCT FROM ? AND s IS NOT DISTINCT FROM ? AND hold = ?",
                    Arrays.asList(r[0], r[1], r[2], r[3]));
            throw new InventoryException(
                    e.field(), e.getMessage().substring(e.field().length() + 2) + ", " + where);
        }
    }

    private static InventoryException cellError(
            Connection c,
            InventoryRelation relation,
            String attribute,
            String problem,
            String condition,
            List<Object> params)
            throws SQLException {
        String column = relation.source().columns().byAttribute().get(attribute);
        String value = "";
        if (attribute.equals(InventoryColumns.BYTES) && condition.equals("b < 0")) {
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT min(b) FROM (" + relation.projection("") + ")")) {
                r.next();
                value = " (smallest: " + r.getLong(1) + ")";
            }
        }
        return new InventoryException(
                InventoryScan.FIELD + ".columns." + attribute,
                "column \"" + column + "\" " + problem + value + ", "
                        + RowLocator.locate(c, relation, condition, params));
    }

    private static void checkUnique(Connection c, InventoryRelation relation) throws SQLException, InventoryException {
        String sql = "SELECT id, count(*) AS n FROM (" + relation.projection("")
                + ") GROUP BY id HAVING count(*) > 1 ORDER BY id LIMIT 1";
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            if (r.next()) {
                long id = r.getLong("id");
                String column = relation.source().columns().id();
                throw new InventoryException(
                        InventoryScan.FIELD + ".columns." + InventoryColumns.ID,
                        "column \"" + column + "\": object id " + id + " appears " + r.getLong("n")
                                + " times but the inventory promises unique ids (uniqueIds: true); first "
                                + RowLocator.locate(c, relation, "id = ?", List.of(id)));
            }
        }
    }

    @Override
    public ManifestSummary writeManifests(
            InventorySource source,
            InventoryScan scan,
            UnitActions actions,
            Path directory,
            InventoryFormat format,
            ScanProgress progress)
            throws IOException, InventoryException {
        checkNotNull(source, "source");
        checkNotNull(scan, "scan");
        checkNotNull(actions, "actions");
        checkNotNull(format, "format");
        ScanState state;
        synchronized (scanned) {
            state = scanned.get(scan);
        }
        if (state != null) {
            unchanged(source, state.files());
        }
        ManifestFolder.prepare(directory);
        try (Connection c = connect()) {
            InventoryRelation relation = InventoryRelation.open(c, source);
            List<RawGroup> raw = state != null ? state.raw() : rawGroups(c, relation, scan);
            List<? extends List<String>> chunks =
                    chunks(c, source, state != null ? state.files() : files(source), scan);
            long rows =
                    ManifestQuery.write(c, relation, scan, actions, raw, directory, format, unitKeys, chunks, progress);
            if (state != null) {
                // A file replaced during the write makes the manifests a mix of two inventories.
                unchanged(source, state.files());
            }
            int partitions;
            try (Stream<Path> s = Files.list(directory)) {
                partitions = (int) s.filter(p -> p.getFileName().toString().startsWith("batch="))
                        .count();
            }
            progress.update("writing manifests", 1);
            return new ManifestSummary(directory, format, rows, partitions);
        } catch (SQLException e) {
            throw DuckDbErrors.unreadable(source, e);
        }
    }

    /**
     * Returns the chunks of files the manifest write copies one after the other ({@link WriteChunks}), or
     * one chunk of every file when there is at most one local file (a remote inventory lists none) or
     * DuckDB's glob does not match exactly the files listed (a glob the two read differently): the write
     * must read the rows the scan read.
     */
    private List<? extends List<String>> chunks(
            Connection c, InventorySource source, InventoryFiles files, InventoryScan scan) throws SQLException {
        if (files.files().size() <= 1) {
            return List.of();
        }
        Set<String> listed = new HashSet<>();
        files.files().forEach(f -> listed.add(f.path()));
        Set<String> globbed = new HashSet<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT file FROM glob(" + Sql.literal(source.path()) + ")")) {
            while (r.next()) {
                globbed.add(Path.of(r.getString(1)).toAbsolutePath().normalize().toString());
            }
        }
        if (!globbed.equals(listed)) {
            return List.of();
        }
        return WriteChunks.of(files, scan.rowsRead(), rowsPerCopy);
    }

    private static InventoryFiles files(InventorySource source) throws InventoryException {
        try {
            return InventoryFiles.of(source.path());
        } catch (IOException e) {
            throw new InventoryException(
                    InventoryScan.FIELD + ".path", "\"" + source.path() + "\" cannot be listed: " + e.getMessage());
        }
    }

    /**
     * Checks that the inventory's files are those the scan read, same sizes and modification times.
     *
     * @throws InventoryException naming what changed, if something did
     */
    private static void unchanged(InventorySource source, InventoryFiles atScan) throws InventoryException {
        java.util.Optional<String> changes = atScan.changesIn(files(source));
        if (changes.isPresent()) {
            throw new InventoryException(
                    InventoryScan.FIELD + ".path",
                    "the inventory \"" + source.path() + "\" changed since it was scanned (" + changes.get()
                            + "): the plan was made for the rows scanned; plan again");
        }
    }

    private static List<RawGroup> rawGroups(Connection c, InventoryRelation relation, InventoryScan scan)
            throws SQLException, InventoryException {
        Map<String, Category> categories = new java.util.HashMap<>();
        scan.units()
                .forEach(u -> categories.put(u.key().category().name(), u.key().category()));
        InventoryScan.Builder parser = InventoryScan.builder(scan.topology(), categories, 1);
        List<RawGroup> raw = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT DISTINCT h, c, s, hold FROM (" + relation.projection("") + ")")) {
            while (r.next()) {
                String h = r.getString(1);
                String cat = r.getString(2);
                String sites = r.getString(3);
                boolean hold = r.getBoolean(4);
                raw.add(new RawGroup(
                        h, cat, sites, hold, parser.key(relation.source().columns(), h, cat, sites, hold)));
            }
        }
        return raw;
    }
}
