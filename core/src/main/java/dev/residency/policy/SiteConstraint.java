package dev.residency.policy;

import com.google.common.collect.ImmutableSortedSet;
import dev.residency.geo.Jurisdiction;
import dev.residency.topology.DataCenter;
import java.util.stream.Collectors;

/**
 * A predicate over data centers: which places a rule allows. A site satisfies it when its
 * jurisdiction is in {@code jurisdictions} (or that set is empty) <em>and</em> its operator is in
 * {@code operators} (or that set is empty). Project Texas's "in the US and run by Oracle" is both
 * sets given.
 *
 * @param jurisdictions allowed jurisdictions; empty means any
 * @param operators allowed operators, compared exactly; empty means any
 */
public record SiteConstraint(ImmutableSortedSet<Jurisdiction> jurisdictions, ImmutableSortedSet<String> operators) {

    /** Allows every data center. */
    public static final SiteConstraint ANY = new SiteConstraint(ImmutableSortedSet.of(), ImmutableSortedSet.of());

    /** Creates a constraint, copying the sets. */
    public SiteConstraint {
        jurisdictions = ImmutableSortedSet.copyOf(jurisdictions);
        operators = ImmutableSortedSet.copyOf(operators);
    }

    /** Returns a constraint allowing sites in any of {@code jurisdictions}, whoever runs them. */
    public static SiteConstraint in(Iterable<Jurisdiction> jurisdictions) {
        return new SiteConstraint(ImmutableSortedSet.copyOf(jurisdictions), ImmutableSortedSet.of());
    }

    /** Returns a constraint allowing sites in any of {@code jurisdictions}, whoever runs them. */
    public static SiteConstraint in(Jurisdiction... jurisdictions) {
        return new SiteConstraint(ImmutableSortedSet.copyOf(jurisdictions), ImmutableSortedSet.of());
    }

    /** Returns this constraint further limited to sites run by one of {@code operators}. */
    public SiteConstraint operatedBy(String... operators) {
        return new SiteConstraint(jurisdictions, ImmutableSortedSet.copyOf(operators));
    }

    /** Returns whether {@code site} satisfies the constraint. */
    public boolean allows(DataCenter site) {
        return (jurisdictions.isEmpty() || jurisdictions.contains(site.jurisdiction()))
                && (operators.isEmpty() || operators.contains(site.operator()));
    }

    @Override
    public String toString() {
        if (jurisdictions.isEmpty() && operators.isEmpty()) {
            return "anywhere";
        }
        String where = jurisdictions.isEmpty()
                ? "any jurisdiction"
                : "in " + jurisdictions.stream().map(Jurisdiction::code).collect(Collectors.joining(","));
        return operators.isEmpty() ? where : where + " run by " + String.join(" or ", operators);
    }
}
