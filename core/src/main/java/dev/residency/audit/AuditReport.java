package dev.residency.audit;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.residency.geo.Jurisdiction;

/**
 * The result of a {@link ComplianceAudit}: what violates a policy, broken down by home jurisdiction,
 * category and data center, and what is blocked.
 *
 * <p>Two kinds of count appear. <em>Records</em> views ({@link #violating()}, {@link
 * #byJurisdiction()}, {@link #byCategory()}) count each violating record once with its size,
 * however many violating copies it has. <em>Copies</em> views ({@link #cells()}, {@link
 * #byDataCenter()}) count each violating copy at the data center that holds it. So the jurisdiction
 * and category breakdowns each add up to {@link #violating()}, and the data-center breakdown adds up
 * to the copies in the cells.
 *
 * @param policy the audited policy's name
 * @param total every record of the store, once
 * @param violating records with at least one copy where their rule does not allow it
 * @param excepted records a rule would govern but exempts by exception (e.g. public content)
 * @param byJurisdiction violating records per home jurisdiction
 * @param byCategory violating records per category name
 * @param byDataCenter violating copies per data center id
 * @param cells violating copies per (jurisdiction, category, data center), sorted
 * @param blocked violating records that can be neither moved nor deleted, by rule and reason
 */
public record AuditReport(
        String policy,
        Tally total,
        Tally violating,
        Tally excepted,
        ImmutableSortedMap<Jurisdiction, Tally> byJurisdiction,
        ImmutableSortedMap<String, Tally> byCategory,
        ImmutableSortedMap<String, Tally> byDataCenter,
        ImmutableList<AuditCell> cells,
        ImmutableList<Blocked> blocked) {

    /** Creates a report, copying the collections. */
    public AuditReport {
        checkNotNull(policy, "policy");
        checkNotNull(total, "total");
        checkNotNull(violating, "violating");
        checkNotNull(excepted, "excepted");
        byJurisdiction = ImmutableSortedMap.copyOf(byJurisdiction);
        byCategory = ImmutableSortedMap.copyOf(byCategory);
        byDataCenter = ImmutableSortedMap.copyOf(byDataCenter);
        cells = ImmutableList.copyOf(cells);
        blocked = ImmutableList.copyOf(blocked);
    }

    /** Returns the share of bytes that complies, in [0, 1]; 1 for an empty store. */
    public double compliantShare() {
        return total.bytes() == 0 ? 1 : 1 - (double) violating.bytes() / total.bytes();
    }

    /** Returns whether nothing violates. */
    public boolean isCompliant() {
        return violating.records() == 0;
    }

    /** Returns the blocked records summed over all rules and reasons. */
    public Tally blockedTotal() {
        return blocked.stream().map(Blocked::tally).reduce(Tally.ZERO, Tally::plus);
    }
}
