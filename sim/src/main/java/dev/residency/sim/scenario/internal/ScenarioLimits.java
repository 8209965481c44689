package dev.residency.sim.scenario.internal;

import dev.residency.data.CategoryShare;
import dev.residency.data.PopulationSpec;
import dev.residency.sim.scenario.AggregateRow;
import dev.residency.sim.scenario.PopulationSource;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Topology;
import dev.residency.units.DataSize;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * Range checks on totals derived from several inputs, so that a scenario that validates cannot
 * overflow a {@code long} of bytes or exhaust the heap later: bytes summed over rows and replicas,
 * storage summed over sites, bytes written during the run, the number of batches, and replications
 * times the memory each keeps. Each limit is named in its message. Sums are taken exactly
 * ({@link BigInteger}) so that the check itself cannot overflow.
 */
final class ScenarioLimits {

    /**
     * The most bytes a scenario may hold or write in total: 2^60 bytes (1 EiB, about 1.15 EB), an eighth
     * of a {@code long}, so that sums of moved, deleted and remaining bytes cannot overflow.
     */
    static final long MAX_TOTAL_BYTES = 1L << 60;
    /**
     * The most storage a fleet may sum to: 2^62 bytes (4 EiB, about 4.6 EB), so that storage plus the
     * population's bytes stay below half a {@code long}.
     */
    static final long MAX_TOTAL_STORAGE = 1L << 62;
    /** The most batches a plan may be split into (total bytes over {@code planning.targetBatchSize}). */
    static final long MAX_BATCHES = 10_000_000L;
    /** The largest {@code sigma} of a generated category's record sizes (beyond it the tail is absurd). */
    static final double MAX_SIGMA = 4.0;
    /**
     * The estimated heap one replication's results keep until the report is written: about 400 samples of
     * a dozen series plus per-batch outcomes; a deliberately generous round figure.
     */
    static final long HEAP_BYTES_PER_REPLICATION = 256L << 10;

    private ScenarioLimits() {}

    /** Reports a fleet whose storage sums to more than {@link #MAX_TOTAL_STORAGE}. */
    static void storage(Node root, Topology topology) {
        BigInteger total = BigInteger.ZERO;
        for (DataCenter site : topology.sites()) {
            total = total.add(BigInteger.valueOf(site.storage().bytes()));
        }
        if (total.compareTo(BigInteger.valueOf(MAX_TOTAL_STORAGE)) > 0) {
            root.errors()
                    .add(
                            "sites",
                            "storage sums to %s, more than the limit of %s (%d bytes) a fleet may have",
                            DataSize.format(total.doubleValue()),
                            DataSize.format(MAX_TOTAL_STORAGE),
                            MAX_TOTAL_STORAGE);
        }
    }

