package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.geo.Jurisdiction;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a migration is run: its dates, replications, rates of the steps after copying, live writes,
 * backups, faults and phases. Build one with {@link #builder(Instant)}; defaults are the constants.
 *
 * @param start when the migration starts (the simulation's time zero)
 * @param deadline when it is due, if it has a deadline; after {@code start}
 * @param deadlineRule what happens at the deadline
 * @param replications how many seeded runs to make, positive (default 20)
 * @param seed the master seed of the replications
 * @param horizon the most simulated time after {@code start} before a run is cut off, positive
 *     (default 730 days)
 * @param verificationRate how fast one site checksums copied data, positive (default 20 GB/s)
 * @param deletionRate how fast one site deletes data, positive (default 10 GB/s)
 * @param deletionFailureProbability the probability that one deletion chunk fails and must be redone,
 *     in [0, 1] (default 0.01)
 * @param catchUpThresholdBytes the backlog of live writes below which a batch may freeze writes and
 *     cut over, in bytes, positive (default 1 GB)
 * @param writeFreeze how long writes are paused at cut-over, not negative (default 5 minutes)
 * @param liveWrites per home jurisdiction, the writes arriving during the migration; absent
 *     jurisdictions write nothing
 * @param backups how backups of deleted data go away
 * @param faults the faults to inject
 * @param phases the phases of a phased program, in order; empty for a single-phase migration
 * @param deletionChunkBytes the size of the chunks a site deletes a job in, positive (default 10 TB):
 *     a deletion failure repeats one chunk, and each chunk's backups age out on their own
 * @param observed what happened in the real programme, to compare simulated milestones with (the
 *     scenario file's top-level {@code observed} list); empty for a what-if
 * @param costs the prices for the run's cost (the scenario file's top-level {@code costs} section);
 *     {@link CostInputs#NONE} when none is given
 */
public record RunSettings(
        Instant start,
        Optional<Instant> deadline,
        DeadlineRule deadlineRule,
        int replications,
        long seed,
        Duration horizon,
        Bandwidth verificationRate,
        Bandwidth deletionRate,
        double deletionFailureProbability,
        long catchUpThresholdBytes,
        Duration writeFreeze,
        ImmutableMap<Jurisdiction, LiveWrites> liveWrites,
        Backups backups,
        Faults faults,
        ImmutableList<Phase> phases,
        long deletionChunkBytes,
        ImmutableList<ObservedMilestone> observed,
        CostInputs costs) {

    /** The default number of replications. */
    public static final int DEFAULT_REPLICATIONS = 20;
    /** The most replications a run may make (their results are kept in memory for the report). */
    public static final int MAX_REPLICATIONS = 10_000;
    /** The longest horizon: 100 years (36,525 days), far beyond any migration, and safe for date arithmetic. */
    public static final Duration MAX_HORIZON = Duration.ofDays(36_525);
    /** The default horizon: two years. */
    public static final Duration DEFAULT_HORIZON = Duration.ofDays(730);
    /** The default verification rate per site. */
    public static final Bandwidth DEFAULT_VERIFICATION_RATE = Bandwidth.parse("20 GB/s");
    /** The default deletion rate per site. */
    public static final Bandwidth DEFAULT_DELETION_RATE = Bandwidth.parse("10 GB/s");
    /** The default probability that a deletion chunk fails. */
    public static final double DEFAULT_DELETION_FAILURE_PROBABILITY = 0.01;
    /** The default catch-up threshold: 1 GB. */
    public static final long DEFAULT_CATCH_UP_THRESHOLD_BYTES = 1_000_000_000L;
    /** The default deletion chunk: 10 TB, about 17 minutes at the default deletion rate. */
    public static final long DEFAULT_DELETION_CHUNK_BYTES = 10_000_000_000_000L;
    /** The default write freeze at cut-over. */
    public static final Duration DEFAULT_WRITE_FREEZE = Duration.ofMinutes(5);

    /**
     * Creates run settings.
     *
     * @throws IllegalArgumentException if the deadline is not after the start, or a count, rate,
     *     duration or probability is out of range; the message names the field and value
     */
    public RunSettings {
        checkNotNull(start, "start");
        checkNotNull(deadline, "deadline");
        checkNotNull(deadlineRule, "deadlineRule");
        checkNotNull(horizon, "horizon");
        checkNotNull(verificationRate, "verificationRate");
        checkNotNull(deletionRate, "deletionRate");
        checkNotNull(writeFreeze, "writeFreeze");
        checkNotNull(backups, "backups");
        checkNotNull(faults, "faults");
        checkNotNull(costs, "costs");
        liveWrites = ImmutableMap.copyOf(liveWrites);
        phases = ImmutableList.copyOf(phases);
        observed = ImmutableList.copyOf(observed);
        checkArgument(horizon.compareTo(MAX_HORIZON) <= 0, "horizon must be at most %s, was %s", MAX_HORIZON, horizon);
        deadline.ifPresent(d -> checkArgument(d.isAfter(start), "deadline %s must be after start %s", d, start));
        deadline.ifPresent(d -> checkArgument(
                !d.isAfter(start.plus(horizon)),
                "deadline %s must not be after the horizon's end %s (start + %s)",
                d,
                start.plus(horizon),
                horizon));
        checkArgument(
                replications > 0 && replications <= MAX_REPLICATIONS,
                "replications must be between 1 and %s, was %s",
                MAX_REPLICATIONS,
                replications);
        checkArgument(!horizon.isNegative() && !horizon.isZero(), "horizon must be positive, was %s", horizon);
        checkArgument(!verificationRate.isZero(), "verificationRate must be positive");
        checkArgument(!deletionRate.isZero(), "deletionRate must be positive");
        checkArgument(
                deletionFailureProbability >= 0 && deletionFailureProbability < 1,
                "deletionFailureProbability must be in [0, 1) (1 would retry forever), was %s",
                deletionFailureProbability);
        checkArgument(
                catchUpThresholdBytes > 0, "catchUpThresholdBytes must be positive, was %s", catchUpThresholdBytes);
        checkArgument(!writeFreeze.isNegative(), "writeFreeze must not be negative, was %s", writeFreeze);
        checkArgument(deletionChunkBytes > 0, "deletionChunkBytes must be positive, was %s", deletionChunkBytes);
    }

    /** Returns a builder starting at {@code start} with every other setting at its default. */
    public static Builder builder(Instant start) {
        return new Builder(start);
    }

    /** Returns a builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder(start)
                .deadlineRule(deadlineRule)
                .replications(replications)
                .seed(seed)
                .horizon(horizon)
                .verificationRate(verificationRate)
                .deletionRate(deletionRate)
                .deletionFailureProbability(deletionFailureProbability)
                .catchUpThresholdBytes(catchUpThresholdBytes)
                .writeFreeze(writeFreeze)
                .backups(backups)
                .faults(faults)
                .phases(phases)
                .deletionChunkBytes(deletionChunkBytes)
                .observed(observed)
                .costs(costs);
        deadline.ifPresent(b::deadline);
        liveWrites.forEach(b::liveWrites);
        return b;
    }

    /** Collects run settings; every setting but the start has a default. Not thread-safe. */
    public static final class Builder {
        private final Instant start;
        private Instant deadline;
        private DeadlineRule deadlineRule = DeadlineRule.CONTINUE;
        private int replications = DEFAULT_REPLICATIONS;
        private long seed = 1;
        private Duration horizon = DEFAULT_HORIZON;
        private Bandwidth verificationRate = DEFAULT_VERIFICATION_RATE;
        private Bandwidth deletionRate = DEFAULT_DELETION_RATE;
        private double deletionFailureProbability = DEFAULT_DELETION_FAILURE_PROBABILITY;
        private long catchUpThresholdBytes = DEFAULT_CATCH_UP_THRESHOLD_BYTES;
        private Duration writeFreeze = DEFAULT_WRITE_FREEZE;
        private final Map<Jurisdiction, LiveWrites> liveWrites = new LinkedHashMap<>();
        private Backups backups = Backups.defaults();
        private Faults faults = Faults.NONE;
        private List<Phase> phases = List.of();
        private long deletionChunkBytes = DEFAULT_DELETION_CHUNK_BYTES;
        private List<ObservedMilestone> observed = List.of();
        private CostInputs costs = CostInputs.NONE;

        private Builder(Instant start) {
            this.start = checkNotNull(start, "start");
        }

        /** Sets the deadline. */
        public Builder deadline(Instant value) {
            this.deadline = checkNotNull(value, "deadline");
            return this;
        }

        /** Sets what happens at the deadline. */
        public Builder deadlineRule(DeadlineRule value) {
            this.deadlineRule = checkNotNull(value, "deadlineRule");
            return this;
        }

        /** Sets the number of replications. */
        public Builder replications(int value) {
            this.replications = value;
            return this;
        }

        /** Sets the master seed. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Sets the horizon. */
        public Builder horizon(Duration value) {
            this.horizon = checkNotNull(value, "horizon");
            return this;
        }

        /** Sets the verification rate per site. */
        public Builder verificationRate(Bandwidth value) {
            this.verificationRate = checkNotNull(value, "verificationRate");
            return this;
        }

        /** Sets the deletion rate per site. */
        public Builder deletionRate(Bandwidth value) {
            this.deletionRate = checkNotNull(value, "deletionRate");
            return this;
        }

        /** Sets the probability that a deletion chunk fails. */
        public Builder deletionFailureProbability(double value) {
            this.deletionFailureProbability = value;
            return this;
        }

        /** Sets the catch-up threshold in bytes. */
        public Builder catchUpThresholdBytes(long value) {
            this.catchUpThresholdBytes = value;
            return this;
        }

        /** Sets the write freeze at cut-over. */
        public Builder writeFreeze(Duration value) {
            this.writeFreeze = checkNotNull(value, "writeFreeze");
            return this;
        }

        /** Sets the live writes of {@code home}'s users. */
        public Builder liveWrites(Jurisdiction home, LiveWrites value) {
            liveWrites.put(checkNotNull(home, "home"), checkNotNull(value, "liveWrites"));
            return this;
        }

        /** Sets the backup settings. */
        public Builder backups(Backups value) {
            this.backups = checkNotNull(value, "backups");
            return this;
        }

        /** Sets the faults. */
        public Builder faults(Faults value) {
            this.faults = checkNotNull(value, "faults");
            return this;
        }

        /** Sets the size of the chunks deletion jobs are done in. */
        public Builder deletionChunkBytes(long value) {
            this.deletionChunkBytes = value;
            return this;
        }

        /** Sets the observed milestones of the real programme. */
        public Builder observed(List<ObservedMilestone> value) {
            this.observed = List.copyOf(value);
            return this;
        }

        /** Sets the prices for the run's cost. */
        public Builder costs(CostInputs value) {
            this.costs = checkNotNull(value, "costs");
            return this;
        }

        /** Sets the phases. */
        public Builder phases(List<Phase> value) {
            this.phases = List.copyOf(value);
            return this;
        }

        /**
         * Returns the settings.
         *
         * @throws IllegalArgumentException as the {@link RunSettings} constructor
         */
        public RunSettings build() {
            return new RunSettings(
                    start,
                    Optional.ofNullable(deadline),
                    deadlineRule,
                    replications,
                    seed,
                    horizon,
                    verificationRate,
                    deletionRate,
                    deletionFailureProbability,
                    catchUpThresholdBytes,
                    writeFreeze,
                    ImmutableMap.copyOf(liveWrites),
                    backups,
                    faults,
                    ImmutableList.copyOf(phases),
                    deletionChunkBytes,
                    ImmutableList.copyOf(observed),
                    costs);
        }
    }
}
