package dev.residency.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.geo.Jurisdiction;
import dev.residency.topology.Topology;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.commons.math3.distribution.EnumeratedIntegerDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Builds a {@link RecordStore} from a {@link PopulationSpec}, drawing from Commons Math
 * distributions on one {@link Well19937c} stream seeded by the spec: records per user are 1 +
 * Poisson(mean - 1), categories come from an enumerated distribution over the weights, sizes are
 * log-normal per category, and legal hold is a Bernoulli draw per record. Users are numbered
 * consecutively from 0 in the spec's jurisdiction order. Everything is drawn in one fixed order on
 * one thread, so the same spec gives the same store bit for bit. Stateless and thread-safe.
 */
public final class PopulationGenerator {

    private PopulationGenerator() {}

    /**
     * Generates the population of {@code spec} placed on {@code topology}.
     *
     * @throws IllegalArgumentException if a placement names a data center the topology does not have,
     *     or the expected population does not fit in one store
     */
    public static RecordStore generate(PopulationSpec spec, Topology topology) {
        checkNotNull(spec, "spec");
        checkNotNull(topology, "topology");
        double expected = spec.expectedRecords();
        checkArgument(
                expected < Integer.MAX_VALUE * 0.95,
                "a population of about %s records does not fit in one store (at most %s)",
                (long) expected,
                Integer.MAX_VALUE);
        RandomGenerator rng = new Well19937c(spec.seed());
        RecordStore.Builder builder =
                RecordStore.builder(topology, (int) Math.min(Integer.MAX_VALUE - 8, expected * 1.01 + 1024));

        int categoryCount = spec.categories().size();
        int[] categoryIndex = new int[categoryCount];
        double[] weights = new double[categoryCount];
        double[] logMedian = new double[categoryCount];
        double[] sigma = new double[categoryCount];
        for (int c = 0; c < categoryCount; c++) {
            CategoryShare share = spec.categories().get(c);
            categoryIndex[c] = builder.category(share.category());
            weights[c] = share.weight();
            logMedian[c] = Math.log(share.medianSize().bytes());
            sigma[c] = share.sigma();
        }
        int[] values = new int[categoryCount];
        for (int c = 0; c < categoryCount; c++) {
            values[c] = c;
        }
        EnumeratedIntegerDistribution categoryDraw = new EnumeratedIntegerDistribution(rng, values, weights);
        double extra = spec.meanRecordsPerUser() - 1;
        PoissonDistribution extraRecords = extra > 0
                ? new PoissonDistribution(
                        rng, extra, PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS)
                : null;
        double hold = spec.legalHoldFraction();

        int user = 0;
        for (Map.Entry<Jurisdiction, Integer> entry : spec.users().entrySet()) {
            Jurisdiction home = entry.getKey();
            int homeIndex = builder.jurisdiction(home);
            if (entry.getValue() == 0) {
                // The spec lets a jurisdiction without users go without a placement.
                continue;
            }
            int replicaSet = builder.replicaSet(siteIndices(topology, home, spec.placementOf(home)));
            for (int u = 0; u < entry.getValue(); u++, user++) {
                int records = 1 + (extraRecords == null ? 0 : extraRecords.sample());
                for (int r = 0; r < records; r++) {
                    int c = categoryDraw.sample();
                    long bytes = sigma[c] == 0
                            ? Math.round(Math.exp(logMedian[c]))
                            : Math.max(1, Math.round(Math.exp(logMedian[c] + sigma[c] * rng.nextGaussian())));
                    boolean held = hold > 0 && rng.nextDouble() < hold;
                    builder.add(user, homeIndex, categoryIndex[c], bytes, replicaSet, held);
                }
            }
        }
        return builder.build();
    }

    private static int[] siteIndices(Topology topology, Jurisdiction home, ImmutableList<String> ids) {
        int[] sites = new int[ids.size()];
        for (int i = 0; i < sites.length; i++) {
            OptionalInt index = topology.indexOf(ids.get(i));
            checkArgument(index.isPresent(), "placement of %s names unknown data center \"%s\"", home, ids.get(i));
            sites[i] = index.getAsInt();
        }
        return sites;
    }
}
