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
import dev.residency.sim.scenario.Faults;
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
 * corruption, link and site failures, outages, deadlines under both rules):
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
 *   <li>liveness: a run without faults, outages or live writes under CONTINUE cuts every batch over
 *       and reaches full compliance;
 *   <li>determinism: the same migration, seed and replication give the same fingerprint, also over
 *       three worker threads.
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

        // Liveness: without faults, outages or live writes (whose catch-up may legitimately never
        // converge) nothing can stop a run under CONTINUE for good. Its horizon may still be too short
        // (verification and deletion rates are not in the makespan), so a run left with batches not
        // cut over is run again with a horizon 100 times longer, where it must finish everything.
        Faults faults = run.faults();
        boolean unhindered = faults.links().isEmpty()
                && faults.sites().isEmpty()
                && faults.outages().isEmpty()
                && run.liveWrites().isEmpty();
        boolean pending = result.batches().stream().anyMatch(b -> Double.isNaN(b.cutOverAt()));
        if (unhindered && run.deadlineRule() == DeadlineRule.CONTINUE && pending) {
            java.time.Duration longer = run.horizon().multipliedBy(100);
            if (longer.compareTo(RunSettings.MAX_HORIZON) > 0) {
                longer = RunSettings.MAX_HORIZON;
            }
            MigrationSetup patient = MigrationSetup.prepare(
                    setup.scenario().withRun(run.toBuilder().horizon(longer).build()), setup.store(), setup.plan());
            RunResult again = MigrationRun.execute(patient, 0);
            assertThat(again.batches())
                    .as("%s: every batch of an unhindered run is cut over (horizon %s)", context, longer)
                    .allSatisfy(b -> assertThat(b.cutOverAt()).isNotNaN());
            assertThat(again.fullComplianceSeconds())
                    .as("%s: an unhindered run reaches full compliance (horizon %s)", context, longer)
                    .isNotNaN();
        }

        // Determinism: again, and every 50th seed over 1 and 3 threads (more than two workers).
        assertThat(MigrationRun.execute(setup, 0).fingerprint())
                .as("%s: fingerprint of a second run", context)
                .isEqualTo(result.fingerprint());
        if (seed % 50 == 0) {
            List<String> one =
                    Replications.run(3, 1, i -> MigrationRun.execute(setup, i).fingerprint(), d -> {});
            List<String> three =
                    Replications.run(3, 3, i -> MigrationRun.execute(setup, i).fingerprint(), d -> {});
            assertThat(three).as("%s: fingerprints on 3 threads", context).isEqualTo(one);
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
     * Returns the live-write bytes the run should account for: for each batch with a deletion of its
     * source copies, what its users wrote until its cut-over (or the deadline, if forced); for each
     * batch not yet cut over, what they wrote until {@code end}. A batch's users write to its source at
     * their jurisdiction's rate, users growing linearly with sign-ups (see {@link LiveWrites}).
     */
    private static Map<Integer, Long> migratingBytesByUser(MigrationSetup setup) {
        Map<Integer, Long> bytes = new HashMap<>();
        for (TransferBatch batch : setup.plan().batches()) {
            for (int k = 0; k < batch.records().length(); k++) {
                int i = batch.records().get(k);
                bytes.merge(setup.store().user(i), setup.store().bytes(i), Long::sum);
            }
        }
        return bytes;
    }

    private static long expectedWrites(MigrationSetup setup, RunResult result, double end) {
        RecordStore store = setup.store();
        // Writes count as violating only at a source whose copy a deletion job removes after the batch.
        boolean[] hasDeletion = new boolean[setup.plan().batches().size()];
        for (Deletion d : setup.plan().deletions()) {
            d.afterBatch().ifPresent(b -> {
                if (setup.plan().batches().get(b).source() == d.site()) {
                    hasDeletion[b] = true;
                }
            });
        }
        Map<Integer, Long> userBytes = migratingBytesByUser(setup);
        long total = 0;
        double pending = 0;
        for (TransferBatch batch : setup.plan().batches()) {
            BatchOutcome outcome = result.batches().get(batch.id());
            double until;
            if (outcome.forced()) {
                until = setup.deadlineSeconds();
            } else if (!Double.isNaN(outcome.cutOverAt())) {
                until = outcome.cutOverAt();
            } else {
                until = end;
            }
            if (!hasDeletion[batch.id()]) {
                continue;
            }
            boolean pendingAtEnd = !outcome.forced() && Double.isNaN(outcome.cutOverAt());
            for (int h = 0; h < store.jurisdictions().size(); h++) {
                LiveWrites w = setup.scenario()
                        .run()
                        .liveWrites()
                        .get(store.jurisdictions().get(h));
                if (w == null) {
                    continue;
                }
                // Each user writes once in all: a batch carries the share of the user's migrating bytes it holds.
                double writers = 0;
                for (int k = 0; k < batch.records().length(); k++) {
                    int i = batch.records().get(k);
                    if (store.homeIndex(i) == h) {
                        writers += (double) store.bytes(i) / userBytes.get(store.user(i));
                    }
                }
                double perSecond = writers * w.bytesPerUserPerDay() / DAY;
                double bytes = perSecond * until + perSecond * w.signupsPerUserPerDay() / (2 * DAY) * until * until;
                if (pendingAtEnd) {
                    pending += bytes;
                } else {
                    total += Math.round(bytes);
                }
            }
        }
        return total + Math.round(pending);
    }
}
