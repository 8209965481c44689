package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.residency.audit.AuditCell;
import dev.residency.audit.ComplianceAudit;
import dev.residency.data.RecordStore;
import dev.residency.plan.Deletion;
import dev.residency.plan.TransferBatch;
import dev.residency.policy.PolicyIndex;
import dev.residency.sim.report.BatchOutcome;
import dev.residency.sim.report.ForcedLoss;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.report.TimeSeries;
import dev.residency.sim.scenario.DeadlineRule;
import dev.residency.sim.scenario.LiveWrites;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.testing.RandomInstances;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of {@link MigrationRun} over 10,000 random small migrations (run concurrently; a soak
 * mode takes more, see {@link #seeds()}) ({@link RandomMigrations}:
 * random topologies, populations, policies and plans, live writes, backups, deletion failures,
 * corruption, link and site failures, outages, interrupted copies that resume or restart from byte
 * zero, deadlines under both rules, approval gates, late sites, maintenance windows, binding
 * destination storage and phases):
 *
 * <ul>
 *   <li>the run completes: it checks invariant 1 (no source copy deleted before its batch's verified
 *       copy is cut over) at every deletion job and invariant 2 (conservation) at every sample, and
 *       throws if either fails;
 *   <li>no data loss except forced and counted: every batch cut over was verified first; only the
 *       deadline rule ENFORCE deletes data as FORCED, and its forced loss is exactly the records whose
 *       source deletion waited for a batch it aborted and that had no compliant copy otherwise (none
 *       at the start, no batch of theirs cut over), each once; under CONTINUE nothing is forced;
 *   <li>conservation at the end: violating copy bytes at the start plus live writes equal the bytes
 *       deleted (all reasons) plus those left, the writes computed by the test from the users of each
 *       batch and their write rates;
 *   <li>the end state of a run that reached full compliance is compliant except the blocked bytes;
 *       under ENFORCE, full compliance comes at the deadline at the latest;
 *   <li>liveness: the same plan run without random faults, corruption, deletion failures, live writes
 *       or deadline (but with its fixed outages, under its policy for interrupted copies) cuts every
 *       batch over and reaches full compliance by a bound derived from the plan ({@link
 *       LivenessBound});
 *   <li>determinism: the same migration, seed and replication give the same fingerprint, and four
 *       replications the same fingerprints on 1, 2, 3 and 4 worker threads.
 * </ul>
 *
 * The seed is in every failure message; {@code RandomMigrations.of(seed)} rebuilds the case.
 */
@Execution(ExecutionMode.CONCURRENT)
final class MigrationPropertyTest {

    private static final double DAY = 86_400;

    /** Random migrations in {@code mvn verify}. */
    static final int CI_CASES = 10_000;

    /**
     * Returns the seeds: {@link #CI_CASES} by default, or as many as the system property {@code
     * residency.soak} asks for an overnight run: {@code ./mvnw -o -pl sim -am test
     * -Dtest=MigrationPropertyTest -Dsurefire.failIfNoSpecifiedTests=false -Dresidency.soak=1000000}; add
     * {@code -Dresidency.seedFrom=S} to start at seed S (with {@code -Dresidency.soak=1}, replays seed S).
     */
    static LongStream seeds() {
        long from = Long.getLong("residency.seedFrom", 0);
        return RandomInstances.seeds(Integer.getInteger("residency.soak", CI_CASES))
                .map(s -> s + from);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void execute_randomMigration_keepsInvariants(long seed) {
        RandomMigrations.Case c = RandomMigrations.of(seed);
        MigrationSetup setup = c.setup();
        RunResult result;
        try {
            result = MigrationRun.execute(setup, 0);
        } catch (IllegalStateException e) {
            throw new AssertionError(c + ": " + e.getMessage(), e);
        }
        String context = c.toString();
        RunSettings run = setup.scenario().run();
        TimeSeries series = result.series();
        int last = series.size() - 1;
        assertThat(last).as("%s: samples", context).isGreaterThanOrEqualTo(0);

        // No data loss except forced and counted.
        for (BatchOutcome b : result.batches()) {
            if (b.forced()) {
                assertThat(b.cutOverAt())
                        .as("%s: forced batch %s cut over", context, b.batch())
                        .isNaN();
            } else if (!Double.isNaN(b.cutOverAt())) {
                assertThat(b.verifiedAt())
                        .as(
                                "%s: batch %s cut over at %s but verified at %s",
                                context, b.batch(), b.cutOverAt(), b.verifiedAt())
                        .isLessThanOrEqualTo(b.cutOverAt());
                assertThat(b.copyEnd())
                        .as("%s: batch %s copy end", context, b.batch())
                        .isLessThanOrEqualTo(b.verifiedAt());
            }
        }
        assertThat(result.forcedLoss().bytes())
                .as("%s: forced loss", context)
                .isEqualTo(expectedForcedLoss(setup, result));
        if (run.deadlineRule() == DeadlineRule.CONTINUE || Double.isNaN(setup.deadlineSeconds())) {
            assertThat(result.forcedLoss())
                    .as("%s: forced loss under CONTINUE", context)
                    .isEqualTo(ForcedLoss.NONE);
            assertThat(result.deletedByReason())
                    .as("%s: deletions under CONTINUE", context)
                    .doesNotContainKey(DeletionQueues.FORCED);
        } else if (result.forcedLoss().bytes() > 0) {
            assertThat(result.deletedByReason().get(DeletionQueues.FORCED))
                    .as("%s: forced deletions", context)
                    .isGreaterThanOrEqualTo(result.forcedLoss().bytes());
        }

        // Conservation at the end: initial violating + writes = deleted + left.
        long initial = 0;
        for (AuditCell cell :
                ComplianceAudit.run(setup.store(), setup.scenario().policy()).cells()) {
            initial += cell.copies().bytes();
        }
        long writes = expectedWrites(setup, result, series.seconds(last));
        long left = series.violatingTotal(last);
        long slack = 2L * setup.plan().batches().size() * setup.jurisdictions().size() + 2;
        if (Math.abs(initial + writes - (result.bytesDeleted() + left)) > slack) {
            fail(
                    "%s: %d at start + %d written != %d deleted %s + %d left",
                    context, initial, writes, result.bytesDeleted(), result.deletedByReason(), left);
        }

        // End state.
        if (!Double.isNaN(result.fullComplianceSeconds())) {
            assertThat(left)
                    .as("%s: violating bytes left at full compliance", context)
                    .isEqualTo(result.blockedBytes());
            assertThat(series.backup(last))
                    .as("%s: backups left at full compliance", context)
                    .isZero();
            assertThat(result.batches())
                    .as("%s: batches", context)
                    .allSatisfy(b -> assertThat(b.forced() || !Double.isNaN(b.cutOverAt()))
                            .isTrue());
        }
        double deadline = setup.deadlineSeconds();
        if (run.deadlineRule() == DeadlineRule.ENFORCE && !Double.isNaN(deadline)) {
            assertThat(result.fullComplianceSeconds())
                    .as("%s: full compliance under ENFORCE", context)
                    .isLessThanOrEqualTo(deadline);
        }

        // Liveness: the same plan without random faults, corruption, deletion failures, live writes or
        // deadline (each of which may stop a run for good, or for a random time) cuts every batch over
        // and is fully compliant by a bound derived from the plan alone (see LivenessBound), whatever
        // its gates, phases, maintenance windows and fixed outages, resumed or restarted.
        MigrationSetup unhindered = LivenessBound.unhindered(setup);
        double bound = LivenessBound.seconds(unhindered);
        RunResult calm = MigrationRun.execute(unhindered, 0);
        assertThat(calm.batches())
                .as("%s: every batch of the unhindered run is cut over (bound %.6fs)", context, bound)
                .allSatisfy(b -> assertThat(b.cutOverAt()).isNotNaN());
        assertThat(calm.fullComplianceSeconds())
                .as("%s: the unhindered run is fully compliant within the derived bound", context)
                .isLessThanOrEqualTo(bound);

        // Determinism: again, and every 50th seed four replications over 1, 2, 3 and 4 threads.
        assertThat(MigrationRun.execute(setup, 0).fingerprint())
                .as("%s: fingerprint of a second run", context)
                .isEqualTo(result.fingerprint());
        if (seed % 50 == 0) {
            List<String> one =
                    Replications.run(4, 1, i -> MigrationRun.execute(setup, i).fingerprint(), d -> {});
            for (int threads = 2; threads <= 4; threads++) {
                List<String> many = Replications.run(
                        4, threads, i -> MigrationRun.execute(setup, i).fingerprint(), d -> {});
                assertThat(many)
                        .as("%s: fingerprints on %d threads", context, threads)
                        .isEqualTo(one);
            }
        }
    }

    /**
     * Returns the bytes of the records lost to the deadline rule, worked out from the plan and the
     * batch outcomes: records whose source deletion waited for an aborted (forced) batch, which had no
     * compliant copy at the start and no batch of theirs cut over; each record once.
     */
    private static long expectedForcedLoss(MigrationSetup setup, RunResult result) {
        RecordStore store = setup.store();
        PolicyIndex index = PolicyIndex.of(setup.scenario().policy(), store);
        Set<Integer> delivered = new HashSet<>();
        for (TransferBatch batch : setup.plan().batches()) {
            if (!Double.isNaN(result.batches().get(batch.id()).cutOverAt())) {
                for (int k = 0; k < batch.records().length(); k++) {
                    delivered.add(batch.records().get(k));
                }
            }
        }
        Set<Integer> lost = new HashSet<>();
        long bytes = 0;
        for (Deletion d : setup.plan().deletions()) {
            if (d.afterBatch().isEmpty()
                    || !result.batches().get(d.afterBatch().getAsInt()).forced()) {
                continue;
            }
            for (int k = 0; k < d.records().length(); k++) {
                int i = d.records().get(k);
                int rule = index.ruleOf(store.homeIndex(i), store.categoryIndex(i));
                boolean compliant =
                        rule != PolicyIndex.NO_RULE && index.compliantReplicas(rule, store.replicaSet(i)) > 0;
                if (!compliant && !delivered.contains(i) && lost.add(i)) {
                    bytes += store.bytes(i);
                }
            }
        }
        return bytes;
    }

    /**
     * Returns the live-write bytes the run should account for, by a naive reference that shares no code
     * or closed form with the production model: time is walked from 0 through every instant at which
     * some batch stops collecting its users' writes (its cut-over; the deadline if it was forced; else
     * {@code end}). Over each step every record still collecting receives its user's writes at the
     * rate of the step's midpoint, {@code B / DAY × (1 + s t / DAY)} per user (the midpoint rule is exact
     * for a rate linear in time), times the record's part of its user's migrating bytes (a user writes
     * once in all, however their records are split over batches; see {@link LiveWrites}). Only batches
     * whose source copy a deletion job removes afterwards count: elsewhere writes never violate. Each
     * batch's bytes per home are rounded as whole bytes when the batch is done; those of batches still
     * pending at {@code end} are summed first.
     */
    private static long expectedWrites(MigrationSetup setup, RunResult result, double end) {
        RecordStore store = setup.store();
        List<TransferBatch> batches = setup.plan().batches();
        boolean[] hasDeletion = new boolean[batches.size()];
        for (Deletion d : setup.plan().deletions()) {
            d.afterBatch().ifPresent(b -> {
                if (batches.get(b).source() == d.site()) {
                    hasDeletion[b] = true;
                }
            });
        }
        // Every user's migrating bytes, over every batch that carries their records.
        Map<Integer, Long> userBytes = new HashMap<>();
        for (TransferBatch batch : batches) {
            for (int k = 0; k < batch.records().length(); k++) {
                int i = batch.records().get(k);
                userBytes.merge(store.user(i), store.bytes(i), Long::sum);
            }
        }
        double[] until = new double[batches.size()];
        java.util.TreeSet<Double> instants = new java.util.TreeSet<>();
        instants.add(0.0);
        for (TransferBatch batch : batches) {
            BatchOutcome outcome = result.batches().get(batch.id());
            if (outcome.forced()) {
                until[batch.id()] = setup.deadlineSeconds();
            } else if (!Double.isNaN(outcome.cutOverAt())) {
                until[batch.id()] = outcome.cutOverAt();
            } else {
                until[batch.id()] = end;
            }
            instants.add(until[batch.id()]);
        }
        int homes = store.jurisdictions().size();
        double[][] collected = new double[batches.size()][homes];
        double from = 0;
        for (double to : instants) {
            double mid = (from + to) / 2;
            for (TransferBatch batch : batches) {
                if (!hasDeletion[batch.id()] || until[batch.id()] < to) {
                    continue;
                }
                for (int k = 0; k < batch.records().length(); k++) {
                    int i = batch.records().get(k);
                    LiveWrites w = setup.scenario()
                            .run()
                            .liveWrites()
                            .get(store.jurisdictions().get(store.homeIndex(i)));
                    long ofUser = userBytes.get(store.user(i));
                    if (w == null || ofUser == 0) {
                        continue;
                    }
                    double perUserPerSecond = w.bytesPerUserPerDay() / DAY * (1 + w.signupsPerUserPerDay() * mid / DAY);
                    collected[batch.id()][store.homeIndex(i)] +=
                            (double) store.bytes(i) / ofUser * perUserPerSecond * (to - from);
                }
            }
            from = to;
        }
        long total = 0;
        double pending = 0;
        for (TransferBatch batch : batches) {
            BatchOutcome outcome = result.batches().get(batch.id());
            boolean pendingAtEnd = !outcome.forced() && Double.isNaN(outcome.cutOverAt());
            for (int h = 0; h < homes; h++) {
                if (pendingAtEnd) {
                    pending += collected[batch.id()][h];
                } else {
                    total += Math.round(collected[batch.id()][h]);
                }
            }
        }
        return total + Math.round(pending);
    }
}
