package dev.residency.inventory.spark;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.inventory.GroupKey;
import dev.residency.inventory.InventoryColumns;
import dev.residency.inventory.InventoryEngine;
import dev.residency.inventory.InventoryException;
import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.InventorySource;
import dev.residency.inventory.ManifestFolder;
import dev.residency.inventory.ManifestSummary;
import dev.residency.inventory.ScanProgress;
import dev.residency.inventory.UnitActions;
import dev.residency.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The cluster engine: the inventory contract (docs/inventories.md) on Spark DataFrames. The scan is
 * one aggregation ({@code groupBy} home, category, sites, hold and shard) that also counts empty,
 * unconvertible and negative cells, so that a good inventory is read once; only when something is
 * wrong is the first offending row looked up to name it. The manifests are one more pass: every row
 * joins two broadcast tables (its raw group cells to the group's number, its group number and shard
 * to its unit's fate) and is written, one row per object, partitioned by batch, with no shuffle of the inventory and no
 * sort, so that an object's batch depends on its own row alone, whatever the partitioning. Registered
 * as "spark".
 *
 * <p>Thread-safe as far as its {@link SparkSession} is: calls share nothing but a cache of the raw
 * group cells seen by each scan.
 */
public final class SparkInventoryEngine implements InventoryEngine {

    /** The engine's name. */
    public static final String NAME = "spark";

    private final SparkSession spark;
    private final int partitions;
    private final Map<InventoryScan, List<RawGroup>> rawGroupsOfScan = new WeakHashMap<>();

    /** The group cells as they appear in the inventory, and the normalised key they stand for. */
    record RawGroup(String home, String category, String sites, boolean hold, GroupKey key) {}

    /**
     * Creates an engine on {@code spark}.
     *
     * @param partitions if positive, the inventory's rows are spread over this many partitions before
     *     any step (to test that the result does not depend on it, or to widen a job over few large
     *     files); 0 keeps the reader's split
     * @throws IllegalArgumentException if {@code partitions} is negative
     */
    public SparkInventoryEngine(SparkSession spark, int partitions) {
        this.spark = checkNotNull(spark, "spark");
        checkArgument(partitions >= 0, "partitions must not be negative, was %s", partitions);
        this.partitions = partitions;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Returns the session the engine runs its jobs on. */
    SparkSession session() {
        return spark;
    }

    @Override
    public InventoryScan scan(
            InventorySource source, Topology topology, ImmutableMap<String, Category> categories, ScanProgress progress)
            throws InventoryException {
        checkNotNull(source, "source");
        checkNotNull(topology, "topology");
        checkNotNull(progress, "progress");
        InventoryFrame frame = InventoryFrame.open(spark, source, partitions);
        progress.update("scanning", 0);
        List<Row> rows = aggregate(frame);
        long total = 0;
        long nullIds = 0;
        long nullBytes = 0;
        long negative = 0;
        long badHolds = 0;
        for (Row r : rows) {
            total += r.getLong(5);
            negative += r.getLong(7);
            nullBytes += r.getLong(8);
            nullIds += r.getLong(9);
            badHolds += r.getLong(10);
        }
        RowLocator locator = new RowLocator(frame);
        if (total == 0) {
            throw new InventoryException(InventoryScan.FIELD + ".path", "\"" + source.path() + "\" has no rows");
        }
        if (nullIds > 0) {
            throw locator.cellError(InventoryColumns.ID, col("id").isNull());
        }
        if (nullBytes > 0) {
            throw locator.cellError(InventoryColumns.BYTES, col("b").isNull());
        }
        if (negative > 0) {
            throw locator.cellError(InventoryColumns.BYTES, col("b").lt(0));
        }
        if (badHolds > 0) {
            throw locator.cellError(InventoryColumns.LEGAL_HOLD, col("hold_bad"));
        }
        InventoryScan.Builder builder = InventoryScan.builder(topology, categories, source.shards());
        InventoryColumns columns = source.columns();
        List<RawGroup> raw = new ArrayList<>();
        for (Row r : rows) {
            String h = r.getString(0);
            String c = r.getString(1);
            String s = r.getString(2);
            boolean hold = r.getBoolean(3);
            GroupKey key;
            try {
                key = builder.key(columns, h, c, s, hold);
            } catch (InventoryException e) {
                throw locator.groupError(e, h, c, s, hold);
            }
            RawGroup last = raw.isEmpty() ? null : raw.get(raw.size() - 1);
            if (last == null
                    || !(Objects.equals(last.home(), h)
                            && Objects.equals(last.category(), c)
                            && Objects.equals(last.sites(), s)
                            && last.hold() == hold)) {
                raw.add(new RawGroup(h, c, s, hold, key));
            }
            builder.add(key, r.getInt(4), r.getLong(5), r.getLong(6));
        }
        if (source.uniqueIds()) {
            locator.checkUnique();
        }
        InventoryScan scan = builder.build(total);
        synchronized (rawGroupsOfScan) {
            rawGroupsOfScan.put(scan, ImmutableList.copyOf(raw));
        }
        progress.update("scanning", 1);
        return scan;
    }

    /**
     * Returns the aggregated rows, sorted by raw cells (empty first) and shard: h, c, s, hold, shard,
     * objects, bytes, negatives, empty bytes, empty ids, bad holds.
     */
    private static List<Row> aggregate(InventoryFrame frame) throws InventoryException {
        List<Row> rows;
        try {
            rows = new ArrayList<>(frame.projection()
                    .groupBy(col("h"), col("c"), col("s"), col("hold"), col("shard"))
                    .agg(
                            count(lit(1)).as("n"),
                            coalesce(sum(col("b")), lit(0L)).as("bytes"),
                            flagged(col("b").lt(0)).as("neg"),
                            flagged(col("b").isNull()).as("null_b"),
                            flagged(col("id").isNull()).as("null_id"),
                            flagged(col("hold_bad")).as("bad_hold"))
                    .collectAsList());
        } catch (Exception e) {
            throw SparkErrors.unreadable(frame.source(), e);
        }
        Comparator<String> text = Comparator.nullsFirst(Comparator.naturalOrder());
        rows.sort(Comparator.comparing((Row r) -> r.getString(0), text)
                .thenComparing(r -> r.getString(1), text)
                .thenComparing(r -> r.getString(2), text)
                .thenComparing(r -> r.getBoolean(3))
                .thenComparing(r -> r.isNullAt(4) ? -1 : r.getInt(4)));
        return rows;
    }

    private static Column flagged(Column condition) {
        return sum(when(condition, lit(1L)).otherwise(lit(0L)));
    }

    /**
     * Writes the manifests into the local folder {@code directory}, which must be new or empty; see
     * {@link #writeManifests(InventorySource, InventoryScan, UnitActions, String, InventoryFormat,
     * ScanProgress)} for a folder on the cluster's file system.
     */
    @Override
    public ManifestSummary writeManifests(
            InventorySource source,
            InventoryScan scan,
            UnitActions actions,
            Path directory,
            InventoryFormat format,
            ScanProgress progress)
            throws IOException, InventoryException {
        checkNotNull(directory, "directory");
        ManifestFolder.prepare(directory);
        ClusterManifests written =
                write(source, scan, actions, directory.toUri().toString(), format, progress);
        return new ManifestSummary(directory, format, written.rows(), written.partitions());
    }

    /**
     * Writes the manifests into {@code directory}, a folder URI of the cluster's file system (such as
     * {@code hdfs:///inv/plan/manifests} or {@code s3a://bucket/plan/manifests}), new or empty, and
     * returns what was written. The row count is the scan's: the objects of the units with a fate, one
     * row each.
     *
     * @throws IOException if the folder exists and is not empty, or cannot be written
     * @throws InventoryException if the inventory cannot be read again
     */
    public ClusterManifests writeManifests(
            InventorySource source,
            InventoryScan scan,
            UnitActions actions,
            String directory,
            InventoryFormat format,
            ScanProgress progress)
            throws IOException, InventoryException {
        checkNotNull(directory, "directory");
        ClusterFolder folder = ClusterFolder.of(spark, directory);
        folder.prepare();
        return write(source, scan, actions, directory, format, progress);
    }

    private ClusterManifests write(
            InventorySource source,
            InventoryScan scan,
            UnitActions actions,
            String directory,
            InventoryFormat format,
            ScanProgress progress)
            throws IOException, InventoryException {
        checkNotNull(source, "source");
        checkNotNull(scan, "scan");
        checkNotNull(actions, "actions");
        checkNotNull(format, "format");
        checkNotNull(progress, "progress");
        InventoryFrame frame = InventoryFrame.open(spark, source, partitions);
        List<RawGroup> raw;
        synchronized (rawGroupsOfScan) {
            raw = rawGroupsOfScan.get(scan);
        }
        if (raw == null) {
            raw = rawGroups(frame, scan);
        }
        progress.update("writing manifests", 0);
        ClusterManifests written;
        try {
            written = new ManifestWriter(spark, frame).write(scan, actions, raw, directory, format);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            // Spark throws Scala's undeclared checked exceptions (SparkException, AnalysisException) too.
            throw SparkErrors.unreadable(source, e);
        }
        progress.update("writing manifests", 1);
        return written;
    }

    /** Returns the raw group cells of the inventory with their keys, for a scan made by another engine. */
    private static List<RawGroup> rawGroups(InventoryFrame frame, InventoryScan scan) throws InventoryException {
        Map<String, Category> categories = new HashMap<>();
        scan.units()
                .forEach(u -> categories.put(u.key().category().name(), u.key().category()));
        InventoryScan.Builder parser = InventoryScan.builder(scan.topology(), categories, 1);
        List<Row> distinct;
        try {
            distinct = frame.projection()
                    .select(col("h"), col("c"), col("s"), col("hold"))
                    .distinct()
                    .collectAsList();
        } catch (Exception e) {
            throw SparkErrors.unreadable(frame.source(), e);
        }
        List<RawGroup> raw = new ArrayList<>();
        for (Row r : distinct) {
            String h = r.getString(0);
            String c = r.getString(1);
            String s = r.getString(2);
            boolean hold = r.getBoolean(3);
            raw.add(new RawGroup(h, c, s, hold, parser.key(frame.source().columns(), h, c, s, hold)));
        }
        return raw;
    }
}
