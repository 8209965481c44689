package dev.residency.sim.report;

import static dev.residency.sim.report.RunResults.run;
import static dev.residency.sim.report.RunResults.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableSortedMap;
import dev.residency.sim.report.ReplicationSummary.BandPoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ReplicationSummary} over three hand-built runs: headline estimates in days, the deadline
 * probability, deletions per reason with a reason a run lacks counted as 0, and the spread band of
 * series of different lengths (a short run holds its last value; an empty one counts 0), every figure
 * worked out by hand.
 */
final class ReplicationSummaryTest {

    private static final double EPS = 1e-9;

    /** Run A: 3 samples to 120 s; met; live 0.5 d, full 1 d; 10 B deleted after moves. */
    private static RunResult a() {
        return run(
                0,
                43_200,
                86_400,
                true,
                series(new double[] {0, 60, 120}, new long[] {100, 50, 0}, new long[] {10, 5, 0}, new long[] {0, 20, 0
                }),
                Map.of("AFTER_MOVE", 10L),
                List.of(),
                RunResults.noCosts());
    }

    /** Run B: 2 samples to 60 s; missed; live 1 d, full 2 d; 20 B after moves and 6 B forced. */
    private static RunResult b() {
        return run(
                1,
                86_400,
                172_800,
                false,
                series(new double[] {0, 60}, new long[] {200, 100}, new long[] {0, 0}, new long[] {0, 0}),
                Map.of("AFTER_MOVE", 20L, "FORCED", 6L),
                List.of(),
                RunResults.noCosts());
    }

    /** Run C: never compliant, no samples, nothing deleted. */
    private static RunResult c() {
        return run(2, Double.NaN, Double.NaN, false);
    }

    @Test
    void of_threeRuns_headlineFiguresInDays() {
        ReplicationSummary s = ReplicationSummary.of(List.of(a(), b(), c()));

        assertThat(s.scenario()).isEqualTo("s");
        assertThat(s.seed()).isEqualTo(42);
        assertThat(s.runs()).isEqualTo(3);
        assertThat(s.metDeadline().successes()).isEqualTo(1);
        assertThat(s.metDeadline().n()).isEqualTo(3);
        // Full compliance 1 d and 2 d (C never): mean 1.5 over 2, 1 missing.
        assertThat(s.fullComplianceDays().mean()).isCloseTo(1.5, within(EPS));
        assertThat(s.fullComplianceDays().n()).isEqualTo(2);
        assertThat(s.fullComplianceDays().missing()).isEqualTo(1);
        // Live 0.5 d and 1 d: mean 0.75.
        assertThat(s.liveComplianceDays().mean()).isCloseTo(0.75, within(EPS));
        // Lateness after the 1 d deadline: 0 d and 1 d: mean 0.5.
        assertThat(s.latenessDays().mean()).isCloseTo(0.5, within(EPS));
        assertThat(s.latenessDays().max()).isCloseTo(1, within(EPS));
    }

    @Test
    void of_reasonMissingFromARun_countsAsZero() {
        ReplicationSummary s = ReplicationSummary.of(List.of(a(), b(), c()));

        // AFTER_MOVE 10, 20, 0 → mean 10; FORCED 0, 6, 0 → mean 2; totals 10, 26, 0 → mean 12.
        assertThat(s.deletedByReason()).containsOnlyKeys("AFTER_MOVE", "FORCED");
        assertThat(s.deletedByReason().get("AFTER_MOVE").mean()).isCloseTo(10, within(EPS));
        assertThat(s.deletedByReason().get("AFTER_MOVE").n()).isEqualTo(3);
        assertThat(s.deletedByReason().get("FORCED").mean()).isCloseTo(2, within(EPS));
        assertThat(s.deletedByReason().get("FORCED").max()).isCloseTo(6, within(EPS));
        assertThat(s.bytesDeleted().mean()).isCloseTo(12, within(EPS));
    }

    @Test
    void of_seriesOfDifferentLengths_bandFollowsTheLongestAndHoldsLastValues() {
        ReplicationSummary s = ReplicationSummary.of(List.of(c(), b(), a()));

        // At A's instants 0, 60, 120 s. With backups, A: 110, 75, 0; B: 200, 100, then its last 100;
        // C: 0 throughout. Live only, A: 110, 55, 0; B: 200, 100, 100; C: 0.
        assertThat(s.band())
                .containsExactly(
                        new BandPoint(0, 0, 110, 200, 110),
                        new BandPoint(60, 0, 75, 100, 55),
                        new BandPoint(120, 0, 0, 100, 0));
    }

