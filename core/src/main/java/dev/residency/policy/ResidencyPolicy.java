package dev.residency.policy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import dev.residency.data.Category;
import dev.residency.geo.Jurisdiction;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A residency policy: an ordered list of rules, the sites data may pass through on its way, and the
 * order in which categories are saved when not everything can be.
 *
 * <p><b>Precedence.</b> A record is governed by the <em>first</em> rule, in list order, that
 * selects it (as firewall rule lists work); later rules that also select it are ignored. Put specific
 * rules (one category, one jurisdiction) before broad ones. A record no rule selects is unconstrained
 * and never violates.
 *
 * @param name a name for reports
 * @param rules the rules in precedence order; names unique
 * @param transit sites that data may pass through (store-and-forward) although its rule does not
 *     allow it to stay there; a record's allowed sites are always usable for transit
 * @param keepPriority per category name, how much it matters to save (move rather than delete) when a
 *     deadline cannot be met for all data: higher is saved first; absent categories have priority 0
 * @param staging ids of the sites where data passing through may be stored while it waits for a later
 *     link (holdover: a staging copy, deleted once the data is cut over at its destination), although
 *     its rule does not allow it to stay there; such a site must also be usable for transit. Empty by
 *     default: data then waits only at its source.
 */
public record ResidencyPolicy(
        String name,
        ImmutableList<Rule> rules,
        SiteConstraint transit,
        ImmutableMap<String, Integer> keepPriority,
        ImmutableSortedSet<String> staging) {

    /**
     * Creates a policy.
     *
     * @throws IllegalArgumentException if the name is blank or two rules share a name
     */
    public ResidencyPolicy {
        checkNotNull(name, "name");
        checkNotNull(transit, "transit");
        checkArgument(!name.isBlank(), "policy name must not be blank");
        rules = ImmutableList.copyOf(rules);
        keepPriority = ImmutableMap.copyOf(keepPriority);
        staging = ImmutableSortedSet.copyOf(checkNotNull(staging, "staging"));
        Set<String> names = new HashSet<>();
        for (Rule rule : rules) {
            checkArgument(names.add(rule.name()), "policy %s: duplicate rule name \"%s\"", name, rule.name());
        }
    }

    /** Creates a policy without staging sites. */
    public ResidencyPolicy(
            String name,
            ImmutableList<Rule> rules,
            SiteConstraint transit,
            ImmutableMap<String, Integer> keepPriority) {
        this(name, rules, transit, keepPriority, ImmutableSortedSet.of());
    }

    /** Returns a policy of {@code rules}, any site usable for transit, and no category priorities. */
    public static ResidencyPolicy of(String name, Rule... rules) {
        return new ResidencyPolicy(name, ImmutableList.copyOf(rules), SiteConstraint.ANY, ImmutableMap.of());
    }

    /** Returns this policy with other transit sites. */
    public ResidencyPolicy withTransit(SiteConstraint newTransit) {
        return new ResidencyPolicy(name, rules, newTransit, keepPriority, staging);
    }

    /** Returns this policy with other staging sites (ids of data centers where data may wait in transit). */
    public ResidencyPolicy withStaging(Iterable<String> siteIds) {
        return new ResidencyPolicy(name, rules, transit, keepPriority, ImmutableSortedSet.copyOf(siteIds));
    }

    /** Returns this policy with other keep priorities. */
    public ResidencyPolicy withKeepPriority(ImmutableMap<String, Integer> priorities) {
        return new ResidencyPolicy(name, rules, transit, priorities, staging);
    }

    /** Returns the rule that governs records of {@code home} and {@code category}: the first that selects them. */
    public Optional<Rule> ruleFor(Jurisdiction home, Category category) {
        for (Rule rule : rules) {
            if (rule.selects(home, category)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** Returns the keep priority of {@code category} (0 if the policy gives none). */
    public int keepPriority(Category category) {
        return keepPriority.getOrDefault(category.name(), 0);
    }
}
