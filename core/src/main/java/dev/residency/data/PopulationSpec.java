package dev.residency.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.geo.Jurisdiction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parameters of a synthetic user population: users per home jurisdiction, records per user, the mix
 * of categories and their sizes, where each jurisdiction's records are placed, and the share under
 * legal hold. {@link PopulationGenerator} turns it into a {@link RecordStore}; the same spec, seed
 * included, always gives the same store.
 *
 * @param seed the random seed
 * @param users users per home jurisdiction, in generation order
 * @param meanRecordsPerUser mean records per user, at least 1 (each user has 1 + Poisson(mean - 1))
 * @param categories the category mix, not empty
 * @param placements the data-center ids that hold copies of each jurisdiction's records, primary first
 * @param defaultPlacement the placement for jurisdictions without their own, if any
 * @param legalHoldFraction the probability that a record is under legal hold, in [0, 1]
 */
public record PopulationSpec(
        long seed,
        ImmutableMap<Jurisdiction, Integer> users,
        double meanRecordsPerUser,
        ImmutableList<CategoryShare> categories,
        ImmutableMap<Jurisdiction, ImmutableList<String>> placements,
        Optional<ImmutableList<String>> defaultPlacement,
        double legalHoldFraction) {

    /**
     * Creates a spec.
     *
     * @throws IllegalArgumentException if a count or share is out of range, the mix is empty, or a
     *     jurisdiction has users but no placement; the message names the value
     */
    public PopulationSpec {
        users = ImmutableMap.copyOf(users);
        categories = ImmutableList.copyOf(categories);
        placements = ImmutableMap.copyOf(placements);
        checkNotNull(defaultPlacement, "defaultPlacement");
        checkArgument(!users.isEmpty(), "a population needs at least one jurisdiction with users");
        long total = 0;
        for (Map.Entry<Jurisdiction, Integer> e : users.entrySet()) {
            checkArgument(e.getValue() >= 0, "users of %s must not be negative, was %s", e.getKey(), e.getValue());
            checkArgument(
                    e.getValue() == 0 || placements.containsKey(e.getKey()) || defaultPlacement.isPresent(),
                    "users of %s have no placement (give one for %s or a default)",
                    e.getKey(),
                    e.getKey());
            total += e.getValue();
        }
        checkArgument(total <= Integer.MAX_VALUE, "at most %s users in all, was %s", Integer.MAX_VALUE, total);
        checkArgument(
                Double.isFinite(meanRecordsPerUser) && meanRecordsPerUser >= 1,
                "meanRecordsPerUser must be at least 1, was %s",
                meanRecordsPerUser);
        checkArgument(!categories.isEmpty(), "a population needs at least one category");
        for (Map.Entry<Jurisdiction, ImmutableList<String>> e : placements.entrySet()) {
            checkArgument(!e.getValue().isEmpty(), "placement of %s must name at least one data center", e.getKey());
        }
        defaultPlacement.ifPresent(p -> checkArgument(!p.isEmpty(), "default placement must name a data center"));
        checkArgument(
                legalHoldFraction >= 0 && legalHoldFraction <= 1,
                "legalHoldFraction must be in [0, 1], was %s",
                legalHoldFraction);
    }

    /** Returns a new builder with seed 1, one record per user and no legal hold. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the total number of users. */
    public long totalUsers() {
        return users.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** Returns the expected number of records. */
    public double expectedRecords() {
        return totalUsers() * meanRecordsPerUser;
    }

    /** Returns the placement of {@code home}'s records. */
    public ImmutableList<String> placementOf(Jurisdiction home) {
        ImmutableList<String> p = placements.get(home);
        return p != null ? p : defaultPlacement.orElseThrow();
    }

    /** Collects the settings of a {@link PopulationSpec}. Not thread-safe. */
    public static final class Builder {
        private long seed = 1;
        private final Map<Jurisdiction, Integer> users = new LinkedHashMap<>();
        private double meanRecordsPerUser = 1;
        private final List<CategoryShare> categories = new ArrayList<>();
        private final Map<Jurisdiction, ImmutableList<String>> placements = new LinkedHashMap<>();
        private ImmutableList<String> defaultPlacement;
        private double legalHoldFraction;

        private Builder() {}

        /** Sets the random seed. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the number of users whose home is {@code home}. */
        public Builder users(Jurisdiction home, int count) {
            users.put(checkNotNull(home, "home"), count);
            return this;
        }

        /** Sets the mean number of records per user. */
        public Builder meanRecordsPerUser(double mean) {
            this.meanRecordsPerUser = mean;
            return this;
        }

        /** Adds a category to the mix. */
        public Builder category(CategoryShare share) {
            categories.add(checkNotNull(share, "share"));
            return this;
        }

        /** Places copies of {@code home}'s records at {@code siteIds}, primary first. */
        public Builder place(Jurisdiction home, String... siteIds) {
            placements.put(checkNotNull(home, "home"), ImmutableList.copyOf(siteIds));
            return this;
        }

        /** Places copies of records of jurisdictions without their own placement at {@code siteIds}. */
        public Builder placeOthers(String... siteIds) {
            defaultPlacement = ImmutableList.copyOf(siteIds);
            return this;
        }

        /** Sets the probability that a record is under legal hold. */
        public Builder legalHoldFraction(double fraction) {
            this.legalHoldFraction = fraction;
            return this;
        }

        /**
         * Returns the spec.
         *
         * @throws IllegalArgumentException as the {@link PopulationSpec} constructor
         */
        public PopulationSpec build() {
            return new PopulationSpec(
                    seed,
                    ImmutableMap.copyOf(users),
                    meanRecordsPerUser,
                    ImmutableList.copyOf(categories),
                    ImmutableMap.copyOf(placements),
                    Optional.ofNullable(defaultPlacement),
                    legalHoldFraction);
        }
    }
}
