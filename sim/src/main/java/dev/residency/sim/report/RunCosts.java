package dev.residency.sim.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;

/**
 * What one run cost, in US dollars, by kind and by site. A kind whose inputs the scenario does not give
 * is NaN, "not modelled", never zero. Storage accrues from the start to the end of the run (full
 * compliance, or the horizon), staff per month of that same span.
 *
 * @param sites per site, in the topology's order
 * @param months the run's length in months ({@link dev.residency.sim.scenario.CostInputs#MONTH_SECONDS})
 * @param staffUsd the staff cost over {@code months}, or NaN
 * @param oneOffUsd the programme's other one-off costs, or NaN
 */
public record RunCosts(ImmutableList<SiteCost> sites, double months, double staffUsd, double oneOffUsd)
        implements java.io.Serializable {

    /** Creates a run's costs, copying the list. */
    public RunCosts {
        sites = ImmutableList.copyOf(checkNotNull(sites, "sites"));
        checkArgument(months >= 0, "months must not be negative, was %s", months);
    }

    /** Returns the cost of {@code kind} over all sites, or NaN if it is not modelled. */
    public double usd(CostKind kind) {
        return switch (kind) {
            case STAFF -> staffUsd;
            case ONE_OFF -> oneOffUsd;
            default -> sumModelled(sites.stream().mapToDouble(s -> s.usd(kind)).toArray());
        };
    }

    /** Returns the sum of every modelled kind, or NaN if none is. */
    public double totalUsd() {
        double[] kinds = new double[CostKind.values().length];
        for (CostKind kind : CostKind.values()) {
            kinds[kind.ordinal()] = usd(kind);
        }
        return sumModelled(kinds);
    }

    /** Returns the sum of the values that are not NaN, or NaN if all are. */
    static double sumModelled(double... values) {
        double sum = 0;
        boolean any = false;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                any = true;
            }
        }
        return any ? sum : Double.NaN;
    }
}
