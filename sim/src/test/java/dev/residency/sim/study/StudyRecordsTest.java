package dev.residency.sim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.residency.sim.report.CostSummary;
import dev.residency.sim.report.Estimate;
import dev.residency.sim.report.Proportion;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.UncertainInput;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The study package's small records, by hand: the reuse counts' sentence (singular and plural) and
 * their check, a threshold's statement when the low end misses, a swing's spread with a NaN point and
 * its two-point check, and the central row of quoted and unquoted inputs.
 */
final class StudyRecordsTest {

    @Test
    void reuse_sentenceSingularAndPlural_negativeRefused() {
        assertThat(new Reuse(1, 1, 1, 1)).hasToString("1 population built, reused 1 time; 1 plan made, reused 1 time");
        assertThat(new Reuse(2, 0, 3, 5))
                .hasToString("2 populations built, reused 0 times; 3 plans made, reused 5 times");
        assertThat(new Reuse(0, 0, 0, 0)).isNotNull();
        for (int i = 0; i < 4; i++) {
            int[] c = {0, 0, 0, 0};
            c[i] = -1;
            assertThatThrownBy(() -> new Reuse(c[0], c[1], c[2], c[3]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("counts must not be negative: %s %s %s %s", c[0], c[1], c[2], c[3]);
        }
    }

    @Test
    void threshold_missedAtTheLowEnd_statementReadsGreaterOrEqual() {
        Axis axis = new Axis("links[0].bandwidth", ImmutableList.of("1 Gbps", "2 Gbps", "3 Gbps"), true);
        Threshold t = new Threshold(
                axis,
                false,
                true,
                Optional.of("1 Gbps"),
                Optional.of("2 Gbps"),
                ImmutableList.of(),
                new Reuse(1, 0, 1, 0));

        assertThat(t.flips()).isTrue();
        assertThat(t.statement())
                .isEqualTo("met iff links[0].bandwidth >= 2 Gbps (bracket: missed at 1 Gbps, met at 2 Gbps; 0 points"
                        + " run)");
        Threshold never = new Threshold(
                axis, false, false, Optional.empty(), Optional.empty(), ImmutableList.of(), new Reuse(1, 0, 1, 0));
        assertThat(never.flips()).isFalse();
        assertThat(never.statement())
                .isEqualTo("missed at every value of links[0].bandwidth from 1 Gbps to 3 Gbps (ends checked; no flip"
                        + " found)");
    }

    private static ReplicationSummary summary(double probability, double cleanDays) {
        Estimate clean = Double.isNaN(cleanDays)
                ? new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 1)
                : new Estimate(cleanDays, cleanDays, cleanDays, cleanDays, cleanDays, cleanDays, 1, 0);
        Estimate zero = new Estimate(0, 0, 0, 0, 0, 0, 1, 0);
        return new ReplicationSummary(
                "s",
                1,
                1,
                new Proportion(probability > 0 ? 1 : 0, 1, probability, probability, probability),
                clean,
                zero,
                zero,
                zero,
                zero,
                zero,
                ImmutableSortedMap.of(),
                zero,
                zero,
                zero,
                zero,
                zero,
                ImmutableList.of(),
                new CostSummary(zero, com.google.common.collect.ImmutableMap.of(), ImmutableList.of(), zero));
    }

    @Test
    void swing_largestMinusSmallest_nanLeftOut() {
        UncertainInput input = new UncertainInput(
                "run.backups.retention", "choice", "10d", ImmutableList.of("10d", "20d", "30d"), false);
        Swing s = new Swing(
                input,
                ImmutableList.of(
                        new Swing.Point("10d", summary(1, 12.5)),
                        new Swing.Point("20d", summary(0, Double.NaN)),
                        new Swing.Point("30d", summary(0, 32.25))));

        // Clean days 12.5 and 32.25 (the NaN left out): 19.75. P(met) 1, 0, 0: 1.
        assertThat(s.swing(Figure.CLEAN_DAYS)).isEqualTo(19.75);
        assertThat(s.swing(Figure.PROBABILITY_MET)).isEqualTo(1.0);
        assertThat(s.low().value()).isEqualTo("10d");
        assertThat(s.high().value()).isEqualTo("30d");

        Swing oneValue = new Swing(
                input,
                ImmutableList.of(
                        new Swing.Point("10d", summary(1, 12.5)), new Swing.Point("20d", summary(1, Double.NaN))));
        assertThat(oneValue.swing(Figure.CLEAN_DAYS)).isZero();
        Swing equal = new Swing(
                input, ImmutableList.of(new Swing.Point("10d", summary(1, 7)), new Swing.Point("20d", summary(1, 7))));
        assertThat(equal.swing(Figure.CLEAN_DAYS)).isZero();

        assertThatThrownBy(() -> new Swing(input, ImmutableList.of(new Swing.Point("10d", summary(1, 1)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("run.backups.retention: a swing needs two points, had 1");
    }

    @Test
    void centralRow_quotedCentralUnquoted_otherwiseAsWritten() {
        List<UncertainInput> inputs = List.of(
                new UncertainInput(
                        "planning.targetBatchSize", "choice", "\"1 GB\"", ImmutableList.of("\"1 GB\"", "2 GB"), false),
                new UncertainInput("run.backups.retention", "uniform", "35d", ImmutableList.of("10d", "60d"), true),
                new UncertainInput("name", "choice", "\"", ImmutableList.of("\"", "b"), false));

        assertThat(Study.centralRow(inputs))
                .containsExactly(
                        new Overrides.Setting("planning.targetBatchSize", "1 GB"),
                        new Overrides.Setting("run.backups.retention", "35d"),
                        new Overrides.Setting("name", "\""));
    }
}
