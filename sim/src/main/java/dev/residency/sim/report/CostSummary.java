package dev.residency.sim.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.sim.scenario.CostInputs;
import java.util.EnumMap;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What replications of one scenario cost, in US dollars, with 95% confidence intervals: the total, each
 * kind, and each site. An estimate with no value ({@link Estimate#n()} 0) is a cost the scenario does
 * not model.
 *
 * @param totalUsd the sum of the modelled kinds
 * @param byKind each kind, in {@link CostKind} order
 * @param sites each site, in the topology's order
 * @param months the runs' length in months
 */
public record CostSummary(
        Estimate totalUsd, ImmutableMap<CostKind, Estimate> byKind, ImmutableList<Site> sites, Estimate months) {

    /**
     * One site's costs over the replications.
     *
     * @param site the site's id
     * @param gbMonths the bytes it held, in GB-months (10^9 bytes for one month), priced or not
     * @param storageUsd its storage cost
     * @param egressUsd the egress price of what it sent
     * @param buildUsd its build cost
     * @param totalUsd the sum of its modelled costs
     */
    public record Site(
            String site,
            Estimate gbMonths,
            Estimate storageUsd,
            Estimate egressUsd,
            Estimate buildUsd,
            Estimate totalUsd) {

        /** Creates a site's summary. */
        public Site {
            checkNotNull(site, "site");
            checkNotNull(gbMonths, "gbMonths");
            checkNotNull(storageUsd, "storageUsd");
            checkNotNull(egressUsd, "egressUsd");
            checkNotNull(buildUsd, "buildUsd");
            checkNotNull(totalUsd, "totalUsd");
        }

        /** Returns the estimate of {@code kind} at this site (not modelled for staff and one-off costs). */
        public Estimate usd(CostKind kind) {
            return switch (kind) {
                case STORAGE -> storageUsd;
                case EGRESS -> egressUsd;
                case BUILD -> buildUsd;
                case STAFF, ONE_OFF -> Estimate.of(Double.NaN);
            };
        }
    }

    /** Creates a summary, copying collections. */
    public CostSummary {
        checkNotNull(totalUsd, "totalUsd");
        byKind = ImmutableMap.copyOf(byKind);
        sites = ImmutableList.copyOf(sites);
        checkNotNull(months, "months");
    }

    /**
     * Summarises the costs of {@code results}, replications of one scenario.
     *
     * @throws IllegalArgumentException if {@code results} is empty or the runs have different sites
     */
    public static CostSummary of(List<RunResult> results) {
        checkNotNull(results, "results");
        checkArgument(!results.isEmpty(), "a cost summary needs at least one run");
        EnumMap<CostKind, Estimate> byKind = new EnumMap<>(CostKind.class);
        for (CostKind kind : CostKind.values()) {
            byKind.put(kind, estimate(results, r -> r.costs().usd(kind)));
        }
        int siteCount = results.get(0).costs().sites().size();
        ImmutableList.Builder<Site> sites = ImmutableList.builder();
        for (int s = 0; s < siteCount; s++) {
            int at = s;
            String id = results.get(0).costs().sites().get(s).site();
            for (RunResult r : results) {
                checkArgument(
                        r.costs().sites().size() == siteCount
                                && r.costs().sites().get(at).site().equals(id),
                        "replication %s has other sites than replication %s",
                        r.replication(),
                        results.get(0).replication());
            }
            sites.add(new Site(
                    id,
                    estimate(results, r -> site(r, at).heldByteSeconds() / 1e9 / MONTH),
                    estimate(results, r -> site(r, at).storageUsd()),
                    estimate(results, r -> site(r, at).egressUsd()),
                    estimate(results, r -> site(r, at).buildUsd()),
                    estimate(results, r -> site(r, at).totalUsd())));
        }
        return new CostSummary(
                estimate(results, r -> r.costs().totalUsd()),
                ImmutableMap.copyOf(byKind),
                sites.build(),
                estimate(results, r -> r.costs().months()));
    }

    private static final double MONTH = CostInputs.MONTH_SECONDS;

    private static SiteCost site(RunResult r, int s) {
        return r.costs().sites().get(s);
    }

    private static Estimate estimate(List<RunResult> results, ToDoubleFunction<RunResult> figure) {
        return Estimate.of(results.stream().mapToDouble(figure).toArray());
    }

    /** Returns whether {@code kind} is modelled: the scenario gives its inputs. */
    public boolean modelled(CostKind kind) {
        return byKind.get(kind).n() > 0;
    }
}
