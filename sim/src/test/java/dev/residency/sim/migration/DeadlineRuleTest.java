package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.geo.Jurisdiction;
import dev.residency.sim.report.BatchOutcome;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.report.TimeSeries;
import dev.residency.sim.scenario.Backups;
import dev.residency.sim.scenario.DeadlineRule;
import dev.residency.sim.scenario.DistributionSpec;
import dev.residency.sim.scenario.FailureSpec;
import dev.residency.sim.scenario.Faults;
import dev.residency.sim.scenario.LiveWrites;
import dev.residency.sim.scenario.RunSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two deadline rules on the same plan and seed differ exactly in what enforcement deleted: the
 * runs are identical until the deadline (series, batch outcomes, violating bytes at the deadline);
 * ENFORCE then aborts the batches not yet verified, and its forced loss is exactly their bytes (every
 * record has one copy and one batch here), deleted as FORCED; it reaches full compliance at the
 * deadline, while CONTINUE goes on and loses nothing. Over several seeds of a faulty one-link
 * migration (link failures, corruption, deletion failures, live writes).
 */
final class DeadlineRuleTest {

    /** The deadline, halfway through the 800 s plan. */
    private static final long DEADLINE_SECONDS = 400;

    static IntStream seeds() {
        return IntStream.range(0, 8);
    }

    /** Returns the faulty run settings of seed {@code seed} under CONTINUE (also used by {@link ReplicationsTest}). */
    static RunSettings run(long seed) {
        return RunSettings.builder(MigrationFixtures.START)
                .seed(seed)
                .replications(1)
                .deadline(MigrationFixtures.START.plusSeconds(DEADLINE_SECONDS))
                .deadlineRule(DeadlineRule.CONTINUE)
                .horizon(Duration.ofDays(1))
                .verificationRate(new dev.residency.units.Bandwidth(1e9))
                .deletionFailureProbability(0.05)
                .liveWrites(Jurisdiction.US, new LiveWrites(1_000_000_000L, 0.01))
                .catchUpThresholdBytes(10_000_000L)
                .writeFreeze(Duration.ofSeconds(5))
                .backups(new Backups(Duration.ofMinutes(30), false))
                .faults(new Faults(
                        Optional.of(new FailureSpec(
                                new DistributionSpec.Exponential(Duration.ofSeconds(300)),
                                new DistributionSpec.Exponential(Duration.ofSeconds(20)))),
                        Optional.empty(),
                        1e-11,
                        com.google.common.collect.ImmutableList.of()))
                .build();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void rules_sameSeed_differOnlyInWhatEnforcementDeleted(long seed) {
        MigrationSetup keepGoing = MigrationFixtures.oneLinkTenBatches(run(seed));
        MigrationSetup enforce = keepGoing.withRun(keepGoing.scenario().run().toBuilder()
                .deadlineRule(DeadlineRule.ENFORCE)
                .build());
        assertThat(enforce.plan()).as("seed %s: plan", seed).isSameAs(keepGoing.plan());

        RunResult c = MigrationRun.execute(keepGoing, 0);
        RunResult e = MigrationRun.execute(enforce, 0);

        double deadline = DEADLINE_SECONDS;
        // Identical until the deadline.
        TimeSeries cs = c.series();
        TimeSeries es = e.series();
        int before = 0;
        while (before < cs.size() && cs.seconds(before) < deadline) {
            before++;
        }
        assertThat(before).as("seed %s: samples before the deadline", seed).isGreaterThan(1);
        for (int i = 0; i < before; i++) {
            assertThat(es.seconds(i)).as("seed %s: sample %s instant", seed, i).isEqualTo(cs.seconds(i));
            assertThat(es.violatingTotal(i))
                    .as("seed %s: sample %s violating", seed, i)
                    .isEqualTo(cs.violatingTotal(i));
            assertThat(es.backup(i)).as("seed %s: sample %s backups", seed, i).isEqualTo(cs.backup(i));
            assertThat(es.inFlight(i))
                    .as("seed %s: sample %s in flight", seed, i)
                    .isEqualTo(cs.inFlight(i));
            assertThat(es.backlog(i)).as("seed %s: sample %s backlog", seed, i).isEqualTo(cs.backlog(i));
        }
        assertThat(e.violatingAtDeadline())
                .as("seed %s: violating at deadline", seed)
                .isEqualTo(c.violatingAtDeadline());
        assertThat(e.metDeadline()).as("seed %s: ENFORCE met deadline", seed).isEqualTo(c.metDeadline());

        // ENFORCE aborts exactly the batches CONTINUE had not verified by the deadline.
        long unverifiedBytes = 0;
        long unverifiedRecords = 0;
        for (int b = 0; b < c.batches().size(); b++) {
            BatchOutcome cb = c.batches().get(b);
            BatchOutcome eb = e.batches().get(b);
            boolean verifiedInTime = cb.verifiedAt() <= deadline;
            assertThat(eb.forced())
                    .as("seed %s: batch %s forced (CONTINUE verified at %s)", seed, b, cb.verifiedAt())
                    .isEqualTo(!verifiedInTime);
            if (verifiedInTime) {
                assertThat(eb.verifiedAt())
                        .as("seed %s: batch %s verified", seed, b)
                        .isEqualTo(cb.verifiedAt());
                assertThat(eb.cutOverAt())
                        .as("seed %s: batch %s cut over", seed, b)
                        .isLessThanOrEqualTo(Math.min(deadline, cb.cutOverAt()));
            } else {
                unverifiedBytes += cb.bytes();
                unverifiedRecords += keepGoing.plan().batches().get(b).records().length();
            }
            assertThat(cb.forced())
                    .as("seed %s: batch %s forced under CONTINUE", seed, b)
                    .isFalse();
        }
        assertThat(unverifiedBytes)
                .as("seed %s: the deadline falls mid-plan", seed)
                .isPositive();
        assertThat(e.forcedLoss().bytes())
                .as("seed %s: forced loss bytes", seed)
                .isEqualTo(unverifiedBytes);
        assertThat(e.forcedLoss().records())
                .as("seed %s: forced loss records", seed)
                .isEqualTo(unverifiedRecords);
        assertThat(e.forcedLoss().users())
                .as("seed %s: one user per record", seed)
                .isEqualTo(unverifiedRecords);
        assertThat(e.forcedLoss().bytesByCategory())
                .as("seed %s", seed)
                .containsExactly(java.util.Map.entry("videos", unverifiedBytes));
        // The forced deletions remove those records' source copies, plus the writes their users made.
        assertThat(e.deletedByReason().get(DeletionQueues.FORCED))
                .as("seed %s: FORCED deletions", seed)
                .isGreaterThanOrEqualTo(unverifiedBytes);
        assertThat(c.forcedLoss().bytes())
                .as("seed %s: CONTINUE loses nothing", seed)
                .isZero();
        assertThat(c.deletedByReason()).as("seed %s", seed).doesNotContainKey(DeletionQueues.FORCED);

        // ENFORCE is compliant at the deadline; CONTINUE later.
        assertThat(e.enforced()).isTrue();
        assertThat(e.fullComplianceSeconds())
                .as("seed %s: ENFORCE compliance", seed)
                .isEqualTo(deadline);
        assertThat(c.fullComplianceSeconds())
                .as("seed %s: CONTINUE compliance", seed)
                .isGreaterThan(deadline);
        assertThat(e.bytesDeleted()).as("seed %s", seed).isLessThanOrEqualTo(c.bytesDeleted());
    }
}
