package dev.residency.sim.migration;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.audit.AuditCell;
import dev.residency.audit.AuditReport;
import dev.residency.audit.ComplianceAudit;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.Deletion;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.TransferBatch;
import dev.residency.policy.PolicyIndex;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.sim.scenario.Phase;
import dev.residency.sim.scenario.Scenario;
import dev.residency.topology.Topology;
import dev.residency.units.Durations;
import java.time.Instant;
import java.util.BitSet;
import java.util.Map;

/**
 * Everything a migration run needs that does not change between replications, precomputed once from
 * the scenario, a population and a plan that the caller built (or {@link ScenarioPlans#prepare}, which
 * builds both from the scenario): what each batch and deletion weighs per jurisdiction and
 * category, the bytes each site holds at the start, the gates before which each batch and deletion job
 * may not start, the live writes reaching each batch's
 * source ({@link LiveWriteModel}), the subjects whose milestones are reported, and the sampling grid.
 * Shared, read-only, by all replications (thread-safe).
 */
public final class MigrationSetup {

    private final Scenario scenario;
    private final RecordStore store;
    private final MigrationPlan plan;
    private final Footprint[] batchFootprints;
    private final Footprint[] deletionFootprints;
    private final double[] batchGate;
    private final double[] deletionGate;
    private final int[] sourceDeletion;
    /** Per batch, the first leg of its chain of legs (itself for a first or one-leg batch). */
    private final int[] firstLeg;
    /** Per batch, the leg that continues its staging copy, or -1. */
    private final int[] nextLeg;

    private final LiveWriteModel liveWrites;
    private final long[] initialViolating;
    private final long[] heldAtStart;
    private final long[] blockedFloor;
    private final BitSet compliantAtStart;
    private final double deadlineSeconds;
    private final double sampleInterval;
    private final Subjects subjects;

    private MigrationSetup(Scenario scenario, RecordStore store, MigrationPlan plan) {
        this.scenario = scenario;
        this.store = store;
        this.plan = plan;
        Instant start = scenario.run().start();
        int homes = store.jurisdictions().size();
        int batches = plan.batches().size();
        batchFootprints = new Footprint[batches];
        batchGate = new double[batches];
        for (int b = 0; b < batches; b++) {
            TransferBatch batch = plan.batches().get(b);
            checkArgument(batch.id() == b, "plan batch ids must be 0..n-1 in order; batch %s has id %s", b, batch.id());
            Footprint f = Footprint.of(store, batch.records());
            batchFootprints[b] = f;
            batchGate[b] = gate(scenario, store, topology(), batch, f, start);
        }
        firstLeg = new int[batches];
        nextLeg = new int[batches];
        java.util.Arrays.fill(nextLeg, -1);
        for (int b = 0; b < batches; b++) {
            TransferBatch batch = plan.batches().get(b);
            int p = batch.previousLeg();
            if (p >= 0) {
                checkArgument(
                        p < batches && plan.batches().get(p).staging() && nextLeg[p] < 0,
                        "plan batch %s continues batch %s, which is no staging copy of the plan or is continued twice",
                        b,
                        p);
                nextLeg[p] = b;
            }
        }
        for (int b = 0; b < batches; b++) {
            firstLeg[b] = chainStart(plan, b);
            checkArgument(
                    !plan.batches().get(b).staging() || nextLeg[b] >= 0,
                    "plan batch %s makes a staging copy that no leg continues",
                    b);
        }
        liveWrites = LiveWriteModel.of(scenario.run().liveWrites(), store, plan);
        sourceDeletion = new int[batches];
        java.util.Arrays.fill(sourceDeletion, -1);
        for (int d = plan.deletions().size() - 1; d >= 0; d--) {
            Deletion deletion = plan.deletions().get(d);
            if (deletion.afterBatch().isPresent()) {
                int b = deletion.afterBatch().getAsInt();
                if (deletion.site() == plan.batches().get(firstLeg[b]).source()) {
                    sourceDeletion[b] = d;
                }
            }
        }
        deletionFootprints = new Footprint[plan.deletions().size()];
        deletionGate = new double[deletionFootprints.length];
        for (int d = 0; d < deletionFootprints.length; d++) {
            deletionFootprints[d] = Footprint.of(store, plan.deletions().get(d).records());
            deletionGate[d] = deletionGate(scenario, store, plan.deletions().get(d), deletionFootprints[d], start);
        }
        compliantAtStart = compliantAtStart(store, scenario.policy(), plan);
        AuditReport audit = ComplianceAudit.run(store, scenario.policy());
        initialViolating = new long[homes];
        for (AuditCell cell : audit.cells()) {
            initialViolating[store.jurisdictions().indexOf(cell.home())] +=
                    cell.copies().bytes();
        }
        blockedFloor = initialViolating.clone();
        for (Footprint f : deletionFootprints) {
            for (int h = 0; h < homes; h++) {
                blockedFloor[h] -= f.bytesByHome()[h];
            }
        }
        for (int h = 0; h < homes; h++) {
            checkArgument(
                    blockedFloor[h] >= 0,
                    "plan deletes %s bytes of %s copies but only %s violate",
                    initialViolating[h] - blockedFloor[h],
                    store.jurisdictions().get(h),
                    initialViolating[h]);
        }
        heldAtStart = heldAtStart(store);
        deadlineSeconds = scenario.run()
                .deadline()
                .map(d -> Durations.seconds(java.time.Duration.between(start, d)))
                .orElse(Double.NaN);
        sampleInterval = sampleInterval(scenario, plan, deadlineSeconds);
        subjects = Subjects.of(scenario, store, plan);
    }

