package dev.residency.benchmarks.inventory;

import dev.residency.data.PopulationSpec;
import dev.residency.inventory.InventoryColumns;
import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.InventorySource;
import dev.residency.inventory.ManifestSummary;
import dev.residency.inventory.ScanProgress;
import dev.residency.inventory.UnitActions;
import dev.residency.inventory.duckdb.DuckDbInventoryEngine;
import dev.residency.inventory.duckdb.DuckDbSettings;
import dev.residency.inventory.duckdb.InventoryGenerator;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanningProblem;
import dev.residency.sim.migration.ScenarioPlans;
import dev.residency.sim.scenario.BuiltInScenarios;
import dev.residency.sim.scenario.PopulationSource;
import dev.residency.sim.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Times the embedded engine on a synthetic inventory of the built-in 2020 scenario's real population
 * (10^8 objects unless told otherwise): generate it (skipped if the folder already holds Parquet
 * files), scan and group (with every row checked, ids checked unique only when asked), plan on the
 * units, assign every object to its batch and write the Parquet manifests partitioned by batch; then
 * prints the peak resident set of the whole process (JVM and DuckDB). Run it as:
 *
 * <pre>
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.residency.benchmarks.inventory.InventoryAtScale \
 *     [objects] [inventory-folder] [manifest-folder] [memory-limit, e.g. 6GB] [unique] [baseline | baseline-group]
 *     [scan-only]
 * </pre>
 *
 * The manifest folder must be new or empty; the inventory folder is kept for later runs. With {@code
 * unique} the scan also checks that ids are unique; with {@code baseline} the program then times the
 * issue's hand-written DuckDB job (group, then a per-group running byte sum into 50 batches written
 * partitioned by batch) on the same inventory into {@code manifest-folder-baseline}, so that both are
 * measured under the same load; with {@code baseline-group} only the hand-written job's group (its write
 * spills for minutes at 10^9); with {@code scan-only} the program stops after the plan (no manifests),
 * to repeat the scan's measurement. {@code -Dresidency.duckdb.profile=FILE} makes DuckDB write the
 * manifest write's operator tree with its times to FILE.
 */
public final class InventoryAtScale {

    private InventoryAtScale() {}

    /** Runs the stages; see the class Javadoc for the arguments. */
    public static void main(String[] args) throws Exception {
        long objects = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 100_000_000L;
        Path inventory = Path.of(args.length > 1 ? args[1] : "inventory-" + objects);
        Path manifests = Path.of(args.length > 2 ? args[2] : "manifests-" + objects);
        String memory = args.length > 3 ? args[3] : "6GB";
        List<String> flags = args.length > 4 ? List.of(args).subList(4, args.length) : List.of();
        boolean unique = flags.contains("unique");
        boolean baseline = flags.contains("baseline") || flags.contains("baseline-group");
        boolean baselineWrite = flags.contains("baseline");
        DuckDbSettings settings = new DuckDbSettings(memory, 0, Optional.empty());
        Scenario scenario = BuiltInScenarios.load("microsoft-tiktok-2020");
        PopulationSpec real = InventoryGenerator.realPopulation(
                ((PopulationSource.Generated) scenario.population()).spec(), scenario.scale());
        System.out.printf(
                Locale.ROOT,
                "JDK %s, %d processors, max heap %.2f GiB, DuckDB memory limit %s; load average %s%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (double) (1L << 30),
                memory,
                loadAverage());

        if (!hasParquet(inventory)) {
            long t = System.nanoTime();
            new InventoryGenerator(settings)
                    .write(real, objects, 50_000_000L, inventory, InventoryFormat.PARQUET, ScanProgress.NONE);
            System.out.printf(
                    Locale.ROOT,
                    "generated %,d objects in %.1f s (%s on disk)%n",
                    objects,
                    seconds(t),
                    size(inventory));
        }
        InventorySource source = new InventorySource(
                inventory.resolve("*.parquet").toString(),
                InventoryFormat.PARQUET,
                InventoryColumns.DEFAULT,
                InventorySource.DEFAULT_SHARDS,
                unique);
        DuckDbInventoryEngine engine = new DuckDbInventoryEngine(settings);
        PopulationSource.Inventory population = new PopulationSource.Inventory(
                source, com.google.common.collect.ImmutableMap.copyOf(categories(scenario)), Optional.empty());

        long t1 = System.nanoTime();
        long cpu1 = processCpu();
        InventoryScan scan = engine.scan(source, scenario.topology(), population.categories(), ScanProgress.NONE);
        System.out.printf(
                Locale.ROOT,
                "scan + group: %,d rows in %.1f s (process CPU %.1f s); %,d groups, %,d units%n",
                scan.rowsRead(),
                seconds(t1),
                (processCpu() - cpu1) / 1e9,
                scan.groups().size(),
                scan.units().size());

        long t2 = System.nanoTime();
        Scenario scanned = new Scenario(
                scenario.name(),
                scenario.description(),
                scenario.topology(),
                population.withScan(scan),
                1,
                scenario.policy(),
                scenario.planning(),
                scenario.run(),
                scenario.assumptions());
        PlanningProblem problem =
                ScenarioPlans.problem(scanned, scanned.population().build(scanned.topology()));
        MigrationPlan plan = ScenarioPlans.plan(scanned, problem);
        System.out.printf(
                Locale.ROOT,
                "plan on units: %.1f s, %,d batches, %,d deletions%n",
                seconds(t2),
                plan.batches().size(),
                plan.deletions().size());

        if (flags.contains("scan-only")) {
            if (baseline) {
                handWritten(inventory.resolve("*.parquet").toString(), Path.of(manifests + "-baseline"), memory, false);
            }
            System.out.printf(
                    Locale.ROOT, "peak resident set (JVM + DuckDB): %s; load average %s%n", peakRss(), loadAverage());
            return;
        }
        long t3 = System.nanoTime();
        ManifestSummary summary = engine.writeManifests(
                source, scan, UnitActions.of(plan, scan), manifests, InventoryFormat.PARQUET, ScanProgress.NONE);
        System.out.printf(
                Locale.ROOT,
                "assign + write manifests: %,d rows in %d batch folders in %.1f s (%s on disk)%n",
                summary.rows(),
                summary.partitions(),
                seconds(t3),
                size(manifests));
        System.out.printf(
                Locale.ROOT, "peak resident set (JVM + DuckDB): %s; load average %s%n", peakRss(), loadAverage());
        if (baseline) {
            handWritten(
                    inventory.resolve("*.parquet").toString(), Path.of(manifests + "-baseline"), memory, baselineWrite);
            System.out.printf(
                    Locale.ROOT,
                    "peak resident set after the baseline: %s; load average %s%n",
                    peakRss(),
                    loadAverage());
        }
    }

