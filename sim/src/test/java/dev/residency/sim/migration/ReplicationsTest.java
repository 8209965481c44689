package dev.residency.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.report.RunResult;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Replications are independent of the number of threads (invariant 4): the same seed gives
 * bit-identical results, compared by their fingerprints, on one thread or two, in replication order;
 * different replications draw different faults (compared on the drawn outcomes, not on fingerprints,
 * which include the replication index).
 */
final class ReplicationsTest {

    @Test
    void replicate_oneOrTwoThreads_giveIdenticalFingerprints() {
        MigrationSetup setup = MigrationFixtures.oneLinkTenBatches(
                DeadlineRuleTest.run(42).toBuilder().replications(8).build());

        List<String> one = fingerprints(Migrations.replicate(setup, 1, done -> {}));
        List<String> two = fingerprints(Migrations.replicate(setup, 2, done -> {}));
        List<String> again = fingerprints(Migrations.replicate(setup, 2, done -> {}));

        assertThat(two).isEqualTo(one);
        assertThat(again).isEqualTo(one);
        // The fingerprint hashes the replication index, so distinct fingerprints would prove nothing:
        // compare what the draws decide instead (when links fail, which copies and deletions retry,
        // and so when the run ends), without the index.
        List<RunResult> results = Migrations.replicate(setup, 2, done -> {});
        Set<List<Object>> outcomes = results.stream()
                .map(r -> List.<Object>of(
                        r.endSeconds(), r.linkFailures(), r.copyRetries(), r.deletionRetries(), r.events()))
                .collect(Collectors.toSet());
        assertThat(outcomes).as("replications draw their own faults").hasSizeGreaterThan(1);
    }

    @Test
    void replicate_sameReplicationTwice_drawsTheSameFaults() {
        MigrationSetup setup = MigrationFixtures.oneLinkTenBatches(
                DeadlineRuleTest.run(42).toBuilder().replications(1).build());

        RunResult first = MigrationRun.execute(setup, 5);
        RunResult second = MigrationRun.execute(setup, 5);

        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(second.linkFailures()).isEqualTo(first.linkFailures());
    }

    @Test
    void replicate_results_comeInReplicationOrder() {
        MigrationSetup setup = MigrationFixtures.oneLinkTenBatches(
                DeadlineRuleTest.run(7).toBuilder().replications(5).build());

        List<RunResult> results = Migrations.replicate(setup, 2, done -> {});

        assertThat(results).extracting(RunResult::replication).containsExactly(0, 1, 2, 3, 4);
        assertThat(results.get(3).fingerprint())
                .isEqualTo(MigrationRun.execute(setup, 3).fingerprint());
        assertThat(ReplicationSummary.of(results).runs()).isEqualTo(5);
    }

    @Test
    void run_progress_hearsEveryReplication() {
        AtomicInteger last = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();

        List<Integer> out = Replications.run(20, 2, i -> i * i, done -> {
            calls.incrementAndGet();
            last.accumulateAndGet(done, Math::max);
        });

        assertThat(out).hasSize(20).element(19).isEqualTo(361);
        assertThat(calls.get()).isEqualTo(20);
        assertThat(last.get()).isEqualTo(20);
    }

    @Test
    void run_failingReplication_namesItsIndex() {
        assertThatThrownBy(() -> Replications.run(
                        4,
                        2,
                        i -> {
                            if (i == 2) {
                                throw new IllegalStateException("boom");
                            }
                            return i;
                        },
                        done -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("replication 2");
    }

    private static List<String> fingerprints(List<RunResult> results) {
        return results.stream().map(RunResult::fingerprint).collect(Collectors.toList());
    }
}
