package dev.residency.policy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedSet;
import dev.residency.data.Category;
import dev.residency.geo.Jurisdiction;

/**
 * One residency rule: which records it selects and where they may live.
 *
 * @param name a name for reports, such as "us-data-in-us"
 * @param homes the home jurisdictions it selects; empty selects every jurisdiction
 * @param categories the category names it selects; empty selects every category
 * @param allowed where selected records may have copies
 * @param action what a violation calls for
 * @param minCompliantReplicas how many copies must exist in allowed places before any other copy of a
 *     moved record may be deleted, at least 1
 * @param exemptExceptable whether records of {@linkplain Category#exceptable() exceptable} categories
 *     are exempt under this rule (Project Texas's public interoperability data)
 */
public record Rule(
        String name,
        ImmutableSortedSet<Jurisdiction> homes,
        ImmutableSortedSet<String> categories,
        SiteConstraint allowed,
        Action action,
        int minCompliantReplicas,
        boolean exemptExceptable) {

    /**
     * Creates a rule.
     *
     * @throws IllegalArgumentException if the name is blank or {@code minCompliantReplicas} below 1
     */
    public Rule {
        checkNotNull(name, "name");
        checkNotNull(allowed, "allowed");
        checkNotNull(action, "action");
        checkArgument(!name.isBlank(), "rule name must not be blank");
        homes = ImmutableSortedSet.copyOf(homes);
        categories = ImmutableSortedSet.copyOf(categories);
        checkArgument(
                minCompliantReplicas >= 1,
                "rule %s: minCompliantReplicas must be at least 1, was %s",
                name,
                minCompliantReplicas);
    }

    /**
     * Returns a rule that moves the records of {@code homes} (all categories) to sites satisfying
     * {@code allowed}, with one compliant replica required and no exceptions.
     */
    public static Rule move(String name, Iterable<Jurisdiction> homes, SiteConstraint allowed) {
        return new Rule(
                name, ImmutableSortedSet.copyOf(homes), ImmutableSortedSet.of(), allowed, Action.MOVE, 1, false);
    }

    /** Returns this rule limited to the categories named {@code names}. */
    public Rule forCategories(String... names) {
        return new Rule(
                name, homes, ImmutableSortedSet.copyOf(names), allowed, action, minCompliantReplicas, exemptExceptable);
    }

    /** Returns this rule with another action. */
    public Rule withAction(Action newAction) {
        return new Rule(name, homes, categories, allowed, newAction, minCompliantReplicas, exemptExceptable);
    }

    /** Returns this rule with another number of required compliant replicas. */
    public Rule withMinCompliantReplicas(int replicas) {
        return new Rule(name, homes, categories, allowed, action, replicas, exemptExceptable);
    }

    /** Returns this rule exempting exceptable categories. */
    public Rule exemptingExceptable() {
        return new Rule(name, homes, categories, allowed, action, minCompliantReplicas, true);
    }

    /** Returns whether the rule selects records of {@code home} and {@code category}. */
    public boolean selects(Jurisdiction home, Category category) {
        return (homes.isEmpty() || homes.contains(home))
                && (categories.isEmpty() || categories.contains(category.name()));
    }

    /** Returns the action for records of {@code category}, taking exceptions into account. */
    public Action actionFor(Category category) {
        return exemptExceptable && category.exceptable() ? Action.EXEMPT : action;
    }
}
