package dev.residency.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.geo.Jurisdiction;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of one planning run. All times are relative to the plan's time 0.
 *
 * @param deadline when the migration must be done, if there is a deadline; positive
 * @param hardDeadline whether data not moved by the deadline is deleted (reason {@link
 *     DeletionReason#DEADLINE}), choosing what to save by the policy's keep priority; a soft deadline
 *     is only reported against
 * @param targetBatchBytes the size a transfer batch aims at (a batch holds whole records, so it may be
 *     smaller, or larger when one record is larger); positive; default 1 TB (10^12 bytes)
 * @param timeStep the grid of the time-expanded network: every date below is rounded outward to it
 *     (ready and approval dates up, maintenance windows widened); positive; default 1 hour
 * @param siteReadyAt per data-center id, when the site can first receive data (as Norway was late for
 *     Project Clover); absent sites are ready at once
 * @param approvalAt per home jurisdiction, the regulator's approval date before which its data may not
 *     move; absent jurisdictions may move at once
 * @param maintenance link maintenance windows
 * @param usedBytesOutsideStore per data-center id, storage already used by data outside the record
 *     store; free storage is the site's storage minus this minus the store's replicas there
 * @param verificationRate how fast the executor checks copied data at a destination, one batch at a time
 *     per site, before a batch counts as moved; absent when a copy counts as moved once it ends
 * @param cutOverTime how long after its verification a batch is cut over (catch-up with live writes and
 *     the write freeze); not negative; default 0
 */
public record PlanOptions(
        Optional<Duration> deadline,
        boolean hardDeadline,
        long targetBatchBytes,
        Duration timeStep,
        ImmutableMap<String, Duration> siteReadyAt,
        ImmutableMap<Jurisdiction, Duration> approvalAt,
        ImmutableList<LinkWindow> maintenance,
        ImmutableMap<String, Long> usedBytesOutsideStore,
        Optional<Bandwidth> verificationRate,
        Duration cutOverTime) {

    /*
     * The planning defaults live here, in core, for both kinds of caller: a library caller building
     * PlanOptions gets DEFAULT_*, a scenario file that leaves planning.targetBatchBytes or
     * planning.timeStep out gets SCENARIO_* (sim's PlanningSettings refers to these constants).
     */

    /**
     * The default target batch size for a library caller, 1 TB (10^12 bytes): about 13 minutes on a
     * 10 Gbps link, so a plan of a few sites and a few hundred terabytes still has enough batches to
     * show its order and its rates.
     */
    public static final long DEFAULT_TARGET_BATCH_BYTES = 1_000_000_000_000L;

    /**
     * The default time step of the time-expanded network for a library caller, 1 hour: ready dates,
     * approvals and maintenance windows of a small problem are rounded by at most an hour, and its
     * network stays small because its horizon is short.
     */
    public static final Duration DEFAULT_TIME_STEP = Duration.ofHours(1);

    /**
     * The default target batch size of a scenario file ({@code planning.targetBatchBytes} absent), 50
     * TB (5 x 10^13 bytes): about 17 minutes at 400 Gbps, so that a fleet migration of tens of petabytes
     * becomes thousands of batches, not millions of simulation events.
     */
    public static final long SCENARIO_TARGET_BATCH_BYTES = 50_000_000_000_000L;

    /**
     * The default time step of a scenario file ({@code planning.timeStep} absent), 1 day: fleet
     * migrations run for months to years, and their gates (site ready dates, approvals) are dates, so a
     * day keeps the time-expanded network small over such horizons without losing a gate's effect.
     */
    public static final Duration SCENARIO_TIME_STEP = Duration.ofDays(1);

    /**
     * Creates options.
     *
     * @throws IllegalArgumentException if a value is out of range; the message names the field and value
     */
    public PlanOptions {
        checkNotNull(deadline, "deadline");
        checkNotNull(timeStep, "timeStep");
        checkNotNull(verificationRate, "verificationRate");
        checkNotNull(cutOverTime, "cutOverTime");
        siteReadyAt = ImmutableMap.copyOf(siteReadyAt);
        approvalAt = ImmutableMap.copyOf(approvalAt);
        maintenance = ImmutableList.copyOf(maintenance);
        usedBytesOutsideStore = ImmutableMap.copyOf(usedBytesOutsideStore);
        deadline.ifPresent(
                d -> checkArgument(!d.isNegative() && !d.isZero(), "options.deadline must be positive, was %s", d));
        checkArgument(!hardDeadline || deadline.isPresent(), "options.hardDeadline needs a deadline");
        checkArgument(targetBatchBytes > 0, "options.targetBatchBytes must be positive, was %s", targetBatchBytes);
        checkArgument(
                !timeStep.isNegative() && !timeStep.isZero(), "options.timeStep must be positive, was %s", timeStep);
        siteReadyAt.forEach((site, at) ->
                checkArgument(!at.isNegative(), "options.siteReadyAt[%s] must not be negative, was %s", site, at));
        approvalAt.forEach((home, at) ->
                checkArgument(!at.isNegative(), "options.approvalAt[%s] must not be negative, was %s", home, at));
        verificationRate.ifPresent(
                rate -> checkArgument(!rate.isZero(), "options.verificationRate must be positive, was %s", rate));
        checkArgument(!cutOverTime.isNegative(), "options.cutOverTime must not be negative, was %s", cutOverTime);
        usedBytesOutsideStore.forEach((site, used) ->
                checkArgument(used >= 0, "options.usedBytesOutsideStore[%s] must not be negative, was %s", site, used));
    }

    /**
     * Returns the time a batch needs after its copy ends before it counts as moved, if verification
     * were instantaneous apart from {@code bytes}: the verification of {@code bytes} plus the cut-over
     * time, in seconds.
     */
    public double finishSeconds(long bytes) {
        double verify = verificationRate.map(r -> bytes / r.bytesPerSecond()).orElse(0.0);
        return verify + cutOverTime.toNanos() / 1e9;
    }

    /** Returns the defaults: no deadline, 1 TB batches, 1-hour step, everything ready, nothing else stored. */
    public static PlanOptions defaults() {
        return builder().build();
    }

    /** Returns a new builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the settings of {@link PlanOptions}. Not thread-safe. */
    public static final class Builder {
        private Duration deadline;
        private boolean hardDeadline;
        private long targetBatchBytes = DEFAULT_TARGET_BATCH_BYTES;
        private Duration timeStep = DEFAULT_TIME_STEP;
        private final Map<String, Duration> siteReadyAt = new LinkedHashMap<>();
        private final Map<Jurisdiction, Duration> approvalAt = new LinkedHashMap<>();
        private final List<LinkWindow> maintenance = new ArrayList<>();
        private final Map<String, Long> usedBytesOutsideStore = new LinkedHashMap<>();
        private Bandwidth verificationRate;
        private Duration cutOverTime = Duration.ZERO;

        private Builder() {}

        /** Sets the rate at which a destination verifies copied data, one batch at a time. */
        public Builder verificationRate(Bandwidth value) {
            this.verificationRate = checkNotNull(value, "verificationRate");
            return this;
        }

        /** Sets the time from a batch's verification to its cut-over. */
        public Builder cutOverTime(Duration value) {
            this.cutOverTime = checkNotNull(value, "cutOverTime");
            return this;
        }

        /** Sets a deadline (soft unless {@link #hardDeadline(boolean)} is set). */
        public Builder deadline(Duration value) {
            this.deadline = checkNotNull(value, "deadline");
            return this;
        }

        /** Sets whether the deadline is hard. */
        public Builder hardDeadline(boolean value) {
            this.hardDeadline = value;
            return this;
        }

        /** Sets the target batch size in bytes. */
        public Builder targetBatchBytes(long value) {
            this.targetBatchBytes = value;
            return this;
        }

        /** Sets the time step of the time-expanded network. */
        public Builder timeStep(Duration value) {
            this.timeStep = checkNotNull(value, "timeStep");
            return this;
        }

        /** Sets when the site {@code siteId} can first receive data. */
        public Builder siteReadyAt(String siteId, Duration at) {
            siteReadyAt.put(checkNotNull(siteId, "siteId"), checkNotNull(at, "at"));
            return this;
        }

        /** Sets when data of {@code home} may first move. */
        public Builder approvalAt(Jurisdiction home, Duration at) {
            approvalAt.put(checkNotNull(home, "home"), checkNotNull(at, "at"));
            return this;
        }

        /** Adds a link maintenance window. */
        public Builder maintenance(LinkWindow window) {
            maintenance.add(checkNotNull(window, "window"));
            return this;
        }

        /** Sets the storage used at {@code siteId} by data outside the store. */
        public Builder usedBytesOutsideStore(String siteId, long bytes) {
            usedBytesOutsideStore.put(checkNotNull(siteId, "siteId"), bytes);
            return this;
        }

        /**
         * Returns the options.
         *
         * @throws IllegalArgumentException as the {@link PlanOptions} constructor
         */
        public PlanOptions build() {
            return new PlanOptions(
                    Optional.ofNullable(deadline),
                    hardDeadline,
                    targetBatchBytes,
                    timeStep,
                    ImmutableMap.copyOf(siteReadyAt),
                    ImmutableMap.copyOf(approvalAt),
                    ImmutableList.copyOf(maintenance),
                    ImmutableMap.copyOf(usedBytesOutsideStore),
                    Optional.ofNullable(verificationRate),
                    cutOverTime);
        }
    }
}
