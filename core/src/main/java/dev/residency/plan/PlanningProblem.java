package dev.residency.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.data.RecordStore;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.topology.Topology;

/**
 * What a planner is asked: the records and where they are, the policy they must satisfy, and the
 * planning options. The topology is the store's.
 *
 * @param store the records
 * @param policy the residency policy
 * @param options deadline, batch size, time-varying capacities and outside storage use
 */
public record PlanningProblem(RecordStore store, ResidencyPolicy policy, PlanOptions options) {

    /**
     * Creates a problem.
     *
     * @throws IllegalArgumentException if the options name a data center or link the topology lacks
     */
    public PlanningProblem {
        checkNotNull(store, "store");
        checkNotNull(policy, "policy");
        checkNotNull(options, "options");
        Topology topology = store.topology();
        for (String id : options.siteReadyAt().keySet()) {
            checkArgument(topology.indexOf(id).isPresent(), "options.siteReadyAt: unknown data center \"%s\"", id);
        }
        for (String id : options.usedBytesOutsideStore().keySet()) {
            checkArgument(
                    topology.indexOf(id).isPresent(), "options.usedBytesOutsideStore: unknown data center \"%s\"", id);
        }
        for (int i = 0; i < options.maintenance().size(); i++) {
            LinkWindow w = options.maintenance().get(i);
            checkArgument(
                    topology.indexOf(w.from()).isPresent()
                            && topology.indexOf(w.to()).isPresent(),
                    "options.maintenance[%s]: unknown data center in %s-%s",
                    i,
                    w.from(),
                    w.to());
            checkArgument(
                    topology.arcBetween(topology.siteIndex(w.from()), topology.siteIndex(w.to()))
                            .isPresent(),
                    "options.maintenance[%s]: no link between %s and %s",
                    i,
                    w.from(),
                    w.to());
        }
    }

    /** Returns the topology of the store. */
    public Topology topology() {
        return store.topology();
    }

    /** Returns a builder with default options. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the parts of a {@link PlanningProblem}. Not thread-safe. */
    public static final class Builder {
        private RecordStore store;
        private ResidencyPolicy policy;
        private PlanOptions options = PlanOptions.defaults();

        private Builder() {}

        /** Sets the record store. */
        public Builder store(RecordStore value) {
            this.store = checkNotNull(value, "store");
            return this;
        }

        /** Sets the policy. */
        public Builder policy(ResidencyPolicy value) {
            this.policy = checkNotNull(value, "policy");
            return this;
        }

        /** Sets the options (default {@link PlanOptions#defaults()}). */
        public Builder options(PlanOptions value) {
            this.options = checkNotNull(value, "options");
            return this;
        }

        /**
         * Returns the problem.
         *
         * @throws NullPointerException if the store or policy was not set
         * @throws IllegalArgumentException as the {@link PlanningProblem} constructor
         */
        public PlanningProblem build() {
            checkNotNull(store, "store was not set");
            checkNotNull(policy, "policy was not set");
            return new PlanningProblem(store, policy, options);
        }
    }
}
