package dev.residency.inventory.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import dev.residency.inventory.Fate;
import dev.residency.inventory.GroupKey;
import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.InventoryGroup;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.InventoryUnit;
import dev.residency.inventory.UnitAction;
import dev.residency.inventory.UnitActions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes the manifests in one pass over the inventory: a row's raw group cells are looked up in a
 * broadcast table {@code raw_group} (raw cells to the group's number in the scan, only groups with
 * fates), its (group number, shard) in a broadcast {@code unit_fate}, and the joined rows, one per
 * object, are written partitioned by batch. Broadcast hash joins: the inventory is neither shuffled nor sorted,
 * so an object's rows depend on its own row and the plan only.
 */
final class ManifestWriter {

    private final SparkSession spark;
    private final InventoryFrame frame;

    ManifestWriter(SparkSession spark, InventoryFrame frame) {
        this.spark = spark;
        this.frame = frame;
    }

    ClusterManifests write(
            InventoryScan scan,
            UnitActions actions,
            List<SparkInventoryEngine.RawGroup> raw,
            String directory,
            InventoryFormat format)
            throws IOException {
        Map<GroupKey, Integer> groupNumber = new HashMap<>();
        List<InventoryGroup> groups = scan.groups();
        for (int g = 0; g < groups.size(); g++) {
            groupNumber.put(groups.get(g).key(), g);
        }
        BitSet acting = new BitSet(groups.size());
        List<Row> unitRows = new ArrayList<>();
        for (int u = 0; u < scan.units().size(); u++) {
            OptionalInt fate = actions.fateOf(u);
            if (fate.isPresent()) {
                InventoryUnit unit = scan.unit(u);
                int g = groupNumber.get(unit.key());
                acting.set(g);
                unitRows.add(RowFactory.create(
                        g,
                        unit.shard(),
                        fate.getAsInt(),
                        actions.fates().get(fate.getAsInt()).batch()));
            }
        }
        long rows = actions.manifestRows(scan);
        List<Row> groupRows = new ArrayList<>();
        for (SparkInventoryEngine.RawGroup r : raw) {
            Integer g = groupNumber.get(r.key());
            if (g != null && acting.get(g)) {
                groupRows.add(RowFactory.create(r.home(), r.category(), r.sites(), r.hold(), g));
            }
        }
        Dataset<Row> unitFate = spark.createDataFrame(
                unitRows,
                new StructType()
                        .add("u_gno", DataTypes.IntegerType, false)
                        .add("u_shard", DataTypes.IntegerType, false)
                        .add("fate", DataTypes.IntegerType, false)
                        .add("batch", DataTypes.IntegerType, false));
        Dataset<Row> rawGroup = spark.createDataFrame(
                groupRows,
                new StructType()
                        .add("g_h", DataTypes.StringType, true)
                        .add("g_c", DataTypes.StringType, true)
                        .add("g_s", DataTypes.StringType, true)
                        .add("g_hold", DataTypes.BooleanType, false)
                        .add("gno", DataTypes.IntegerType, false));
        Dataset<Row> inventory = frame.projection();
        // Narrow rows, one per object, as the DuckDB engine writes them: the actions live once in the fate table.
        Dataset<Row> manifest = inventory
                .join(
                        broadcast(rawGroup),
                        col("h").equalTo(col("g_h"))
                                .and(col("c").equalTo(col("g_c")))
                                .and(col("s").equalTo(col("g_s")))
                                .and(col("hold").equalTo(col("g_hold"))))
                .join(
                        broadcast(unitFate),
                        col("gno").equalTo(col("u_gno")).and(col("shard").equalTo(col("u_shard"))))
                .select(col("id").as("object_id"), col("b").as("bytes"), col("fate"), col("batch"));
        var writer = manifest.write().mode(SaveMode.Append).partitionBy("batch");
        if (format == InventoryFormat.PARQUET) {
            // Parquet 2 encodings, as the DuckDB engine writes them: Spark hands a write's options to
            // parquet-java's writer through the job's Hadoop configuration, where "parquet.writer.version"
            // picks data pages v2 with delta and RLE dictionary encodings (Spark sets v1 only if unset).
            writer.option("compression", "zstd")
                    .option("parquet.writer.version", "v2")
                    .parquet(directory);
        } else {
            writer.option("header", "true").csv(directory);
        }
        writeFateTable(actions, directory, format);
        ClusterFolder folder = ClusterFolder.of(spark, directory);
        return new ClusterManifests(directory, format, rows, folder.countBatchFolders());
    }

    /** Writes the fate table as one file, {@code fates.parquet} or {@code fates.csv}, in {@code directory}. */
    private void writeFateTable(UnitActions actions, String directory, InventoryFormat format) throws IOException {
        List<Row> table = new ArrayList<>();
        for (Fate f : actions.fates()) {
            for (int step = 0; step < f.actions().size(); step++) {
                UnitAction u = f.actions().get(step);
                table.add(RowFactory.create(f.id(), step, u.action(), u.batch(), u.source(), u.site(), u.reason()));
            }
        }
        Dataset<Row> frameOfTable = spark.createDataFrame(
                        table,
                        new StructType()
                                .add("fate", DataTypes.IntegerType, false)
                                .add("step", DataTypes.IntegerType, false)
                                .add("action", DataTypes.StringType, false)
                                .add("batch", DataTypes.IntegerType, false)
                                .add("source", DataTypes.StringType, false)
                                .add("site", DataTypes.StringType, false)
                                .add("reason", DataTypes.StringType, false))
                .coalesce(1);
        ClusterFolder folder = ClusterFolder.of(spark, directory);
        String staging = folder.child("_fates");
        var writer = frameOfTable.write().mode(SaveMode.ErrorIfExists);
        if (format == InventoryFormat.PARQUET) {
            writer.parquet(staging);
        } else {
            writer.option("header", "true").csv(staging);
        }
        folder.moveSinglePart(staging, "." + format.fileName(), "fates." + format.fileName());
    }
}
