package dev.residency.inventory.duckdb;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.data.CategoryShare;
import dev.residency.data.PopulationSpec;
import dev.residency.geo.Jurisdiction;
import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.ManifestFolder;
import dev.residency.inventory.ScanProgress;
import dev.residency.units.DataSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBPreparedStatement;

/**
 * Writes a synthetic object inventory with the default columns ({@link
 * dev.residency.inventory.InventoryColumns#DEFAULT}) from a population's parameters, at any size: the
 * rows are computed by DuckDB from {@code range(objects)} and copied to files without passing through
 * Java, so 10^9 rows need no more heap than 10^3.
 *
 * <p>Object {@code i}: homes take consecutive blocks of ids in the spec's order, each block as large as
 * the home's share of users; the category is drawn by weight, the size log-normally around the
 * category's median with its sigma (at least 1 byte), legal hold with the spec's fraction, and the
 * sites are the home's placement. Draws come from DuckDB's {@code hash} of (id, seed, draw number), so
 * the same spec, size and DuckDB version give the same rows; object ids are unique.
 *
 * <p>Parquet files are written with zstd and Parquet 2 encodings ({@code PARQUET_VERSION V2}, as the
 * manifests are): the integer columns delta-encoded, the text columns dictionary-encoded. Every reader
 * of Parquet 2 reads them (DuckDB, Spark, Arrow); they are about a quarter smaller than with Parquet 1's
 * plain integers, and an engine decodes their id and size columns for a good deal less CPU (at 10^8
 * rows the checking scan took about 30 % less time; docs/inventories.md, "The inventory's encodings,
 * and the shard's SQL form").
 */
public final class InventoryGenerator {

    private final DuckDbInventoryEngine engine;

    /** Creates a generator using DuckDB with {@code settings}. */
    public InventoryGenerator(DuckDbSettings settings) {
        this.engine = new DuckDbInventoryEngine(checkNotNull(settings, "settings"));
    }

    /**
     * Writes {@code objects} rows of {@code spec}'s population into the new or empty folder {@code
     * directory}, as files of about {@code rowsPerFile} rows ({@code data_N.parquet} or {@code
     * data_N.csv}).
     *
     * @throws IllegalArgumentException if {@code objects} or {@code rowsPerFile} is not positive, or the
     *     spec has no users
     * @throws IOException if the folder is not empty or cannot be written; the files written before the
     *     failure are then deleted (and the folder, if this call created it)
     */
    public void write(
            PopulationSpec spec,
            long objects,
            long rowsPerFile,
            Path directory,
            InventoryFormat format,
            ScanProgress progress)
            throws IOException {
        checkNotNull(spec, "spec");
        checkArgument(objects > 0, "objects must be positive, was %s", objects);
        checkArgument(rowsPerFile > 0, "rowsPerFile must be positive, was %s", rowsPerFile);
        checkArgument(spec.totalUsers() > 0, "the population has no users");
        boolean created = !Files.exists(directory);
        ManifestFolder.prepare(directory);
        String select = select(spec, objects);
        long files = (objects + rowsPerFile - 1) / rowsPerFile;
        List<Path> written = new ArrayList<>();
        try (Connection c = engine.connect()) {
            for (long f = 0; f < files; f++) {
                long from = f * rowsPerFile;
                long to = Math.min(objects, from + rowsPerFile);
                String options = format == InventoryFormat.PARQUET
                        ? "FORMAT parquet, COMPRESSION zstd, PARQUET_VERSION V2, ROW_GROUP_SIZE 1048576"
                        : "FORMAT csv, HEADER true";
                Path file = directory.resolve("data_" + f + "." + format.fileName());
                written.add(file);
                String sql =
                        "COPY (" + select.replace("%FROM%", Long.toString(from)).replace("%TO%", Long.toString(to))
                                + ") TO " + Sql.literal(file.toString()) + " (" + options + ")";
                try (DuckDBPreparedStatement s = c.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class)) {
                    s.execute();
                }
                progress.update("generating", (double) to / objects);
            }
        } catch (SQLException e) {
            IOException failure =
                    new IOException("cannot write the inventory to " + directory + ": " + e.getMessage(), e);
            removePartial(written, created ? directory : null, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            removePartial(written, created ? directory : null, e);
            throw e;
        }
    }

