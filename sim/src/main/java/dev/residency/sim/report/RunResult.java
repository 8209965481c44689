package dev.residency.sim.report;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;

/**
 * The outcome of one simulated migration run, identified by scenario, seed and replication index.
 * Times are simulated seconds since the scenario's start; {@code NaN} when never reached. Bytes are
 * real-world bytes: a scenario's record sizes are already multiplied by its scale. Serializable (with
 * every part), so that runs made on other machines, such as a cluster's executors, can be collected
 * and aggregated where the study runs.
 *
 * @param scenario the scenario's name
 * @param seed the run seed
 * @param replication the replication index, which selects the random substreams
 * @param deadlineSeconds the deadline, or {@code NaN} if the scenario has none
 * @param enforced whether the deadline rule was "enforce"
 * @param liveComplianceSeconds when the last violating copy left live systems (backups aside)
 * @param fullComplianceSeconds when the last violating copy, backups included, was gone
 * @param endSeconds when the run stopped
 * @param violatingAtDeadline violating copy bytes, backups included, left at the deadline (at the end
 *     if no deadline); blocked data included
 * @param blockedBytes violating copy bytes that no plan may remove (legal hold, unmovable and
 *     undeletable)
 * @param metDeadline whether everything but the blocked data was gone by the deadline
 * @param bytesMoved bytes copied to compliant places, first copies only
 * @param catchUpBytes bytes of live writes copied in catch-up rounds
 * @param retransferBytes bytes copied again: batches re-copied after corruption was found, and the
 *     progress that restarted copies lost (a copy interrupted under the RESTART failure policy)
 * @param deletedByReason violating copy bytes deleted, per reason (plan reasons plus FORCED)
 * @param forcedLoss movable data deleted by the deadline rule
 * @param egressCostUsd the egress price of all bytes sent, in US dollars
 * @param copyRetries copies repeated after corruption
 * @param deletionRetries deletion jobs repeated after failing
 * @param linkFailures link failures that happened
 * @param siteFailures site failures that happened
 * @param events simulation events processed
 * @param series the sampled time series
 * @param batches per-batch outcomes, in batch order
 * @param milestones when each jurisdiction, rule, phase and site reached its milestones
 * @param costs what the run cost, by kind and site (NaN where not modelled)
 */
public record RunResult(
        String scenario,
        long seed,
        int replication,
        double deadlineSeconds,
        boolean enforced,
        double liveComplianceSeconds,
        double fullComplianceSeconds,
        double endSeconds,
        long violatingAtDeadline,
        long blockedBytes,
        boolean metDeadline,
        long bytesMoved,
        long catchUpBytes,
        long retransferBytes,
        ImmutableSortedMap<String, Long> deletedByReason,
        ForcedLoss forcedLoss,
        double egressCostUsd,
        int copyRetries,
        int deletionRetries,
        int linkFailures,
        int siteFailures,
        long events,
        TimeSeries series,
        ImmutableList<BatchOutcome> batches,
        ImmutableList<Milestone> milestones,
        RunCosts costs)
        implements java.io.Serializable {

    /** Creates a result, copying collections. */
    public RunResult {
        checkNotNull(scenario, "scenario");
        deletedByReason = ImmutableSortedMap.copyOf(deletedByReason);
        checkNotNull(forcedLoss, "forcedLoss");
        checkNotNull(series, "series");
        batches = ImmutableList.copyOf(batches);
        milestones = ImmutableList.copyOf(milestones);
        checkNotNull(costs, "costs");
    }

    /** Returns the total violating copy bytes deleted, all reasons. */
    public long bytesDeleted() {
        return deletedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Returns how late full compliance came after the deadline, in seconds (negative if early; NaN if never or no deadline). */
    public double latenessSeconds() {
        return fullComplianceSeconds - deadlineSeconds;
    }

    /**
     * Returns a SHA-256 fingerprint of every figure, series value and batch outcome, for checking
     * that two runs are identical bit for bit.
     */
    public String fingerprint() {
        Hasher h = Hashing.sha256().newHasher();
        h.putUnencodedChars(scenario).putLong(seed).putInt(replication);
        h.putDouble(deadlineSeconds).putBoolean(enforced).putDouble(liveComplianceSeconds);
        h.putDouble(fullComplianceSeconds).putDouble(endSeconds).putLong(violatingAtDeadline);
        h.putLong(blockedBytes).putBoolean(metDeadline).putLong(bytesMoved).putLong(catchUpBytes);
        h.putLong(retransferBytes);
        deletedByReason.forEach((k, v) -> h.putUnencodedChars(k).putLong(v));
        h.putLong(forcedLoss.bytes()).putLong(forcedLoss.records()).putLong(forcedLoss.users());
        h.putLong(forcedLoss.lostWriteBytes());
        forcedLoss.bytesByCategory().forEach((k, v) -> h.putUnencodedChars(k).putLong(v));
        h.putDouble(egressCostUsd).putInt(copyRetries).putInt(deletionRetries).putInt(linkFailures);
        h.putInt(siteFailures).putLong(events);
        for (int i = 0; i < series.size(); i++) {
            h.putDouble(series.seconds(i)).putLong(series.violatingTotal(i)).putLong(series.backup(i));
            h.putLong(series.inFlight(i)).putLong(series.backlog(i)).putDouble(series.linkUtilisation(i));
            for (int j = 0; j < series.jurisdictions().size(); j++) {
                h.putLong(series.violating(j, i));
            }
        }
        for (BatchOutcome b : batches) {
            h.putInt(b.batch()).putDouble(b.copyStart()).putDouble(b.copyEnd()).putDouble(b.verifiedAt());
            h.putDouble(b.cutOverAt())
                    .putInt(b.copyAttempts())
                    .putLong(b.catchUpBytes())
                    .putBoolean(b.forced());
        }
        for (Milestone m : milestones) {
            h.putUnencodedChars(m.kind().name()).putUnencodedChars(m.name()).putDouble(m.liveSeconds());
            h.putDouble(m.fullSeconds()).putDouble(m.firstReceiptSeconds());
        }
        h.putDouble(costs.months()).putDouble(costs.staffUsd()).putDouble(costs.oneOffUsd());
        for (SiteCost c : costs.sites()) {
            h.putUnencodedChars(c.site()).putDouble(c.heldByteSeconds()).putDouble(c.storageUsd());
            h.putDouble(c.egressUsd()).putDouble(c.buildUsd());
        }
        return h.hash().toString();
    }
}
