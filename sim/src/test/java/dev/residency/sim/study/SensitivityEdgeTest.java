package dev.residency.sim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.sim.scenario.Overrides;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A sensitivity study's edges: the counts accepted exactly at their limits and refused one past them,
 * a scenario with no uncertain input, the progress it announces (every run of the one-at-a-time points
 * and of the Sobol design once, against their sum), the preparation it reports, and the ranking of the
 * swings by the deadline first, then by days to clean. Expectations by hand from the tiny scenario
 * (about 1 GB that crosses in seconds, deadline 44 days after the start).
 */
final class SensitivityEdgeTest {

    private static final Overrides FAULTY = Overrides.parse(List.of(
            "run.replications=2",
            "run.faults.links={timeToFailure: {distribution: exponential, mean: 2h},"
                    + " timeToRepair: {distribution: exponential, mean: 1h}}"));

    private static Study study(String... uncertain) {
        return Study.of(StudyTest.tiny(), FAULTY.plus(Overrides.parse(List.of(uncertain))));
    }

    @Test
    void run_countsAtTheirEdges_acceptedOrRefused() {
        Study study = study("run.backups.retention={uniform: [1d, 20d]}");

        assertThatThrownBy(() -> Sensitivity.run(study, List.of(), 0, 0, 1, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replications must be between 1 and 10000, was 0");
        assertThatThrownBy(() -> Sensitivity.run(study, List.of(), 10_001, 0, 1, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replications must be between 1 and 10000, was 10001");
        assertThatThrownBy(() -> Sensitivity.run(study, List.of(), 1, 1, 1, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Sobol base samples must be 0 (none) or between 2 and 4096, was 1");
        assertThatThrownBy(() -> Sensitivity.run(study, List.of(), 1, 4_097, 1, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Sobol base samples must be 0 (none) or between 2 and 4096, was 4097");
        assertThatThrownBy(() -> Sensitivity.run(study, List.of(), 1, 0, 0, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be positive, was 0");
    }

    @Test
    void run_noUncertainInput_refused() {
        assertThatThrownBy(() -> Sensitivity.run(study(), List.of(), 1, 0, 1, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(" has no uncertain input: write an estimate as a distribution, such as"
                        + " retention: {uniform: [14d, 180d]}");
    }

    @Test
    void run_oneReplicationTwoSobolSamples_progressAndReuseByHand() {
        Study study = study("run.backups.retention={uniform: [1d, 20d]}");
        List<int[]> updates = Collections.synchronizedList(new ArrayList<>());

        SensitivityResult r =
                Sensitivity.run(study, List.of(), 1, 2, 1, (done, total) -> updates.add(new int[] {done, total}));

        // One-at-a-time: the centre and the input's two ends, 1 replication each: 3 runs. Sobol with N = 2
        // and k = 1 input: N (k + 2) = 6 runs. 9 runs told against a total of 9.
        assertThat(updates)
                .extracting(u -> u[0])
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, 9).boxed().toList());
        assertThat(updates).extracting(u -> u[1]).containsOnly(9);
        assertThat(r.sobolSamples()).isEqualTo(2);
        assertThat(r.sobol()).hasSize(Figure.values().length);
        // Retention shapes neither population nor plan: the central ones serve all 9 runs.
        assertThat(r.reuse()).isEqualTo(new Reuse(1, 9, 1, 9));
    }

    @Test
    void run_aBandwidthChoice_oneMorePopulationAndPlan() {
        Study study = study("links[0].bandwidth={choice: [10 Gbps, 5 Gbps]}");

        SensitivityResult r = Sensitivity.run(study, List.of(), 1, 0, 1, Progress.NONE);

        // The centre (10 Gbps, the choice's first value) and each value: 3 runs; 5 Gbps needs its own
        // population and plan, the two 10 Gbps rows reuse the central ones.
        assertThat(r.reuse()).isEqualTo(new Reuse(2, 2, 2, 2));
        assertThat(r.swings())
                .singleElement()
                .satisfies(s ->
                        assertThat(s.points()).extracting(Swing.Point::value).containsExactly("10 Gbps", "5 Gbps"));
    }

    @Test
    void run_swingsRankedByTheDeadlineThenByDaysToClean() {
        // In the file's order: the link's bandwidth (the answer and the days to clean barely move),
        // then the deadline (met by 2020-09-15, missed by 2020-08-03 with backups kept 10.5 days; the
        // days to clean do not move), then retention (met throughout; clean after 1 to 20 days).
        Study study = study(
                "links[0].bandwidth={choice: [10 Gbps, 5 Gbps]}",
                "run.deadline={choice: [2020-09-15, 2020-08-03]}",
                "run.backups.retention={uniform: [1d, 20d]}");

        SensitivityResult r = Sensitivity.run(study, List.of(), 1, 0, 1, Progress.NONE);

        assertThat(r.swings())
                .extracting(s -> s.input().path())
                .containsExactly("run.deadline", "run.backups.retention", "links[0].bandwidth");
        assertThat(r.swings().get(0).swing(Figure.PROBABILITY_MET)).isEqualTo(1.0);
        assertThat(r.swings().get(1).swing(Figure.PROBABILITY_MET)).isZero();
        assertThat(r.swings().get(1).swing(Figure.CLEAN_DAYS)).isBetween(18.9, 19.1);
    }
}