    /**
     * Deletes the files of an inventory whose writing failed (a full disk, an interrupted progress
     * listener), and the folder if this writer created it, so that a failed write leaves nothing that
     * could be taken for a complete inventory. Failures to delete are added to {@code failure} as
     * suppressed exceptions.
     */
    private static void removePartial(List<Path> written, Path createdFolder, Throwable failure) {
        for (Path file : written) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
        if (createdFolder != null) {
            try {
                Files.deleteIfExists(createdFolder);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * Returns {@code spec} with a scenario's scale undone, the real population: users multiplied by
     * {@code scale}, median sizes divided by it (at least 1 byte).
     *
     * @throws IllegalArgumentException if a jurisdiction's real users exceed {@link Integer#MAX_VALUE}
     */
    public static PopulationSpec realPopulation(PopulationSpec spec, int scale) {
        checkNotNull(spec, "spec");
        checkArgument(scale >= 1, "scale must be at least 1, was %s", scale);
        PopulationSpec.Builder b = PopulationSpec.builder()
                .seed(spec.seed())
                .meanRecordsPerUser(spec.meanRecordsPerUser())
                .legalHoldFraction(spec.legalHoldFraction());
        for (Map.Entry<Jurisdiction, Integer> e : spec.users().entrySet()) {
            long users = (long) e.getValue() * scale;
            checkArgument(
                    users <= Integer.MAX_VALUE,
                    "%s real users of %s are more than the generator takes (%s)",
                    users,
                    e.getKey(),
                    Integer.MAX_VALUE);
            b.users(e.getKey(), (int) users);
            if (e.getValue() > 0) {
                b.place(e.getKey(), spec.placementOf(e.getKey()).toArray(String[]::new));
            }
        }
        for (CategoryShare s : spec.categories()) {
            b.category(new CategoryShare(
                    s.category(),
                    s.weight(),
                    DataSize.ofBytes(Math.max(1, s.medianSize().bytes() / scale)),
                    s.sigma()));
        }
        return b.build();
    }

    /** Returns the SELECT of rows %FROM% to %TO%. */
    static String select(PopulationSpec spec, long objects) {
        long seed = spec.seed();
        String u1 = uniform(seed, 1);
        String u2 = uniform(seed, 2);
        String u3 = uniform(seed, 3);
        String u4 = uniform(seed, 4);

        // Homes: consecutive blocks of ids in proportion to users.
        List<Map.Entry<Jurisdiction, Integer>> homes = new ArrayList<>();
        spec.users().entrySet().stream().filter(e -> e.getValue() > 0).forEach(homes::add);
        long users = spec.totalUsers();
        StringBuilder home = new StringBuilder("CASE");
        StringBuilder sites = new StringBuilder("CASE");
        long cumulative = 0;
        for (int h = 0; h < homes.size(); h++) {
            cumulative += homes.get(h).getValue();
            long end = h == homes.size() - 1 ? objects : (long) Math.floor((double) objects * cumulative / users);
            Jurisdiction j = homes.get(h).getKey();
            home.append(" WHEN i < ").append(end).append(" THEN ").append(Sql.literal(j.code()));
            sites.append(" WHEN i < ")
                    .append(end)
                    .append(" THEN ")
                    .append(Sql.literal(String.join(";", spec.placementOf(j))));
        }
        home.append(" END");
        sites.append(" END");

        // Categories by weight: one CASE for the name, and the size's log-median and sigma per category.
        double total =
                spec.categories().stream().mapToDouble(CategoryShare::weight).sum();
        StringBuilder category = new StringBuilder("CASE");
        StringBuilder logMedian = new StringBuilder("CASE");
        StringBuilder sigma = new StringBuilder("CASE");
        double acc = 0;
        for (int k = 0; k < spec.categories().size(); k++) {
            CategoryShare share = spec.categories().get(k);
            acc += share.weight() / total;
            String bound = k == spec.categories().size() - 1 ? "2" : String.format(Locale.ROOT, "%.17g", acc);
            String when = " WHEN u1 < " + bound + " THEN ";
            category.append(when).append(Sql.literal(share.category().name()));
            logMedian
                    .append(when)
                    .append(String.format(
                            Locale.ROOT, "%.17g", Math.log(share.medianSize().bytes())));
            sigma.append(when).append(String.format(Locale.ROOT, "%.17g", share.sigma()));
        }
        category.append(" END");
        logMedian.append(" END");
        sigma.append(" END");

        String hold = spec.legalHoldFraction() > 0
                ? "u4 < " + String.format(Locale.ROOT, "%.17g", spec.legalHoldFraction())
                : "false";
        // Box–Muller: z = sqrt(-2 ln u2) cos(2π u3), with u2 kept away from 0.
        String z = "sqrt(-2 * ln(greatest(u2, 1e-300))) * cos(2 * pi() * u3)";
        return "SELECT i AS object_id, " + home + " AS home, " + category + " AS category, " + sites
                + " AS sites, CAST(greatest(1, round(exp(" + logMedian + " + " + sigma + " * " + z
                + "))) AS BIGINT) AS bytes, " + hold + " AS legal_hold FROM (SELECT i, " + u1 + " AS u1, " + u2
                + " AS u2, " + u3 + " AS u3, " + u4 + " AS u4 FROM (SELECT range AS i FROM range(%FROM%, %TO%)))";
    }

    private static String uniform(long seed, int draw) {
        return "(hash(i, " + seed + ", " + draw + ") / 18446744073709551616.0)";
    }
}
