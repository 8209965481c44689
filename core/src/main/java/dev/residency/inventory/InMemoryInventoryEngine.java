package dev.residency.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.primitives.ImmutableIntArray;
import dev.residency.data.Category;
import dev.residency.data.RecordGroups;
import dev.residency.data.RecordStore;
import dev.residency.topology.Topology;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The reference engine: an inventory held in a {@link RecordStore}, whose record {@code i} is the
 * object with id {@code i}. It aggregates with {@link RecordGroups} and writes CSV manifests, so that
 * other engines can be checked against it on the same objects. The source's path, format and columns
 * are not used (the store is the inventory); its shard count is. Writes CSV only. Thread-safe.
 */
public final class InMemoryInventoryEngine implements InventoryEngine {

    /** The engine's name. */
    public static final String NAME = "memory";

    private final RecordStore inventory;

    /** Creates an engine over {@code inventory}. */
    public InMemoryInventoryEngine(RecordStore inventory) {
        this.inventory = checkNotNull(inventory, "inventory");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public InventoryScan scan(
            InventorySource source, Topology topology, ImmutableMap<String, Category> categories, ScanProgress progress)
            throws InventoryException {
        checkArgument(topology.equals(inventory.topology()), "the inventory store is on another topology");
        int shards = source.shards();
        RecordGroups groups = RecordGroups.of(inventory);
        GroupKey[] keys = keys(groups, categories, source.columns());
        InventoryScan.Builder b = InventoryScan.builder(topology, categories, shards);
        Map<Long, long[]> units = new HashMap<>();
        RecordGroups mapped = RecordGroups.withRecordMapping(inventory);
        for (int i = 0; i < inventory.size(); i++) {
            long unit = (long) mapped.groupOf(i) * shards + ObjectShards.shardOf(i, shards);
            long[] t = units.computeIfAbsent(unit, u -> new long[2]);
            t[0]++;
            t[1] += inventory.bytes(i);
        }
        for (Map.Entry<Long, long[]> e : units.entrySet()) {
            int g = (int) (e.getKey() / shards);
            b.add(keys[g], (int) (e.getKey() % shards), e.getValue()[0], e.getValue()[1]);
        }
        progress.update("scanning", 1);
        return b.build(inventory.size());
    }

    private GroupKey[] keys(RecordGroups groups, ImmutableMap<String, Category> categories, InventoryColumns columns)
            throws InventoryException {
        GroupKey[] keys = new GroupKey[groups.count()];
        InventoryScan.Builder parser = InventoryScan.builder(inventory.topology(), categories, 1);
        for (int g = 0; g < keys.length; g++) {
            ImmutableIntArray sites = inventory.replicaSets().sites(groups.replicaSet(g));
            StringBuilder ids = new StringBuilder();
            for (int k = 0; k < sites.length(); k++) {
                ids.append(k == 0 ? "" : ";")
                        .append(inventory.topology().site(sites.get(k)).id());
            }
            keys[g] = parser.key(
                    columns,
                    inventory.jurisdictions().get(groups.home(g)).code(),
                    inventory.categories().get(groups.category(g)).name(),
                    ids.toString(),
                    groups.legalHold(g));
        }
        return keys;
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
        checkArgument(format == InventoryFormat.CSV, "the in-memory engine writes csv manifests only, not %s", format);
        ManifestFolder.prepare(directory);
        int shards = scan.shards();
        RecordGroups mapped = RecordGroups.withRecordMapping(inventory);
        GroupKey[] keys = keys(mapped, categoriesOf(scan), source.columns());
        TreeMap<Integer, Writer> writers = new TreeMap<>();
        long rows = 0;
        try {
            for (int i = 0; i < inventory.size(); i++) {
                int shard = ObjectShards.shardOf(i, shards);
                GroupKey key = keys[mapped.groupOf(i)];
                Integer unit = scan.unitIndex(key, shard).orElse(null);
                if (unit == null) {
                    throw new InventoryException(
                            InventoryScan.FIELD,
                            "object " + i + " belongs to no unit of the scan: the inventory changed");
                }
                OptionalInt fate = actions.fateOf(unit);
                if (fate.isEmpty()) {
                    continue;
                }
                int batch = actions.fates().get(fate.getAsInt()).batch();
                Writer w = writers.get(batch);
                if (w == null) {
                    Path folder = Files.createDirectories(directory.resolve("batch=" + batch));
                    w = Files.newBufferedWriter(folder.resolve("data_0.csv"), StandardCharsets.UTF_8);
                    w.write("object_id,bytes,fate\n");
                    writers.put(batch, w);
                }
                w.write(i + "," + inventory.bytes(i) + "," + fate.getAsInt() + "\n");
                rows++;
            }
        } finally {
            for (Writer w : writers.values()) {
                w.close();
            }
        }
        try (Writer w = Files.newBufferedWriter(directory.resolve("fates.csv"), StandardCharsets.UTF_8)) {
            w.write("fate,step,action,batch,source,site,reason\n");
            for (Fate f : actions.fates()) {
                for (int step = 0; step < f.actions().size(); step++) {
                    UnitAction a = f.actions().get(step);
                    w.write(f.id() + "," + step + "," + a.action() + "," + a.batch() + "," + a.source() + "," + a.site()
                            + "," + a.reason() + "\n");
                }
            }
        }
        progress.update("writing manifests", 1);
        return new ManifestSummary(directory, format, rows, writers.size());
    }

    private static ImmutableMap<String, Category> categoriesOf(InventoryScan scan) {
        Map<String, Category> m = new HashMap<>();
        for (InventoryUnit u : scan.units()) {
            m.put(u.key().category().name(), u.key().category());
        }
        return ImmutableMap.copyOf(m);
    }
}
