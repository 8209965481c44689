package dev.residency.inventory.duckdb;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.inventory.InventoryColumns;
import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.InventorySource;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.Planners;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.TransferBatch;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.testing.RandomInstances;
import dev.residency.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Test support for the engines' equivalence tests: a random inventory drawn from a seed (a random
 * topology, categories, policy and 1 to 400 objects, 1 to 1,024 shards) written as Parquet in 1 to 3
 * files whose rows run in descending id order, so that no engine may lean on the files' order. Public
 * for the Spark engine's equivalence test (inventory-duckdb test-jar).
 *
 * @param topology the sites
 * @param categories the categories, by name
 * @param store the objects: record {@code i} is object {@code i}
 * @param policy the policy to plan with
 * @param source the inventory as a scenario would declare it (ids promised unique)
 * @param where the seed, files, shards and objects, for failure messages
 */
public record RandomInventory(
        Topology topology,
        ImmutableMap<String, Category> categories,
        RecordStore store,
        ResidencyPolicy policy,
        InventorySource source,
        String where) {

    /** Draws the inventory of {@code seed} and writes its files below the new-or-empty folder {@code temp}. */
    public static RandomInventory of(long seed, Path temp) throws Exception {
        SplittableRandom rng = new SplittableRandom(seed);
        Topology topology = RandomInstances.topology(rng);
        ImmutableList<Category> categories = RandomInstances.categories(rng);
        RecordStore store =
                RandomInstances.recordStore(rng, topology, categories, 1 + rng.nextInt(400), rng.nextDouble() * 0.2);
        ResidencyPolicy policy = RandomInstances.policy(rng, topology, categories);
        int shards = List.of(1, 2, 7, 64, 1024).get(rng.nextInt(5));
        int files = 1 + rng.nextInt(3);
        String path = writeInFiles(store, files, temp);
        return new RandomInventory(
                topology,
                categories.stream().collect(ImmutableMap.toImmutableMap(Category::name, c -> c)),
                store,
                policy,
                new InventorySource(path, InventoryFormat.PARQUET, InventoryColumns.DEFAULT, shards, true),
                "seed " + seed + " (" + files + " files, " + shards + " shards, " + store.size() + " objects)");
    }

    /** Returns the flow planner's plan on {@code scan}'s units under the inventory's policy. */
    public MigrationPlan plan(InventoryScan scan) {
        return Planners.byName("flow")
                .plan(PlanningProblem.builder()
                        .store(scan.store())
                        .policy(policy)
                        .build());
    }

    /** Returns the bytes of the copy rows of {@link ManifestRows#read} rows, by batch. */
    public static Map<Integer, Long> copiedBytesByBatch(List<String> rows) {
        Map<Integer, Long> copied = new TreeMap<>();
        for (String row : rows) {
            String[] cell = row.split(",", -1);
            if (cell[2].equals("copy")) {
                copied.merge(Integer.parseInt(cell[6]), Long.parseLong(cell[1]), Long::sum);
            }
        }
        return copied;
    }

    /** Returns the bytes of {@code plan}'s batches, by batch, as the plan states them. */
    public static Map<Integer, Long> plannedBytesByBatch(MigrationPlan plan) {
        return plan.batches().stream()
                .collect(Collectors.toMap(TransferBatch::id, TransferBatch::bytes, Long::sum, TreeMap::new));
    }

    /** Writes the store as Parquet, split by id residue into {@code files} files in descending id order. */
    private static String writeInFiles(RecordStore store, int files, Path temp) throws Exception {
        Path whole = temp.resolve("whole.parquet");
        StoreExport.write(store, whole, InventoryFormat.PARQUET);
        if (files == 1) {
            return whole.toString();
        }
        Path dir = temp.resolve("parts");
        Files.createDirectories(dir);
        try (Connection c = SharedDuckDb.connect();
                Statement s = c.createStatement()) {
            for (int k = 0; k < files; k++) {
                s.execute("COPY (SELECT * FROM read_parquet('" + whole + "') WHERE object_id % " + files + " = " + k
                        + " ORDER BY object_id DESC) TO '" + dir.resolve("part-" + k + ".parquet")
                        + "' (FORMAT parquet)");
            }
        }
        return dir.resolve("part-*.parquet").toString();
    }
}