    /**
     * Prepares a run of {@code plan} on {@code store} for {@code scenario}.
     *
     * @throws IllegalArgumentException if the plan's batch ids are not 0..n-1, a leg continues no
     *     staging copy of the plan (or one another leg continues too), a staging copy is continued by
     *     no leg, or it deletes more violating copies than the audit finds
     */
    public static MigrationSetup prepare(Scenario scenario, RecordStore store, MigrationPlan plan) {
        return new MigrationSetup(
                checkNotNull(scenario, "scenario"), checkNotNull(store, "store"), checkNotNull(plan, "plan"));
    }

    /** Returns a setup for the same population and plan whose run settings are {@code run}. */
    public MigrationSetup withRun(dev.residency.sim.scenario.RunSettings run) {
        return new MigrationSetup(scenario.withRun(run), store, plan);
    }

    /**
     * Returns the first leg of batch {@code b}'s chain of legs ({@link MigrationPlan#legsBefore}), {@code b}
     * itself for a first or one-leg batch.
     *
     * @throws IllegalArgumentException if the chain is a cycle of legs
     */
    private static int chainStart(MigrationPlan plan, int b) {
        ImmutableList<TransferBatch> legs = plan.legsBefore(plan.batches().get(b));
        checkArgument(legs.size() < plan.batches().size(), "plan batch %s is on a cycle of legs", b);
        return legs.isEmpty() ? b : legs.get(legs.size() - 1).id();
    }

    /** Returns, per site, the bytes of the population's replicas it holds before anything moves. */
    private static long[] heldAtStart(RecordStore store) {
        long[] bySet = new long[store.replicaSets().size()];
        for (int i = 0; i < store.size(); i++) {
            bySet[store.replicaSet(i)] += store.bytes(i);
        }
        long[] bySite = new long[store.topology().siteCount()];
        for (int set = 0; set < bySet.length; set++) {
            var sites = store.replicaSets().sites(set);
            for (int k = 0; k < sites.length(); k++) {
                bySite[sites.get(k)] += bySet[set];
            }
        }
        return bySite;
    }

    /** Marks the records of the plan's batches that already have a compliant copy before anything moves. */
    private static BitSet compliantAtStart(RecordStore store, ResidencyPolicy policy, MigrationPlan plan) {
        PolicyIndex index = PolicyIndex.of(policy, store);
        BitSet compliant = new BitSet();
        for (TransferBatch batch : plan.batches()) {
            for (int k = 0; k < batch.records().length(); k++) {
                int i = batch.records().get(k);
                int rule = index.ruleOf(store.homeIndex(i), store.categoryIndex(i));
                if (rule != PolicyIndex.NO_RULE && index.compliantReplicas(rule, store.replicaSet(i)) > 0) {
                    compliant.set(i);
                }
            }
        }
        return compliant;
    }

    /**
     * Returns the earliest second a batch may start: its planned start, its home jurisdictions'
     * approval dates, its destination's ready date, and the start of the phase of each of its
     * categories.
     */
    private static double gate(
            Scenario scenario, RecordStore store, Topology topology, TransferBatch batch, Footprint f, Instant start) {
        double gate = batch.plannedStartSeconds();
        for (Map.Entry<Jurisdiction, Instant> approval :
                scenario.planning().approvalAt().entrySet()) {
            int h = store.jurisdictions().indexOf(approval.getKey());
            if (h >= 0 && f.bytesByHome()[h] > 0) {
                gate = Math.max(gate, seconds(start, approval.getValue()));
            }
        }
        Instant ready = scenario.planning()
                .siteReadyAt()
                .get(topology.site(batch.destination()).id());
        if (ready != null) {
            gate = Math.max(gate, seconds(start, ready));
        }
        for (Phase phase : scenario.run().phases()) {
            for (int c = 0; c < store.categories().size(); c++) {
                if (f.bytesByCategory()[c] > 0
                        && phase.categories().contains(store.categories().get(c).name())) {
                    gate = Math.max(gate, seconds(start, phase.start()));
                }
            }
        }
        return gate;
    }