    /**
     * Reports a population whose bytes, counted once per replica (a row on two sites holds its bytes
     * twice), sum to more than {@link #MAX_TOTAL_BYTES}; for a generated population the expected total
     * (median times e^(sigma^2/2) per record) is checked. An object inventory's bytes are known only
     * once the engine has scanned it, so it is not checked here and counts 0. Returns the
     * total in bytes, saturated.
     */
    static double populationBytes(Node root, PopulationSource source, int scale) {
        if (source instanceof PopulationSource.Inventory) {
            return 0;
        }
        if (source instanceof PopulationSource.Aggregated aggregated) {
            BigInteger total = BigInteger.ZERO;
            for (AggregateRow row : aggregated.rows()) {
                total = total.add(BigInteger.valueOf(row.totalBytes())
                        .multiply(BigInteger.valueOf(row.sites().size())));
            }
            if (total.compareTo(BigInteger.valueOf(MAX_TOTAL_BYTES)) > 0) {
                root.errors()
                        .add(
                                root.field("population").field("rows").present() ? "population.rows" : "population.csv",
                                "bytes sum to %s over the rows and their replicas, more than the limit of %s (%d bytes)"
                                        + " a scenario may hold",
                                DataSize.format(total.doubleValue()),
                                DataSize.format(MAX_TOTAL_BYTES),
                                MAX_TOTAL_BYTES);
            }
            return total.doubleValue();
        }
        PopulationSpec spec = ((PopulationSource.Generated) source).spec();
        double weights =
                spec.categories().stream().mapToDouble(CategoryShare::weight).sum();
        double meanBytes = 0;
        for (CategoryShare share : spec.categories()) {
            meanBytes +=
                    share.weight() / weights * share.medianSize().bytes() * Math.exp(share.sigma() * share.sigma() / 2);
        }
        int replicas =
                spec.placements().values().stream().mapToInt(List::size).max().orElse(1);
        replicas = Math.max(replicas, spec.defaultPlacement().map(List::size).orElse(1));
        double total = spec.expectedRecords() * meanBytes * replicas;
        if (total > MAX_TOTAL_BYTES) {
            root.errors()
                    .add(
                            "population",
                            "about %s of records are expected at scale %d (records times mean size times up to %d"
                                    + " replicas), more than the limit of %s (%d bytes) a scenario may hold",
                            DataSize.format(total),
                            scale,
                            replicas,
                            DataSize.format(MAX_TOTAL_BYTES),
                            MAX_TOTAL_BYTES);
        }
        return total;
    }

    /** Reports a batch size so small that the plan would have more than {@link #MAX_BATCHES} batches. */
    static void batches(Node root, double populationBytes, long targetBatchBytes) {
        double batches = populationBytes / targetBatchBytes;
        if (batches > MAX_BATCHES) {
            root.errors()
                    .add(
                            "planning.targetBatchSize",
                            "\"%s\" splits the %s of records into about %s batches, more than the limit of %s;"
                                    + " choose at least %s",
                            DataSize.format(targetBatchBytes),
                            DataSize.format(populationBytes),
                            count(batches),
                            count(MAX_BATCHES),
                            DataSize.format(Math.ceil(populationBytes / MAX_BATCHES)));
        }
    }

    /**
     * Reports replications whose results would take more than half the heap at {@link
     * #HEAP_BYTES_PER_REPLICATION} each ({@code run.replications} itself is at most {@link
     * RunSettings#MAX_REPLICATIONS}).
     */
    static void replications(Node root, RunSettings run, long maxHeapBytes) {
        int n = run.replications();
        double need = (double) n * HEAP_BYTES_PER_REPLICATION;
        double budget = maxHeapBytes * ScenarioChecks.HEAP_SHARE;
        if (need > budget) {
            root.errors()
                    .add(
                            "run.replications",
                            "%d replications keep about %s of results, more than the %s available (half of -Xmx %s);"
                                    + " use at most %d",
                            n,
                            DataSize.format(need),
                            DataSize.format(budget),
                            DataSize.format(maxHeapBytes),
                            (long) (budget / HEAP_BYTES_PER_REPLICATION));
        }
    }

    /** Reports live writes that would add more than {@link #MAX_TOTAL_BYTES} over the run's horizon. */
    static void liveWrites(Node root, RunSettings run, PopulationSource source) {
        double days = run.horizon().toSeconds() / 86_400.0;
        double total = 0;
        for (var e : run.liveWrites().entrySet()) {
            long users = source.users().getOrDefault(e.getKey(), 0L);
            total += (double) e.getValue().bytesPerUserPerDay() * users * days;
        }
        if (total > MAX_TOTAL_BYTES) {
            root.errors()
                    .add(
                            "run.liveWrites",
                            "would write about %s over the %s-day horizon, more than the limit of %s (%d bytes)",
                            DataSize.format(total),
                            count(days),
                            DataSize.format(MAX_TOTAL_BYTES),
                            MAX_TOTAL_BYTES);
        }
    }

    private static String count(double n) {
        return String.format(Locale.ROOT, "%,d", (long) n);
    }
}
