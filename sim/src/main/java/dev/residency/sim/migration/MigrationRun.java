package dev.residency.sim.migration;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.plan.Deletion;
import dev.residency.plan.TransferBatch;
import dev.residency.sim.engine.RandomStreams;
import dev.residency.sim.engine.SimClock;
import dev.residency.sim.engine.Simulator;
import dev.residency.sim.migration.MigrationEvent.BackupGone;
import dev.residency.sim.migration.MigrationEvent.Deadline;
import dev.residency.sim.migration.MigrationEvent.DeletionDone;
import dev.residency.sim.migration.MigrationEvent.Fault;
import dev.residency.sim.migration.MigrationEvent.FreezeDone;
import dev.residency.sim.migration.MigrationEvent.ReleaseDeletion;
import dev.residency.sim.migration.MigrationEvent.Sample;
import dev.residency.sim.migration.MigrationEvent.StartBatch;
import dev.residency.sim.migration.MigrationEvent.VerifyDone;
import dev.residency.sim.network.FailurePolicy;
import dev.residency.sim.network.FlowListener;
import dev.residency.sim.network.FlowNetwork;
import dev.residency.sim.report.RunCosts;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.report.SiteCost;
import dev.residency.sim.scenario.CostInputs;
import dev.residency.sim.scenario.DeadlineRule;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.units.Durations;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One replication of a migration: carries a plan out on a discrete-event simulator and a max-min fair
 * flow network, under live writes, faults, gates and a deadline, and returns its {@link RunResult}.
 *
 * <p><b>Lifecycle of a batch.</b> Waiting → copying (a flow over the batch's route, paced at the
 * plan's rate for the batch) → verifying (checksums at the destination's verification rate, one batch
 * at a time per site; corruption, drawn per byte, sends the batch back to copying, unpaced) →
 * catching up (the writes that reached the source since the copy's snapshot are copied in rounds,
 * unpaced, until less than the threshold is left, at most {@value #MAX_CATCH_UP_ROUNDS} rounds) →
 * write freeze → cut over (new writes go to the destination) → its source copies' deletion jobs are
 * released. Batches of one plan stream run one after another; each starts no earlier than its gate
 * (planned start, approval, destination ready date, phase start). A deletion job starts no earlier
 * than the approval dates of the jurisdictions whose data it deletes, either.
 *
 * <p><b>Legs through a transit site</b> (holdover, {@link TransferBatch#previousLeg()}). Data that the
 * plan stages at a transit site {@code B} on its way from {@code A} to {@code C} is one batch per leg.
 * The leg {@code A->B} is copied and verified at {@code B} like any batch, but is not cut over: its
 * staging copy waits there, held in {@code B}'s storage from its arrival. The leg {@code B->C} starts no
 * earlier than its gate (planned start and the rest) and only once that staging copy is verified; it is
 * verified at {@code C}, catches up the live writes (which reach {@code A}, so its catch-up copies run
 * from {@code A} over every leg's links to {@code C}), and is cut over; only then does the data count as
 * moved, its records as delivered, and the deletion of its copy at {@code A} start. At that cut-over the
 * staging copy is deleted from {@code B} at once (a transit copy the policy allows there: it was never
 * violating, so it needs no deletion job and leaves no backup). Under the deadline rule a chain whose last
 * leg is not verified is aborted whole: its legs still copying stop, its staging copies are deleted, and
 * its records' source deletions run as FORCED. A link failure stalls a leg as any copy (resumed or
 * restarted); a failure of {@code B} stalls the leg into it and the leg out of it (its links and
 * egress/ingest fail), while the staging copy stays and the next leg resumes when {@code B} is repaired.
 *
 * <p><b>Deletion.</b> Each site deletes one job at a time at the deletion rate, in chunks of the
 * scenario's deletion chunk size; a chunk fails with the scenario's probability and is done again, so
 * one failure costs one chunk's time (see {@link DeletionQueues}). A job that removes a moved record's source copy starts
 * only after the batch's cut-over (so after a verified compliant copy); this is checked when the job
 * starts, and a violation throws {@link IllegalStateException}. Deleted data stays in backups for the
 * retention period unless the scenario crypto-shreds them.
 *
 * <p><b>Faults.</b> A failed link carries nothing; its transfers stall and, when it is repaired, resume
 * with their progress or, if the scenario's {@link dev.residency.sim.scenario.Faults#interruptedTransfers}
 * is {@link FailurePolicy#RESTART}, start again from byte zero: the bytes a restart loses count as
 * retransferred and pay egress again. A failed site stalls every transfer into, out of or through it and pauses its
 * deletion queue (a job already running finishes). No copy can arrive at a failed site, so no
 * verification starts there; one already running when its site fails finishes on schedule.
 *
 * <p><b>Deadline.</b> Under {@link DeadlineRule#CONTINUE} the run goes on. Under {@link
 * DeadlineRule#ENFORCE} every copy still outside the allowed places is deleted at the deadline:
 * batches not yet verified are aborted and the deletions waiting for them run as FORCED; verified
 * batches are cut over at once; every pending deletion job completes; backups are shredded. A record
 * counts as forced loss when a FORCED deletion removed its violating copies while it had no compliant
 * copy (none before the migration, and no batch of it cut over), each record once.
 *
 * <p>Not thread-safe; each replication builds its own run.
 */
public final class MigrationRun {

    static final int MAX_CATCH_UP_ROUNDS = 10;

    /** Where a batch is in its lifecycle; the order is the lifecycle's, FORCED (aborted) last. */
    private enum Stage {
        WAITING,
        COPYING,
        VERIFYING,
        /** A leg's staging copy, verified and held at its transit site until the chain's last leg is done. */
        STAGED,
        CATCHING_UP,
        FREEZING,
        CUT_OVER,
        FORCED;

        /** Returns whether this stage is {@code other} or comes after it. */
        boolean atLeast(Stage other) {
            return compareTo(other) >= 0;
        }
    }

    private final MigrationSetup setup;
    private final RunSettings settings;
    private final int replication;
    private final Simulator<MigrationEvent> sim;
    private final NetworkLayout layout;
    private final FlowNetwork network;
    private final DeletionQueues deletions;
    private final Ledger ledger;
    private final SeriesRecorder recorder;
    private final MilestoneTracker milestones;
    private final UniformRandomProvider corruption;
    private final StorageMeter storage;
    /** Per site, the egress price of the bytes sent from it. */
    private final double[] egressBySite;
    /** Per batch, whether its first copy has arrived at the destination (and is held there). */
    private final boolean[] arrived;

    private final Stage[] state;
    private final int[] flowOf;
    private final double[] snapshotAt;
    /** Per batch, the instant up to which live writes have reached the destination. */
    private final double[] syncedAt;

    private final int[] catchUpRounds;
    private final BatchTimes times;
    private final double[] verifierFreeAt;
    private final double verificationRate;
    private final double corruptionLog1p;
    /** What a copy does when its route fails: resume, or restart from byte zero. */
    private final FailurePolicy interrupted;

    private final int[] linkDown;
    private final int[] siteDown;
    private final long[] pendingCatchUp;

    private long bytesMoved;
    private int samples;
    private long retransferBytes;
    private long totalCatchUp;
    private double egressCost;
    private int copyRetries;
    private int linkFailures;
    private int siteFailures;
    private int batchesLeft;
    private double liveCompliance = Double.NaN;
    private double fullCompliance = Double.NaN;
    private long violatingAtDeadline = -1;
    private boolean metDeadline;

    private MigrationRun(MigrationSetup setup, int replication) {
        this.setup = setup;
        this.settings = setup.scenario().run();
        this.replication = replication;
        RandomStreams streams = new RandomStreams(settings.seed());
        this.sim = new Simulator<>(new SimClock(settings.start()), (s, e) -> handle(e));
        this.layout = new NetworkLayout(setup);
        this.network = layout.build(sim);
        this.corruption = streams.stream("corruption", replication);
        this.ledger = new Ledger(setup);
        this.milestones = new MilestoneTracker(setup.subjects());
        int sites = setup.topology().siteCount();
        long[] held = new long[sites];
        for (int s = 0; s < sites; s++) {
            held[s] = setup.heldAtStart(s);
        }
        this.storage = new StorageMeter(held);
        this.egressBySite = new double[sites];
        this.deletions = new DeletionQueues(
                setup,
                sim,
                ledger,
                streams.stream("deletion-failures", replication),
                this::batchCutOver,
                milestones,
                storage);
        this.recorder = new SeriesRecorder(setup, ledger);
        linkDown = new int[setup.topology().links().size()];
        siteDown = new int[setup.topology().siteCount()];
        pendingCatchUp = new long[setup.plan().batches().size()];
        int n = setup.plan().batches().size();
        state = new Stage[n];
        Arrays.fill(state, Stage.WAITING);
        flowOf = new int[n];
        Arrays.fill(flowOf, -1);
        arrived = new boolean[n];
        snapshotAt = new double[n];
        syncedAt = new double[n];
        catchUpRounds = new int[n];
        times = new BatchTimes(n);
        verifierFreeAt = new double[setup.topology().siteCount()];
        verificationRate = settings.verificationRate().bytesPerSecond();
        double p = settings.faults().corruptionPerByte();
        corruptionLog1p = p > 0 ? Math.log1p(-p) : 0;
        interrupted = settings.faults().interruptedTransfers();
        batchesLeft = n;
        new FaultSchedule(setup, sim, streams, replication).schedule();
    }

    /**
     * Runs replication {@code replication} of the prepared migration and returns its result.
     *
     * @throws IllegalArgumentException if {@code replication} is negative
     * @throws IllegalStateException if an invariant is violated during the run (a bug, reported loudly)
     */
    public static RunResult execute(MigrationSetup setup, int replication) {
        checkNotNull(setup, "setup");
        checkArgument(replication >= 0, "replication must not be negative: %s", replication);
        return new MigrationRun(setup, replication).run();
    }

    private RunResult run() {
        for (int b = 0; b < state.length; b++) {
            sim.scheduleAt(setup.batchGate(b), new StartBatch(b));
        }
        for (int d = 0; d < setup.plan().deletions().size(); d++) {
            Deletion deletion = setup.deletion(d);
            if (deletion.afterBatch().isEmpty()) {
                sim.scheduleAt(setup.deletionGate(d), new ReleaseDeletion(d));
            }
        }
        double deadline = setup.deadlineSeconds();
        if (!Double.isNaN(deadline)) {
            sim.scheduleAt(deadline, new Deadline());
        }
        sim.scheduleAt(0, new Sample());
        checkDone();
        double horizon = Durations.seconds(settings.horizon());
        if (Double.isNaN(fullCompliance)) {
            sim.runUntil(horizon);
        }
        double end = sim.now();
        // One last sample on the sampling grid, so that replications' series stay aligned.
        double interval = setup.sampleIntervalSeconds();
        double last = Math.ceil(end / interval - 1e-9) * interval;
        if (!(recorder.lastSampleSeconds() >= last)) {
            sample(last);
        }
        if (violatingAtDeadline < 0) {
            violatingAtDeadline = ledger.violatingTotal(pendingWritesTotal(end)) + ledger.backupsTotal();
            metDeadline = Double.isNaN(deadline) && isFullyCompliant();
        }
        return result(end);
    }

    // Java 17 has no pattern matching for switch: the sealed hierarchy is dispatched by instanceof.
    private void handle(MigrationEvent event) {
        if (event instanceof StartBatch e) {
            tryStart(e.batch());
        } else if (event instanceof VerifyDone e) {
            verified(e.batch());
        } else if (event instanceof FreezeDone e) {
            cutOver(e.batch());
        } else if (event instanceof ReleaseDeletion e) {
            deletions.release(e.job());
        } else if (event instanceof DeletionDone e) {
            deletions.done(e.job());
            checkDone();
        } else if (event instanceof BackupGone e) {
            deletions.backupGone(e.job());
            checkDone();
        } else if (event instanceof Sample) {
            sample(sim.now());
            ledger.checkConservation(deletions, sim.now());
            if (!isFullyCompliant()) {
                // On an exact grid k * interval, so that replications' samples share their instants.
                samples++;
                sim.scheduleAt(samples * setup.sampleIntervalSeconds(), new Sample());
            }
        } else if (event instanceof Deadline) {
            deadline();
        } else if (event instanceof Fault e) {
            fault(e);
        } else {
            throw new AssertionError(event);
        }
    }

    private void tryStart(int b) {
        if (state[b] != Stage.WAITING || sim.now() < setup.batchGate(b)) {
            return;
        }
        int previous = layout.previousInStream(b);
        if (previous >= 0 && !state[previous].atLeast(Stage.VERIFYING)) {
            return; // started when the previous batch of the stream finishes copying
        }
        TransferBatch batch = setup.plan().batches().get(b);
        if (batch.continuesLeg() && state[batch.previousLeg()] != Stage.STAGED) {
            return; // started when the staging copy it continues is verified
        }
        state[b] = Stage.COPYING;
        times.copyStart[b] = sim.now();
        milestones.receiving(batch.destination(), sim.now());
        // A leg copies the staging copy, which holds the data as its chain's first leg read it.
        snapshotAt[b] = batch.continuesLeg() ? snapshotAt[batch.previousLeg()] : sim.now();
        times.attempts[b]++;
        layout.pace(network, batch);
        flowOf[b] = network.startFlow(layout.pacedRoute(b), batch.bytes(), interrupted, listener(b, Transfer.COPY));
    }

    private enum Transfer {
        COPY,
        RECOPY,
        CATCH_UP
    }

    private FlowListener listener(int b, Transfer kind) {
        return new FlowListener() {
            @Override
            public void onFlowComplete(int flowId, double timeSeconds) {
                transferred(b, kind);
            }

            @Override
            public void onFlowRestarted(int flowId, double timeSeconds, double bytesLost) {
                restarted(b, kind, bytesLost);
            }
        };
    }

    /**
     * Counts the bytes a restarted transfer of batch {@code b} lost: they were sent, and are sent again,
     * priced as {@link #transferred} prices a finished one (a catch-up over its whole route from the
     * chain's origin).
     */
    private void restarted(int b, Transfer kind, double bytesLost) {
        retransferBytes += Math.round(bytesLost);
        if (kind == Transfer.CATCH_UP) {
            egressCost += bytesLost * layout.catchUpCostPerByte(b);
            egressBySite[setup.origin(b)] += bytesLost * layout.catchUpCostPerByte(b);
        } else {
            egressCost += bytesLost * layout.costPerByte(b);
            egressBySite[setup.plan().batches().get(b).source()] += bytesLost * layout.costPerByte(b);
        }
    }

    private void transferred(int b, Transfer kind) {
        if (state[b] == Stage.FORCED || state[b] == Stage.CUT_OVER) {
            return;
        }
        flowOf[b] = -1;
        TransferBatch batch = setup.plan().batches().get(b);
        long bytes = kind == Transfer.CATCH_UP ? lastCatchUp(b) : batch.bytes();
        if (kind == Transfer.CATCH_UP) {
            egressCost += bytes * layout.catchUpCostPerByte(b);
            egressBySite[setup.origin(b)] += bytes * layout.catchUpCostPerByte(b);
        } else {
            egressCost += bytes * layout.costPerByte(b);
            egressBySite[batch.source()] += bytes * layout.costPerByte(b);
        }
        if (kind != Transfer.CATCH_UP && !arrived[b]) {
            // Live writes are left out of storage (see CostInputs); the batch's copy is held from now.
            arrived[b] = true;
            storage.change(batch.destination(), batch.bytes(), 0, sim.now());
        }
        switch (kind) {
            case COPY, RECOPY -> {
                times.copyEnd[b] = sim.now();
                state[b] = Stage.VERIFYING;
                int site = batch.destination();
                double start = Math.max(sim.now(), verifierFreeAt[site]);
                verifierFreeAt[site] = start + bytes / verificationRate;
                sim.scheduleAt(verifierFreeAt[site], new VerifyDone(b));
                if (kind == Transfer.COPY) {
                    int next = layout.nextInStream(b);
                    if (next >= 0) {
                        tryStart(next);
                    }
                } else {
                    retransferBytes += bytes;
                }
            }
            case CATCH_UP -> {
                syncedAt[b] = snapshotAt[b];
                catchUp(b);
            }
        }
    }

    private void verified(int b) {
        if (state[b] != Stage.VERIFYING) {
            return;
        }
        TransferBatch batch = setup.plan().batches().get(b);
        if (corruptionLog1p != 0 && corruption.nextDouble() < -Math.expm1(batch.bytes() * corruptionLog1p)) {
            copyRetries++;
            times.attempts[b]++;
            state[b] = Stage.COPYING;
            // A leg recopies the staging copy, which still holds the data as its chain's first leg read it.
            snapshotAt[b] = batch.continuesLeg() ? snapshotAt[batch.previousLeg()] : sim.now();
            flowOf[b] =
                    network.startFlow(layout.unpacedRoute(b), batch.bytes(), interrupted, listener(b, Transfer.RECOPY));
            return;
        }
        times.verifiedAt[b] = sim.now();
        if (batch.staging()) {
            // No cut-over at a transit site: the copy waits there for the leg that continues it.
            state[b] = Stage.STAGED;
            tryStart(setup.nextLeg(b));
            return;
        }
        syncedAt[b] = snapshotAt[b];
        state[b] = Stage.CATCHING_UP;
        catchUp(b);
    }

    private long lastCatchUp(int b) {
        return pendingCatchUp[b];
    }

    private void sample(double t) {
        long inFlight = 0;
        for (int flow : flowOf) {
            if (flow >= 0) {
                inFlight += Math.round(network.remainingBytes(flow));
            }
        }
        recorder.sample(t, pendingWrites(t), inFlight, layout.meanUtilisation(network));
    }

    /** Copies the writes made since the last snapshot, or freezes writes when few are left. */
    private void catchUp(int b) {
        double now = sim.now();
        long delta = Math.round(
                setup.liveWrites().writtenTotalBy(b, now) - setup.liveWrites().writtenTotalBy(b, snapshotAt[b]));
        snapshotAt[b] = now;
        times.catchUpBytes[b] += delta;
        totalCatchUp += delta;
        if (delta >= settings.catchUpThresholdBytes() && catchUpRounds[b] < MAX_CATCH_UP_ROUNDS) {
            catchUpRounds[b]++;
            pendingCatchUp[b] = delta;
            flowOf[b] = network.startFlow(layout.catchUpRoute(b), delta, interrupted, listener(b, Transfer.CATCH_UP));
            return;
        }
        state[b] = Stage.FREEZING;
        double freeze = Durations.seconds(settings.writeFreeze());
        if (delta >= settings.catchUpThresholdBytes()) {
            // Catch-up did not converge: the freeze lasts long enough to copy the rest at the route's bottleneck.
            freeze += delta / layout.catchUpBottleneck(b);
        }
        sim.schedule(freeze, new FreezeDone(b));
    }

    private void cutOver(int b) {
        if (state[b] != Stage.FREEZING) {
            return;
        }
        state[b] = Stage.CUT_OVER;
        times.cutOverAt[b] = sim.now();
        finishBatch(b, false);
    }

    /**
     * Attaches the batch's accumulated writes to its source deletion and releases its deletions; the
     * staging copies of its earlier legs are deleted.
     */
    private void finishBatch(int b, boolean forced) {
        releaseStaging(b, forced);
        batchesLeft--;
        if (!forced) {
            bytesMoved += setup.plan().batches().get(b).bytes();
        }
        ledger.batchDone(b);
        milestones.batchDone(b, sim.now());
        if (!forced) {
            ledger.cutOver(b);
        }
        deletions.attachWrites(b, setup.liveWrites().writtenBy(b, sim.now()));
        deletions.releaseAfter(b, forced);
        checkDone();
    }

    /**
     * Ends the earlier legs of batch {@code b}'s chain, whose last leg {@code b} is now cut over (or
     * aborted, {@code forced}): each staging copy is deleted from its transit site at once (a transit
     * copy, allowed there, so no deletion job and no backup), a leg still copying is aborted.
     */
    private void releaseStaging(int b, boolean forced) {
        for (TransferBatch leg : setup.plan().legsBefore(setup.plan().batches().get(b))) {
            int p = leg.id();
            if (state[p].atLeast(Stage.CUT_OVER)) {
                continue;
            }
            if (flowOf[p] >= 0) {
                network.abortFlow(flowOf[p]);
                flowOf[p] = -1;
            }
            if (arrived[p]) {
                storage.change(leg.destination(), -leg.bytes(), 0, sim.now());
                arrived[p] = false;
            }
            state[p] = forced ? Stage.FORCED : Stage.CUT_OVER;
            batchesLeft--;
            ledger.batchDone(p);
            milestones.batchDone(p, sim.now());
        }
    }

    private boolean batchCutOver(int b) {
        return state[b] == Stage.CUT_OVER || state[b] == Stage.FORCED;
    }

    private void deadline() {
        double now = sim.now();
        violatingAtDeadline = ledger.violatingTotal(pendingWritesTotal(now)) + ledger.backupsTotal();
        metDeadline = isFullyCompliant();
        if (settings.deadlineRule() != DeadlineRule.ENFORCE) {
            return;
        }
        for (int b = 0; b < state.length; b++) {
            if (state[b].atLeast(Stage.CUT_OVER) || setup.staging(b)) {
                continue; // a staging leg ends with its chain's last leg
            }
            if (flowOf[b] >= 0) {
                network.abortFlow(flowOf[b]);
                flowOf[b] = -1;
            }
            if (state[b].atLeast(Stage.CATCHING_UP)) {
                // A verified copy exists, so the batch is cut over; the writes not yet copied to it are
                // lost with the source and counted as forced loss.
                double syncedUpTo = state[b] == Stage.FREEZING ? snapshotAt[b] : now;
                ledger.lostWrites(Math.round(setup.liveWrites().writtenTotalBy(b, syncedUpTo)
                        - setup.liveWrites().writtenTotalBy(b, syncedAt[b])));
                state[b] = Stage.CUT_OVER;
                times.cutOverAt[b] = now;
                finishBatch(b, false);
            } else {
                if (arrived[b]) {
                    // The unverified copy is discarded with the aborted batch.
                    TransferBatch batch = setup.plan().batches().get(b);
                    storage.change(batch.destination(), -batch.bytes(), 0, now);
                }
                state[b] = Stage.FORCED;
                finishBatch(b, true);
            }
        }
        deletions.enforce();
        checkDone();
        sim.stop();
    }

    /** Applies a failure or repair; overlapping outages of one component are counted, so it is up only when all are over. */
    private void fault(Fault e) {
        int[] down = e.site() ? siteDown : linkDown;
        int before = down[e.index()];
        down[e.index()] = Math.max(0, before + (e.up() ? -1 : 1));
        boolean changed = (before == 0) != (down[e.index()] == 0);
        if (!changed) {
            return;
        }
        if (e.site()) {
            if (!e.up() && !e.planned()) {
                siteFailures++;
            }
            layout.setSiteUp(network, e.index(), e.up());
            deletions.setSiteUp(e.index(), e.up());
        } else if (!e.up()) {
            if (!e.planned()) {
                linkFailures++;
            }
            network.failArc(2 * e.index());
            network.failArc(2 * e.index() + 1);
        } else {
            network.repairArc(2 * e.index());
            network.repairArc(2 * e.index() + 1);
        }
    }

    private double[] pendingWrites(double t) {
        double[] byHome = new double[setup.jurisdictions().size()];
        for (int b = 0; b < state.length; b++) {
            if (!state[b].atLeast(Stage.CUT_OVER) && setup.hasWrites(b)) {
                for (int h = 0; h < byHome.length; h++) {
                    byHome[h] += setup.liveWrites().writtenBy(b, h, t);
                }
            }
        }
        return byHome;
    }

    private long pendingWritesTotal(double t) {
        double sum = 0;
        for (double v : pendingWrites(t)) {
            sum += v;
        }
        return Math.round(sum);
    }

    private boolean isLiveCompliant() {
        return batchesLeft == 0 && ledger.liveDeletableTotal() == 0;
    }

    private boolean isFullyCompliant() {
        return isLiveCompliant() && ledger.backupsTotal() == 0;
    }

    private void checkDone() {
        if (Double.isNaN(liveCompliance) && isLiveCompliant()) {
            liveCompliance = sim.now();
        }
        if (Double.isNaN(fullCompliance) && isFullyCompliant()) {
            fullCompliance = sim.now();
            if (!Double.isNaN(setup.deadlineSeconds()) && violatingAtDeadline < 0) {
                // Done before the deadline: what is left then is what is left now, the blocked data.
                violatingAtDeadline = ledger.violatingTotal(0) + ledger.backupsTotal();
                metDeadline = true;
            }
            sim.stop();
        }
    }

    private RunResult result(double end) {
        return new RunResult(
                setup.scenario().name(),
                settings.seed(),
                replication,
                setup.deadlineSeconds(),
                settings.deadlineRule() == DeadlineRule.ENFORCE,
                liveCompliance,
                fullCompliance,
                end,
                violatingAtDeadline,
                ledger.blockedTotal(),
                metDeadline,
                bytesMoved,
                totalCatchUp,
                retransferBytes,
                deletions.deletedByReason(),
                ledger.forcedLoss(),
                egressCost,
                copyRetries,
                deletions.retries(),
                linkFailures,
                siteFailures,
                sim.processedEvents(),
                recorder.build(),
                times.outcomes(setup.plan().batches(), b -> state[b] == Stage.FORCED),
                milestones.milestones(),
                costs(end));
    }

    /** Prices the run's storage, egress and fixed costs; NaN where the scenario gives no price. */
    private RunCosts costs(double end) {
        CostInputs prices = settings.costs();
        double[] held = storage.byteSecondsUntil(end);
        boolean egressPriced = setup.topology().links().stream().anyMatch(l -> l.egressCostPerGiB() > 0);
        ImmutableList.Builder<SiteCost> sites = ImmutableList.builder();
        for (int s = 0; s < held.length; s++) {
            String id = setup.topology().site(s).id();
            Double build = prices.buildUsdBySite().get(id);
            sites.add(new SiteCost(
                    id,
                    held[s],
                    held[s] * prices.storageUsdPerByteSecond(id),
                    egressPriced ? egressBySite[s] : Double.NaN,
                    build == null ? Double.NaN : build));
        }
        double months = end / CostInputs.MONTH_SECONDS;
        return new RunCosts(
                sites.build(),
                months,
                prices.staffUsdPerMonth().isPresent()
                        ? months * prices.staffUsdPerMonth().getAsDouble()
                        : Double.NaN,
                prices.oneOffUsd().orElse(Double.NaN));
    }
}
