package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.data.Category;
import dev.residency.geo.Jurisdiction;

/**
 * One line of an aggregated population (a CSV row): so many records of one home jurisdiction and
 * category, held at the same sites, of so many bytes in all. Counts are synthetic (already divided
 * by the scenario's scale); bytes are real.
 *
 * @param home the users' home jurisdiction
 * @param category the records' category
 * @param sites the ids of the sites holding a copy of each record, primary first, not empty
 * @param records how many records, positive
 * @param totalBytes their total size in bytes, not negative
 * @param users how many distinct users own them, positive, at most {@code records}
 * @param legalHold whether the records are under legal hold (undeletable)
 */
public record AggregateRow(
        Jurisdiction home,
        Category category,
        ImmutableList<String> sites,
        long records,
        long totalBytes,
        long users,
        boolean legalHold) {

    /**
     * Creates a row.
     *
     * @throws IllegalArgumentException if no site is given or a count is out of range
     */
    public AggregateRow {
        checkNotNull(home, "home");
        checkNotNull(category, "category");
        sites = ImmutableList.copyOf(sites);
        checkArgument(!sites.isEmpty(), "a row of %s %s needs at least one site", home, category);
        checkArgument(records > 0, "records must be positive, was %s", records);
        checkArgument(totalBytes >= 0, "totalBytes must not be negative, was %s", totalBytes);
        checkArgument(users > 0 && users <= records, "users must be in [1, records=%s], was %s", records, users);
    }

    /** Returns this row with records and users divided by {@code factor} (at least 1 each), bytes kept. */
    public AggregateRow rescaled(int factor) {
        checkArgument(factor >= 1, "factor must be at least 1, was %s", factor);
        long newRecords = Math.max(1, Math.round((double) records / factor));
        long newUsers = Math.min(newRecords, Math.max(1, Math.round((double) users / factor)));
        return new AggregateRow(home, category, sites, newRecords, totalBytes, newUsers, legalHold);
    }
}
