package dev.residency.sim.migration;

import dev.residency.plan.Deletion;
import dev.residency.plan.TransferBatch;
import dev.residency.sim.network.FailurePolicy;
import dev.residency.sim.scenario.DeadlineRule;
import dev.residency.sim.scenario.Faults;
import dev.residency.sim.scenario.MaintenanceWindow;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.ScheduledOutage;
import dev.residency.topology.Topology;
import dev.residency.units.Durations;
import java.time.Duration;
import java.util.Optional;

/**
 * The liveness check of the migration property tests: a run that can finish does finish, and by a
 * time derived from its plan alone.
 *
 * <p>{@link #unhindered} strips from a migration what may legitimately stop it for good or for a
 * random time (random link and site failures, corruption, deletion failures, live writes and the
 * deadline) and keeps what only delays it (gates: planned starts, approvals, ready dates, phase
 * starts; planning maintenance windows; the fixed outages, under the case's policy for interrupted
 * copies, resume or restart; pacing; verification, freeze, deletion and backup retention). Such a run
 * must cut every batch over and reach full compliance by {@link #seconds}:
 *
 * <pre>
 *   G + M + O + R + Σ_b (bytes_b / c_b + latency_b + bytes_b / verification + freeze)
 *         + Σ_d bytes_d / deletion + retention
 * </pre>
 *
 * where G is the latest gate of any batch or deletion job, M the total length of the maintenance
 * windows, O the total length of the fixed outages, R zero under RESUME and, under RESTART, the
 * number of outages times Σ_b bytes_b / c_b (an outage's start makes each copy lose its progress at
 * most once, which adds at most bytes_b / c_b to the potential Φ below), c_b the smaller of batch b's pace (its planned bytes over its planned duration less its route's latency) and the
 * narrowest capacity on its route (source egress, links, destination ingest), latency_b its route's
 * latency. Why it bounds the run: at every instant before full compliance that is after G and outside
 * every window and outage, some budget of the sum is being spent at rate at least one. Either a flow transfers,
 * and then Φ = Σ remaining_i / c_i falls at rate Σ r_i / c_i ≥ 1 (a transferring flow is either held
 * by its own pace arc, at rate c_i, or by a saturated arc L whose flows all have c_i ≤ cap(L), so
 * their Σ r_i / c_i ≥ Σ r_i / cap(L) = 1: max-min fairness saturates every flow's bottleneck); or
 * every started flow is in its latency; or a site verifies (one batch at a time), a batch freezes
 * writes, a site deletes (one job at a time), or, once every deletion is done, backups age out.
 * A batch that waits does so for its stream's previous batch, which is copying; a deletion job for
 * its batch, which is in one of those stages. The sum shares no code with the run.
 */
final class LivenessBound {

    private LivenessBound() {}

    /**
     * Returns {@code setup} with the same plan, gates, maintenance windows, fixed outages and policy for
     * interrupted copies, but no random faults, corruption, deletion failures, live writes or deadline, and a horizon past {@link #seconds} (so
     * that the horizon never hides a missed bound).
     */
    static MigrationSetup unhindered(MigrationSetup setup) {
        RunSettings run = setup.scenario().run();
        RunSettings calm = new RunSettings(
                run.start(),
                Optional.empty(),
                DeadlineRule.CONTINUE,
                run.replications(),
                run.seed(),
                run.horizon(),
                run.verificationRate(),
                run.deletionRate(),
                0,
                run.catchUpThresholdBytes(),
                run.writeFreeze(),
                com.google.common.collect.ImmutableMap.of(),
                run.backups(),
                new Faults(
                        Optional.empty(),
                        Optional.empty(),
                        0,
                        run.faults().outages(),
                        run.faults().interruptedTransfers()),
                run.phases(),
                run.deletionChunkBytes(),
                run.observed(),
                run.costs());
        MigrationSetup probe = MigrationSetup.prepare(setup.scenario().withRun(calm), setup.store(), setup.plan());
        Duration horizon = RandomMigrations.millis(2 * seconds(probe) + 60);
        if (horizon.compareTo(RunSettings.MAX_HORIZON) > 0) {
            horizon = RunSettings.MAX_HORIZON;
        }
        RunSettings longEnough = calm.toBuilder().horizon(horizon).build();
        return MigrationSetup.prepare(setup.scenario().withRun(longEnough), setup.store(), setup.plan());
    }

    /** Returns the bound, in seconds after the start, by which the unhindered {@code setup} must be fully compliant. */
    static double seconds(MigrationSetup setup) {
        RunSettings run = setup.scenario().run();
        Topology topology = setup.topology();
        double gates = 0;
        for (int b = 0; b < setup.plan().batches().size(); b++) {
            gates = Math.max(gates, setup.batchGate(b));
        }
        for (int d = 0; d < setup.plan().deletions().size(); d++) {
            gates = Math.max(gates, setup.deletionGate(d));
        }
        double maintenance = 0;
        for (MaintenanceWindow w : setup.scenario().planning().maintenance()) {
            maintenance += Math.max(0, Durations.seconds(Duration.between(w.start(), w.end())));
        }
        double verification = run.verificationRate().bytesPerSecond();
        double freeze = Durations.seconds(run.writeFreeze());
        double work = 0;
        double copying = 0;
        for (TransferBatch batch : setup.plan().batches()) {
            double narrowest = Math.min(
                    topology.site(batch.source()).egress().bytesPerSecond(),
                    topology.site(batch.destination()).ingest().bytesPerSecond());
            double latency = 0;
            for (int k = 0; k < batch.route().hops(); k++) {
                int arc = batch.route().arcs().get(k);
                narrowest = Math.min(narrowest, topology.arcBytesPerSecond(arc));
                latency += topology.arcLatencySeconds(arc);
            }
            // The planned interval covers the route's latency; the pace spreads the bytes over the rest.
            double planned = batch.plannedEndSeconds() - batch.plannedStartSeconds() - latency;
            double rate = planned > 0 && batch.bytes() > 0 ? Math.min(narrowest, batch.bytes() / planned) : narrowest;
            work += batch.bytes() / rate + latency + batch.bytes() / verification + freeze;
            copying += batch.bytes() / rate;
        }
        double deletion = run.deletionRate().bytesPerSecond();
        for (Deletion d : setup.plan().deletions()) {
            work += d.bytes() / deletion;
        }
        double retention = run.backups().cryptoShred()
                ? 0
                : Durations.seconds(run.backups().retention());
        double outages = 0;
        for (ScheduledOutage o : run.faults().outages()) {
            outages += Math.max(0, Durations.seconds(Duration.between(o.start(), o.end())));
        }
        double restarts = run.faults().interruptedTransfers() == FailurePolicy.RESTART
                ? run.faults().outages().size() * copying
                : 0;
        double bound = gates + maintenance + outages + restarts + work + retention;
        // Rounding slack: event times are sums of doubles.
        return bound * (1 + 1e-9) + 1e-6;
    }
}
