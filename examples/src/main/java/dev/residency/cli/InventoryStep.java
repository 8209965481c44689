package dev.residency.cli;

import dev.residency.inventory.InventoryException;
import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.InventoryReport;
import dev.residency.inventory.InventoryScan;
import dev.residency.inventory.ManifestSummary;
import dev.residency.inventory.UnitActions;
import dev.residency.inventory.duckdb.DuckDbInventoryEngine;
import dev.residency.inventory.duckdb.DuckDbSettings;
import dev.residency.plan.MigrationPlan;
import dev.residency.sim.scenario.PopulationSource;
import dev.residency.sim.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedded inventory engine in the commands: {@code plan} and {@code run} of a scenario whose
 * population is an object inventory scan it with DuckDB before planning (a bad inventory is refused
 * with exit status 2), plan on its units, and write the per-batch manifests into the report folder's
 * {@code manifests} sub-folder. The manifests are written beside the folder first and moved in only
 * after the report, so a failure leaves nothing half-written.
 */
final class InventoryStep {

    private final DuckDbInventoryEngine engine;
    private final InventoryScan scan;
    private final PopulationSource.Inventory population;
    private final double scanSeconds;

    private InventoryStep(
            DuckDbInventoryEngine engine, InventoryScan scan, PopulationSource.Inventory population, double seconds) {
        this.engine = engine;
        this.scan = scan;
        this.population = population;
        this.scanSeconds = seconds;
    }

    /**
     * Scans {@code scenario}'s inventory, if its population is one.
     *
     * @throws BadInputException if the inventory is refused (the message names field, column and row)
     */
    static Optional<InventoryStep> scan(Scenario scenario, ProgressBar progress, int threads) {
        if (!(scenario.population() instanceof PopulationSource.Inventory inventory)) {
            return Optional.empty();
        }
        DuckDbSettings defaults = DuckDbSettings.DEFAULTS;
        DuckDbInventoryEngine engine = new DuckDbInventoryEngine(
                new DuckDbSettings(defaults.memoryLimit(), threads, defaults.tempDirectory()));
        progress.stage("scanning the inventory");
        long started = System.nanoTime();
        try {
            InventoryScan scan = engine.scan(
                    inventory.source(),
                    scenario.topology(),
                    inventory.categories(),
                    (stage, fraction) -> progress.update((int) Math.round(fraction * 1000), 1000));
            return Optional.of(
                    new InventoryStep(engine, scan, inventory.withScan(scan), (System.nanoTime() - started) / 1e9));
        } catch (InventoryException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** Returns {@code scenario} with the scanned inventory as its population. */
    Scenario scanned(Scenario scenario) {
        return new Scenario(
                scenario.name(),
                scenario.description(),
                scenario.topology(),
                population,
                scenario.scale(),
                scenario.policy(),
                scenario.planning(),
                scenario.run(),
                scenario.assumptions());
    }

    /** Manifests written beside the report folder, to be moved into it. */
    record Staged(Path folder, ManifestSummary summary, double seconds) {}

    /**
     * Writes {@code plan}'s manifests into a hidden folder beside {@code target}.
     *
     * @throws IOException if they cannot be written (the hidden folder is removed)
     * @throws BadInputException if the inventory changed since the scan
     */
    Staged writeManifests(MigrationPlan plan, Path target, InventoryFormat format, ProgressBar progress)
            throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = parent.resolve(".residency-manifests-" + System.nanoTime());
        progress.stage("writing manifests");
        long started = System.nanoTime();
        try {
            ManifestSummary summary = engine.writeManifests(
                    population.source(),
                    scan,
                    UnitActions.of(plan, scan),
                    staging,
                    format,
                    (stage, fraction) -> progress.update((int) Math.round(fraction * 1000), 1000));
            return new Staged(staging, summary, (System.nanoTime() - started) / 1e9);
        } catch (InventoryException e) {
            deleteQuietly(staging);
            throw new BadInputException(e.getMessage());
        } catch (IOException | RuntimeException e) {
            deleteQuietly(staging);
            throw e;
        }
    }

    /** Moves the staged manifests into {@code target}/manifests, once the report folder exists. */
    static Path publish(Staged staged, Path target) throws IOException {
        Path into = target.resolve("manifests");
        Files.move(staged.folder(), into);
        return into;
    }

    /** Returns the inventory section of the report: rows read, groups, units, outcomes, manifests. */
    String report(MigrationPlan plan, Staged staged, Path manifests) {
        return InventoryReport.scan(population.source(), scan, engine.name(), scanSeconds)
                + InventoryReport.outcomes(UnitActions.of(plan, scan), scan)
                + InventoryReport.manifests(
                        staged.summary().rows(),
                        staged.summary().partitions(),
                        staged.summary().format(),
                        staged.seconds(),
                        manifests.toString());
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the staging folder is hidden and named as such
        }
    }
}
