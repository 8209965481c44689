package dev.residency.sim.report;

import static dev.residency.sim.report.RunResults.run;
import static dev.residency.sim.report.RunResults.series;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link RunResult}: derived figures by hand, and a fingerprint that equal results share and that any
 * one changed figure, series value, batch outcome, milestone or cost changes.
 */
final class RunResultTest {

    private static RunResult base(TimeSeries series, List<Milestone> milestones, RunCosts costs) {
        return run(0, 3_600, 90_000, false, series, Map.of("AFTER_MOVE", 7L, "FORCED", 5L), milestones, costs);
    }

    private static TimeSeries twoSamples(long caAtEnd) {
        return series(new double[] {0, 60}, new long[] {100, 50}, new long[] {10, caAtEnd}, new long[] {0, 0});
    }

    private static List<Milestone> milestones(double full) {
        return List.of(new Milestone(Milestone.Kind.SITE, "a", 10, full, 1));
    }

    private static RunCosts costs(double storage) {
        return new RunCosts(ImmutableList.of(new SiteCost("a", 5, storage, 1, 2)), 1, 3, 4);
    }

    @Test
    void derivedFigures_byHand() {
        RunResult r = base(twoSamples(5), milestones(20), costs(9));

        // 7 + 5 bytes deleted; full compliance 90,000 s against the deadline of 86,400 s: 3,600 s late.
        assertThat(r.bytesDeleted()).isEqualTo(12);
        assertThat(r.latenessSeconds()).isEqualTo(3_600);
    }

    @Test
    void fingerprint_equalResultsShareIt_eachChangeAltersIt() {
        RunResult r = base(twoSamples(5), milestones(20), costs(9));
        BatchOutcome outcome = new BatchOutcome(0, 0, 1, 100, 0, 1, 0, 1, 2, 3, 1, 0, false);
        RunResult withBatch = withBatches(r, outcome);

        assertThat(base(twoSamples(5), milestones(20), costs(9)).fingerprint()).isEqualTo(r.fingerprint());
        Set<String> fingerprints = new HashSet<>();
        fingerprints.add(r.fingerprint());
        fingerprints.add(base(twoSamples(6), milestones(20), costs(9)).fingerprint());
        fingerprints.add(base(twoSamples(5), milestones(21), costs(9)).fingerprint());
        fingerprints.add(base(twoSamples(5), milestones(20), costs(8)).fingerprint());
        fingerprints.add(withBatch.fingerprint());
        fingerprints.add(withBatches(r, new BatchOutcome(0, 0, 1, 100, 0, 1, 0, 1, 2, 3, 1, 0, true))
                .fingerprint());
        fingerprints.add(withBatches(r, new BatchOutcome(0, 0, 1, 100, 0, 1, 0, 1, 2, 3, 2, 0, false))
                .fingerprint());
        fingerprints.add(run(
                        0,
                        3_600,
                        90_001,
                        false,
                        twoSamples(5),
                        Map.of("AFTER_MOVE", 7L, "FORCED", 5L),
                        milestones(20),
                        costs(9))
                .fingerprint());
        fingerprints.add(run(
                        0,
                        3_600,
                        90_000,
                        true,
                        twoSamples(5),
                        Map.of("AFTER_MOVE", 7L, "FORCED", 5L),
                        milestones(20),
                        costs(9))
                .fingerprint());
        fingerprints.add(run(
                        0,
                        3_600,
                        90_000,
                        false,
                        twoSamples(5),
                        Map.of("AFTER_MOVE", 7L, "FORCED", 6L),
                        milestones(20),
                        costs(9))
                .fingerprint());
        fingerprints.add(run(
                        1,
                        3_600,
                        90_000,
                        false,
                        twoSamples(5),
                        Map.of("AFTER_MOVE", 7L, "FORCED", 5L),
                        milestones(20),
                        costs(9))
                .fingerprint());

        // The same total in another split between US and CA.
        fingerprints.add(base(
                        series(new double[] {0, 60}, new long[] {100, 45}, new long[] {10, 10}, new long[] {0, 0}),
                        milestones(20),
                        costs(9))
                .fingerprint());
        // A forced loss that differs only in its bytes per category.
        fingerprints.add(withLoss(r, new ForcedLoss(0, 0, 0, ImmutableSortedMap.of("videos", 0L), 0))
                .fingerprint());

        assertThat(fingerprints).hasSize(13).allSatisfy(f -> assertThat(f).hasSize(64));
    }

    private static RunResult withLoss(RunResult r, ForcedLoss loss) {
        return copy(r, loss, r.batches());
    }

    private static RunResult withBatches(RunResult r, BatchOutcome... batches) {
        return copy(r, r.forcedLoss(), ImmutableList.copyOf(batches));
    }

    /** Returns {@code r} with its forced loss and batch outcomes replaced, every other field the same. */
    private static RunResult copy(RunResult r, ForcedLoss loss, List<BatchOutcome> batches) {
        return new RunResult(
                r.scenario(),
                r.seed(),
                r.replication(),
                r.deadlineSeconds(),
                r.enforced(),
                r.liveComplianceSeconds(),
                r.fullComplianceSeconds(),
                r.endSeconds(),
                r.violatingAtDeadline(),
                r.blockedBytes(),
                r.metDeadline(),
                r.bytesMoved(),
                r.catchUpBytes(),
                r.retransferBytes(),
                ImmutableSortedMap.copyOf(r.deletedByReason()),
                loss,
                r.egressCostUsd(),
                r.copyRetries(),
                r.deletionRetries(),
                r.linkFailures(),
                r.siteFailures(),
                r.events(),
                r.series(),
                ImmutableList.copyOf(batches),
                r.milestones(),
                r.costs());
    }
}