    /**
     * Returns the earliest second a deletion job may start: its planned earliest moment and the
     * approval dates of the home jurisdictions whose data it deletes. The policy binds a jurisdiction's
     * data only from its approval (a deal closing, a regulator's consent), so what is deleted under it
     * waits for the gate as what is moved does.
     */
    private static double deletionGate(
            Scenario scenario, RecordStore store, Deletion deletion, Footprint f, Instant start) {
        double gate = Math.max(0, deletion.earliestSeconds());
        for (Map.Entry<Jurisdiction, Instant> approval :
                scenario.planning().approvalAt().entrySet()) {
            int h = store.jurisdictions().indexOf(approval.getKey());
            if (h >= 0 && f.bytesByHome()[h] > 0) {
                gate = Math.max(gate, seconds(start, approval.getValue()));
            }
        }
        return gate;
    }

    private static double seconds(Instant start, Instant at) {
        return Math.max(0, Durations.seconds(java.time.Duration.between(start, at)));
    }

    /**
     * Chooses the sampling interval: about 400 samples over the expected length of the run (plan
     * makespan plus backup retention, or the deadline if later), at least a minute, and adjusted so
     * that the deadline falls exactly on a sample.
     */
    private static double sampleInterval(Scenario scenario, MigrationPlan plan, double deadline) {
        double retention = scenario.run().backups().cryptoShred()
                ? 0
                : Durations.seconds(scenario.run().backups().retention());
        double expected = Math.max(plan.makespanSeconds() * 1.2 + retention, Double.isNaN(deadline) ? 0 : deadline);
        double interval = Math.max(60, expected / 400);
        if (!Double.isNaN(deadline)) {
            // Floor keeps the interval at least as long as chosen (so at least a minute) unless the
            // deadline itself is shorter.
            interval = deadline / Math.max(1, Math.floor(deadline / interval));
        }
        return interval;
    }

    /** Returns the scenario. */
    public Scenario scenario() {
        return scenario;
    }

    /** Returns the population. */
    public RecordStore store() {
        return store;
    }

    /** Returns the plan. */
    public MigrationPlan plan() {
        return plan;
    }

    /** Returns the topology. */
    public Topology topology() {
        return store.topology();
    }

    /** Returns the home jurisdictions, in the store's table order. */
    public ImmutableList<Jurisdiction> jurisdictions() {
        return store.jurisdictions();
    }

    /** Returns the deadline in simulated seconds, or NaN. */
    public double deadlineSeconds() {
        return deadlineSeconds;
    }

    /** Returns the sampling interval of the time series, in seconds. */
    public double sampleIntervalSeconds() {
        return sampleInterval;
    }

    /** Returns the subjects whose milestones a run reports, with the batches and jobs touching each. */
    Subjects subjects() {
        return subjects;
    }

    Footprint batchFootprint(int batch) {
        return batchFootprints[batch];
    }

    Footprint deletionFootprint(int deletion) {
        return deletionFootprints[deletion];
    }

    Deletion deletion(int d) {
        return plan.deletions().get(d);
    }

    double batchGate(int batch) {
        return batchGate[batch];
    }

    /** Returns the earliest second deletion job {@code d} may start (see {@link #deletionGate}). */
    double deletionGate(int d) {
        return deletionGate[d];
    }

    /** Returns the leg that continues batch {@code b}'s staging copy, or -1 if {@code b} makes none. */
    int nextLeg(int b) {
        return nextLeg[b];
    }

    /**
     * Returns the site the data of batch {@code b} comes from: its source, or for a leg that continues
     * a staging copy, the source of its chain's first leg (where live writes keep arriving).
     */
    int origin(int b) {
        return plan.batches().get(firstLeg[b]).source();
    }

    /** Returns whether batch {@code b} makes a staging copy (a leg to a transit site). */
    boolean staging(int b) {
        return plan.batches().get(b).staging();
    }

    /** Returns the live writes reaching each batch's source. */
    LiveWriteModel liveWrites() {
        return liveWrites;
    }

    /**
     * Returns the deletion job that removes batch {@code b}'s source copy (for the last leg of a chain,
     * its first leg's source copy) once the batch is cut over, or -1 if none does (the source is compliant, or another batch's cut-over releases it). Live
     * writes to the source count as violating only while such a job waits for them.
     */
    int sourceDeletion(int b) {
        return sourceDeletion[b];
    }

    /** Returns whether live writes reach batch {@code b}'s source and count as violating there. */
    boolean hasWrites(int b) {
        return sourceDeletion[b] >= 0 && liveWrites.writes(b);
    }

    /** Returns whether record {@code i} of some batch had a compliant copy before the migration began. */
    boolean compliantAtStart(int i) {
        return compliantAtStart.get(i);
    }

    /** Returns the bytes of the population's replicas that site {@code site} holds at the start. */
    long heldAtStart(int site) {
        return heldAtStart[site];
    }

    long initialViolating(int h) {
        return initialViolating[h];
    }

    long blockedFloor(int h) {
        return blockedFloor[h];
    }
}