    /**
     * Times the hand-written DuckDB job on the same inventory, in the same process and so under
     * the same load: classify and group (one GROUP BY over the group columns), then assign by a per-group
     * running byte sum into 50 batches (a window over each group ordered by id) and write the rows
     * partitioned by batch (Parquet, zstd). No carve-out filter: every object is written, as the
     * engine's manifests of the 2020 plan hold every object.
     */
    private static void handWritten(String glob, Path out, String memory, boolean write) throws Exception {
        String from = "read_parquet('" + glob + "')";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                java.sql.Statement s = c.createStatement()) {
            s.execute("SET memory_limit = '" + memory + "'");
            s.execute("SET preserve_insertion_order = false");
            long t = System.nanoTime();
            int groups = 0;
            try (java.sql.ResultSet r = s.executeQuery("SELECT home, category, sites, legal_hold, count(*),"
                    + " sum(bytes) FROM " + from + " GROUP BY ALL")) {
                while (r.next()) {
                    groups++;
                }
            }
            System.out.printf(
                    Locale.ROOT, "baseline (hand-written job) group: %d groups in %.1f s%n", groups, seconds(t));
            if (!write) {
                return;
            }
            long t2 = System.nanoTime();
            s.execute("COPY (SELECT object_id, bytes, least(49, CAST(floor(run * 50.0 / total) AS INTEGER)) AS batch"
                    + " FROM (SELECT object_id, bytes, sum(bytes) OVER (PARTITION BY home, category, sites, legal_hold"
                    + " ORDER BY object_id ROWS UNBOUNDED PRECEDING) AS run, sum(bytes) OVER (PARTITION BY home,"
                    + " category, sites, legal_hold) AS total FROM " + from + ")) TO '" + out
                    + "' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (batch))");
            System.out.printf(
                    Locale.ROOT,
                    "baseline (hand-written job) assign + write: %.1f s (%s on disk)%n",
                    seconds(t2),
                    size(out));
        }
    }

    private static java.util.Map<String, dev.residency.data.Category> categories(Scenario scenario) {
        java.util.Map<String, dev.residency.data.Category> m = new java.util.LinkedHashMap<>();
        dev.residency.data.Category.BUILT_IN.forEach(c -> m.put(c.name(), c));
        return m;
    }

    private static boolean hasParquet(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(".parquet"));
        }
    }

    /** The CPU time of the whole process (every thread, DuckDB's included), in nanoseconds. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            long bytes = s.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
            return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
        }
    }

    private static String peakRss() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
        return lines.stream()
                .filter(l -> l.startsWith("VmHWM"))
                .findFirst()
                .map(l -> l.replaceAll("\\s+", " "))
                .orElse("unknown (no /proc/self/status)");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
