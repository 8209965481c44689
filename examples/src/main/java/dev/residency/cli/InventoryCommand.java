package dev.residency.cli;

import dev.residency.data.PopulationSpec;
import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.duckdb.DuckDbSettings;
import dev.residency.inventory.duckdb.InventoryGenerator;
import dev.residency.sim.scenario.PopulationSource;
import dev.residency.sim.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code residency inventory}: writes a synthetic object inventory from a scenario's generated
 * population, at the real (unscaled) size by default or at any size asked, and prints the {@code
 * population} section that reads it back.
 */
@Command(
        name = "inventory",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a synthetic object inventory (Parquet or CSV, one row per object) from the scenario's",
            "population parameters: by default at full scale (the scenario's scale undone), else --objects rows."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:done",
            "1:internal error (a bug)",
            "2:bad scenario or flag; nothing written",
            "3:the inventory could not be written"
        })
final class InventoryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a built-in scenario's name or a YAML file")
    private String scenarioName;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "a new or empty folder")
    private Path out;

    @Option(names = "--objects", paramLabel = "N", description = "rows to write (default: the real population)")
    private Long objects;

    @Option(names = "--format", paramLabel = "FORMAT", description = "parquet or csv (default: parquet)")
    private String format = "parquet";

    @Option(names = "--rows-per-file", paramLabel = "N", description = "rows per file (default: 50,000,000)")
    private long rowsPerFile = 50_000_000L;

    @Option(names = "--quiet", description = "no progress bar")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        InventoryFormat fileFormat = InventoryFormat.byName(format)
                .orElseThrow(() -> new BadInputException(
                        "--format: \"" + format + "\" is not an inventory format (use parquet or csv)"));
        if (objects != null && objects < 1) {
            throw new BadInputException("--objects: \"" + objects + "\" must be at least 1");
        }
        if (rowsPerFile < 1) {
            throw new BadInputException("--rows-per-file: \"" + rowsPerFile + "\" must be at least 1");
        }
        if (Files.exists(out)
                && (!Files.isDirectory(out) || Files.list(out).findAny().isPresent())) {
            throw new BadInputException("--out: \"" + out + "\" exists and is not an empty folder");
        }
        Scenario scenario = ScenarioArgument.load(scenarioName, false);
        if (!(scenario.population() instanceof PopulationSource.Generated generated)) {
            throw new BadInputException("scenario \"" + scenario.name()
                    + "\": only a generated population (population.users, categories, placements) can be"
                    + " written as an inventory");
        }
        PopulationSpec real;
        try {
            real = InventoryGenerator.realPopulation(generated.spec(), scenario.scale());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("population: " + e.getMessage());
        }
        long rows = objects != null ? objects : Math.round(real.expectedRecords());
        ProgressBar progress = ProgressBar.forTerminal(quiet);
        progress.stage("writing the inventory");
        long started = System.nanoTime();
        new InventoryGenerator(DuckDbSettings.DEFAULTS)
                .write(real, rows, rowsPerFile, out, fileFormat, (stage, f) -> progress.update((int) (f * 1000), 1000));
        progress.finish();
        PrintWriter console = spec.commandLine().getOut();
        console.printf(
                Locale.ROOT,
                "Wrote %,d objects of %s in %.1f s to %s. To plan them, give the scenario:%n%n"
                        + "population:%n  inventory:%n    path: %s%n    format: %s%n    uniqueIds: true%n",
                rows,
                scenario.name(),
                (System.nanoTime() - started) / 1e9,
                out,
                out.toAbsolutePath().resolve("*." + fileFormat.fileName()),
                fileFormat.fileName());
        console.flush();
        return ExitCodes.OK;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
