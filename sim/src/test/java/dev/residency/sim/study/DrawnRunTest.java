package dev.residency.sim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.ScenarioSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs whose uncertain inputs are drawn per replication and sensitivity studies: each replication is
 * exactly the run of the scenario with its draws written as values (same fault streams), results do
 * not depend on the thread count, a plan is made once per distinct value of the drawn inputs that
 * shape it, and a one-at-a-time point is exactly the run of the scenario at that value.
 */
final class DrawnRunTest {

    /**
     * The tiny scenario (about 1 GB over 10 Gbps, deadline 44 days after the start) with faulty links,
     * 6 replications, a backup retention drawn from 0 to 120 days (met iff it is below about 44 days)
     * and a first link of 10 or 5 Gbps (a choice that shapes the plan).
     */
    private static final Overrides UNCERTAIN = Overrides.parse(List.of(
            "run.replications=6",
            "run.faults.links={timeToFailure: {distribution: exponential, mean: 2h},"
                    + " timeToRepair: {distribution: exponential, mean: 1h}}",
            "run.backups.retention={uniform: [0d, 120d]}",
            "links[0].bandwidth={choice: [10 Gbps, 5 Gbps]}"));

    private static ScenarioSource tiny() {
        try {
            return ScenarioSource.of(Path.of(DrawnRunTest.class
                    .getClassLoader()
                    .getResource("scenarios/valid/tiny.yaml")
                    .toURI()));
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private static List<String> fingerprints(List<RunResult> runs) {
        return runs.stream().map(RunResult::fingerprint).toList();
    }

    @Test
    void drawnRun_eachReplicationIsTheRunOfItsDrawsAsValues() {
        Outcome drawn = Study.of(tiny(), UNCERTAIN).run(Assumptions.DRAWN, 2, Progress.NONE);

        assertThat(drawn.drawn())
                .extracting(i -> i.path())
                .containsExactly("links[0].bandwidth", "run.backups.retention");
        assertThat(drawn.uncertaintyCovered()).isEqualTo("faults and 2 uncertain inputs");
        for (int r = 0; r < 6; r++) {
            Overrides asValues = UNCERTAIN.plus(Overrides.of(drawn.draws().get(r)));
            Outcome fixed = Study.of(tiny(), asValues).run(Assumptions.CENTRAL, 1, Progress.NONE);
            assertThat(drawn.runs().get(r).fingerprint())
                    .as("replication %s, draws %s", r, drawn.draws().get(r))
                    .isEqualTo(fixed.runs().get(r).fingerprint());
        }
    }

    /**
     * Drawn retentions give the runs different sampling intervals; the band must still compare them at
     * the same instants. Reference: for each band instant, each run's value at its last sample at or
     * before it (found by a plain scan), then the median of the six (the mean of the middle two).
     */
    @Test
    void drawnRun_bandComparesRunsAtTheSameInstants() {
        Outcome drawn = Study.of(tiny(), UNCERTAIN).run(Assumptions.DRAWN, 2, Progress.NONE);
        List<dev.residency.sim.report.TimeSeries> series =
                drawn.runs().stream().map(RunResult::series).toList();
        assertThat(series.stream()
                        .map(s -> s.seconds(1) - s.seconds(0))
                        .distinct()
                        .count())
                .as("the drawn retentions give different sampling intervals")
                .isGreaterThan(1);

        for (dev.residency.sim.report.ReplicationSummary.BandPoint p :
                drawn.summary().band()) {
            double[] v = new double[series.size()];
            for (int r = 0; r < series.size(); r++) {
                dev.residency.sim.report.TimeSeries s = series.get(r);
                int last = 0;
                for (int i = 0; i < s.size(); i++) {
                    if (s.seconds(i) <= p.seconds()) {
                        last = i;
                    }
                }
                v[r] = s.violatingWithBackups(last);
            }
            java.util.Arrays.sort(v);
            assertThat(p.median()).as("at %s s", p.seconds()).isEqualTo((v[2] + v[3]) / 2);
            assertThat(p.max()).as("at %s s", p.seconds()).isEqualTo(v[5]);
        }
    }

    @Test
    void drawnRun_oneAndTwoThreads_identical() {
        Study study = Study.of(tiny(), UNCERTAIN);

        Outcome one = study.run(Assumptions.DRAWN, 1, Progress.NONE);
        Outcome two = study.run(Assumptions.DRAWN, 2, Progress.NONE);

        assertThat(fingerprints(two.runs())).containsExactlyElementsOf(fingerprints(one.runs()));
        assertThat(two.draws()).isEqualTo(one.draws());
    }

    @Test
    void drawnRun_makesOnePlanPerDistinctBandwidth() {
        Outcome drawn = Study.of(tiny(), UNCERTAIN).run(Assumptions.DRAWN, 2, Progress.NONE);

        // The central setup (10 Gbps) plus one per other value drawn; retention shapes neither.
        Set<String> bandwidths = new HashSet<>(Set.of("10 Gbps"));
        drawn.draws().forEach(d -> bandwidths.add(d.get(0).value()));
        assertThat(drawn.reuse().plansMade()).isEqualTo(bandwidths.size());
        assertThat(drawn.reuse().populationsBuilt()).isEqualTo(bandwidths.size());
    }

    @Test
    void centralRun_equalsTheFileWithCentralValuesWritten() {
        Outcome central = Study.of(tiny(), UNCERTAIN).run(Assumptions.CENTRAL, 2, Progress.NONE);
        Outcome written = Study.of(
                        tiny(),
                        UNCERTAIN.plus(
                                Overrides.parse(List.of("run.backups.retention=60d", "links[0].bandwidth=10 Gbps"))))
                .run(Assumptions.DRAWN, 2, Progress.NONE);

        // Uniform [0d, 120d] is centred on 60 days; a choice on its first value.
        assertThat(central.drawn()).isEmpty();
        assertThat(fingerprints(central.runs())).containsExactlyElementsOf(fingerprints(written.runs()));
    }

    @Test
    void sensitivity_lowEndIsTheRunAtThatValue_retentionRankedFirst() {
        Study study = Study.of(tiny(), UNCERTAIN);

        SensitivityResult r = Sensitivity.run(study, List.of(), 4, 0, 2, Progress.NONE);

        Swing top = r.swings().get(0);
        assertThat(top.input().path()).isEqualTo("run.backups.retention");
        assertThat(top.points()).extracting(Swing.Point::value).containsExactly("0d", "120d");
        // Retention 0 days: clean long before day 44; 120 days: not before day 120.
        assertThat(top.low().summary().metDeadline().estimate()).isEqualTo(1.0);
        assertThat(top.high().summary().metDeadline().estimate()).isEqualTo(0.0);
        assertThat(top.swing(Figure.PROBABILITY_MET)).isEqualTo(1.0);
        Outcome atLow = Study.of(
                        tiny(),
                        UNCERTAIN.plus(Overrides.parse(List.of(
                                "run.replications=4", "run.backups.retention=0d", "links[0].bandwidth=10 Gbps"))))
                .run(Assumptions.CENTRAL, 1, Progress.NONE);
        assertThat(top.low().summary()).isEqualTo(atLow.summary());
        assertThat(r.swings().get(1).points()).extracting(Swing.Point::value).containsExactly("10 Gbps", "5 Gbps");
    }

    @Test
    void sensitivity_sobol_sameWithOneAndTwoThreads_retentionExplainsTheAnswer() {
        Study study = Study.of(tiny(), UNCERTAIN);

        SensitivityResult one = Sensitivity.run(study, List.of(), 1, 16, 1, Progress.NONE);
        SensitivityResult two = Sensitivity.run(study, List.of(), 1, 16, 2, Progress.NONE);

        assertThat(two.sobol()).isEqualTo(one.sobol());
        assertThat(one.sobol()).hasSize(2 * Figure.values().length);
        SobolIndex retentionMet = one.sobol().stream()
                .filter(i ->
                        i.figure() == Figure.PROBABILITY_MET && i.input().path().equals("run.backups.retention"))
                .findFirst()
                .orElseThrow();
        // Met iff retention is below about 44 of 120 days: retention decides nearly all of the variance.
        assertThat(retentionMet.index()).isGreaterThan(0.5);
    }

    @Test
    void sensitivity_unknownInput_namesTheClosest() {
        Study study = Study.of(tiny(), UNCERTAIN);

        assertThatThrownBy(() -> Sensitivity.inputs(study, List.of("run.backups.retension")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"run.backups.retension\" is not an uncertain input")
                .hasMessageContaining("did you mean");
        assertThat(Sensitivity.inputs(study, List.of("links[0].bandwidth")))
                .extracting(i -> i.path())
                .isEqualTo(ImmutableList.of("links[0].bandwidth"));
    }

    @Test
    void sensitivity_sobolSamplesOutOfRange_refused() {
        Study study = Study.of(tiny(), UNCERTAIN);

        assertThatThrownBy(() -> Sensitivity.run(study, List.of(), 1, 1, 1, Progress.NONE))
                .hasMessageContaining("between 2 and");
        assertThatThrownBy(() -> Sensitivity.run(study, List.of(), 0, 0, 1, Progress.NONE))
                .hasMessageContaining("replications must be between 1");
    }
}
