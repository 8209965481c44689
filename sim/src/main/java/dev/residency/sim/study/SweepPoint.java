package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.scenario.Overrides;

/**
 * One point of a sweep: the values its axes took and the headline figures of its replications.
 *
 * @param settings one setting per axis, in axis order
 * @param summary the headline figures over the point's replications
 * @param fingerprint a SHA-256 over the fingerprints of the point's runs, in replication order: equal
 *     fingerprints mean bit-identical runs
 */
public record SweepPoint(ImmutableList<Overrides.Setting> settings, ReplicationSummary summary, String fingerprint) {

    /** Creates a point, copying the settings. */
    public SweepPoint {
        settings = ImmutableList.copyOf(settings);
        checkNotNull(summary, "summary");
        checkNotNull(fingerprint, "fingerprint");
    }

    /** Returns whether the commitment is met in at least half of the point's replications. */
    public boolean mostlyMet() {
        return Answers.mostlyMet(summary);
    }
}
