package dev.residency.sim.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * What one site cost in one run, in US dollars; NaN where the scenario gives no price (not modelled,
 * which is not zero).
 *
 * @param site the site's id
 * @param heldByteSeconds the bytes it held (live copies of the population and of the migration, and
 *     backups of deleted copies) integrated over the run, whether priced or not
 * @param storageUsd {@code heldByteSeconds} at the site's storage price, or NaN
 * @param egressUsd the egress price of the bytes sent from it, or NaN if no link has a price
 * @param buildUsd its one-off build cost, or NaN
 */
public record SiteCost(String site, double heldByteSeconds, double storageUsd, double egressUsd, double buildUsd)
        implements java.io.Serializable {

    /** Creates a site's cost; the byte-seconds must not be negative. */
    public SiteCost {
        checkNotNull(site, "site");
        checkArgument(heldByteSeconds >= 0, "heldByteSeconds must not be negative, was %s", heldByteSeconds);
    }

    /** Returns the cost of {@code kind} at this site: NaN if not modelled, and NaN for kinds not kept per site. */
    public double usd(CostKind kind) {
        return switch (kind) {
            case STORAGE -> storageUsd;
            case EGRESS -> egressUsd;
            case BUILD -> buildUsd;
            case STAFF, ONE_OFF -> Double.NaN;
        };
    }

    /** Returns the sum of the modelled costs at this site, or NaN if none is modelled. */
    public double totalUsd() {
        return RunCosts.sumModelled(storageUsd, egressUsd, buildUsd);
    }
}