    @Test
    void of_evenRunCount_medianIsTheMeanOfTheMiddleTwo() {
        ReplicationSummary s = ReplicationSummary.of(List.of(a(), b()));

        // At 0 s: 110 and 200 → median 155 (live too); at 120 s: 0 and B's last 100 → 50.
        assertThat(s.band()).hasSize(3);
        assertThat(s.band().get(0)).isEqualTo(new BandPoint(0, 110, 155, 200, 155));
        assertThat(s.band().get(1)).isEqualTo(new BandPoint(60, 75, 87.5, 100, 77.5));
        assertThat(s.band().get(2)).isEqualTo(new BandPoint(120, 0, 50, 100, 50));
    }

    @Test
    void of_equalEnds_moreSamplesGiveTheInstants() {
        RunResult coarse = run(
                5,
                0,
                0,
                true,
                series(new double[] {0, 120}, new long[] {7, 3}, new long[] {0, 0}, new long[] {0, 0}),
                Map.of(),
                List.of(),
                RunResults.noCosts());

        ReplicationSummary s = ReplicationSummary.of(List.of(coarse, a()));

        // Both end at 120 s; A has 3 samples, so the band has A's 3 instants. At 60 s the coarse run
        // still holds its 0 s value, 7.
        assertThat(s.band()).extracting(BandPoint::seconds).containsExactly(0.0, 60.0, 120.0);
        assertThat(s.band().get(1).min()).isEqualTo(7);
    }

    @Test
    void of_laterEndWithFewerSamples_givesTheInstants() {
        RunResult later = run(
                0,
                0,
                0,
                true,
                series(new double[] {0, 120}, new long[] {4, 2}, new long[] {0, 0}, new long[] {0, 0}),
                Map.of(),
                List.of(),
                RunResults.noCosts());
        RunResult denser = run(
                1,
                0,
                0,
                true,
                series(new double[] {0, 30, 60}, new long[] {8, 6, 1}, new long[] {0, 0, 0}, new long[] {0, 0, 0}),
                Map.of(),
                List.of(),
                RunResults.noCosts());

        ReplicationSummary s = ReplicationSummary.of(List.of(denser, later));

        // The run ending last (120 s) sets the instants, though the other has more samples; at 120 s the
        // denser run holds its 60 s value, 1.
        assertThat(s.band()).containsExactly(new BandPoint(0, 4, 6, 8, 6), new BandPoint(120, 1, 1.5, 2, 1.5));
    }

    @Test
    void of_perRunFigures_areAveraged() {
        RunResult one = figures(0, 100, 1_000, new ForcedLoss(30, 3, 2, ImmutableSortedMap.of("videos", 30L), 7), 4);
        RunResult two = figures(1, 300, 3_000, new ForcedLoss(10, 1, 1, ImmutableSortedMap.of(), 1), 0);

        ReplicationSummary s = ReplicationSummary.of(List.of(one, two));

        // Means: violating at the deadline (100 + 300) / 2, moved (1,000 + 3,000) / 2, forced loss
        // bytes (30 + 10) / 2, users (2 + 1) / 2, lost writes (7 + 1) / 2, copy retries (4 + 0) / 2,
        // egress price (0 + 1) / 2 (each run's replication index).
        assertThat(s.violatingAtDeadline().mean()).isCloseTo(200, within(EPS));
        assertThat(s.bytesMoved().mean()).isCloseTo(2_000, within(EPS));
        assertThat(s.forcedLossBytes().mean()).isCloseTo(20, within(EPS));
        assertThat(s.forcedLossUsers().mean()).isCloseTo(1.5, within(EPS));
        assertThat(s.forcedLostWrites().mean()).isCloseTo(4, within(EPS));
        assertThat(s.copyRetries().mean()).isCloseTo(2, within(EPS));
        assertThat(s.egressCostUsd().mean()).isCloseTo(0.5, within(EPS));
    }

    private static RunResult figures(int replication, long violating, long moved, ForcedLoss loss, int retries) {
        RunResult r = run(replication, 0, 0, true);
        return new RunResult(
                r.scenario(),
                r.seed(),
                replication,
                r.deadlineSeconds(),
                r.enforced(),
                r.liveComplianceSeconds(),
                r.fullComplianceSeconds(),
                r.endSeconds(),
                violating,
                r.blockedBytes(),
                r.metDeadline(),
                moved,
                r.catchUpBytes(),
                r.retransferBytes(),
                r.deletedByReason(),
                loss,
                replication,
                retries,
                r.deletionRetries(),
                r.linkFailures(),
                r.siteFailures(),
                r.events(),
                r.series(),
                r.batches(),
                r.milestones(),
                r.costs());
    }

    @Test
    void of_noRuns_isRefused() {
        assertThatThrownBy(() -> ReplicationSummary.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one run");
    }
}
