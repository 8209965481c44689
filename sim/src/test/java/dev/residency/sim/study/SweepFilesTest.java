package dev.residency.sim.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import dev.residency.sim.report.CostKind;
import dev.residency.sim.report.CostSummary;
import dev.residency.sim.report.Estimate;
import dev.residency.sim.report.Proportion;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.Scenario;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The text of the files {@code residency sweep} writes, from hand-built results whose every figure is
 * chosen here, so each cell can be written out by hand: CSV quoting (RFC 4180), empty cells for NaN and
 * unpriced costs, "never", "n/a" and "not modelled" in the tables, percentages, decimal byte units,
 * thousands separators, and the "Under --set" line present only with overrides.
 */
final class SweepFilesTest {

    private static final String NL = System.lineSeparator();

    private static final Overrides SET = Overrides.parse(List.of("run.replications=4", "run.seed=7"));

    private static Scenario tiny(Overrides overrides) {
        return Study.of(StudyTest.tiny(), overrides).scenario();
    }

    /** An estimate of four values all equal to {@code mean} (NaN: none of the four had a value). */
    private static Estimate estimate(double mean) {
        return Double.isNaN(mean)
                ? new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 4)
                : new Estimate(mean, mean, mean, mean, mean, mean, 4, 0);
    }

    private static ReplicationSummary summary(
            Proportion met,
            double fullDays,
            double liveDays,
            double violating,
            double deleted,
            double forcedLoss,
            double egressUsd,
            double totalUsd) {
        Estimate zero = estimate(0);
        CostSummary costs = new CostSummary(
                estimate(totalUsd), ImmutableMap.of(CostKind.EGRESS, estimate(egressUsd)), ImmutableList.of(), zero);
        return new ReplicationSummary(
                "tiny",
                7,
                4,
                met,
                estimate(fullDays),
                estimate(liveDays),
                zero,
                estimate(violating),
                zero,
                estimate(deleted),
                ImmutableSortedMap.of(),
                estimate(forcedLoss),
                zero,
                zero,
                estimate(egressUsd),
                zero,
                ImmutableList.of(),
                costs);
    }

    private static SweepResult sweep() {
        Axis retention = new Axis("run.backups.retention", ImmutableList.of("30d", "60d"), false);
        Axis batch = new Axis("planning.targetBatchSize", ImmutableList.of("\"1 GB\"", "[1, 2]"), false);
        SweepPoint first = new SweepPoint(
                ImmutableList.of(
                        new Overrides.Setting("run.backups.retention", "30d"),
                        new Overrides.Setting("planning.targetBatchSize", "\"1 GB\"")),
                summary(
                        new Proportion(3, 4, 0.75, 0.3, 0.95),
                        1234.56,
                        Double.NaN,
                        1.5e9,
                        Double.NaN,
                        0,
                        Double.NaN,
                        1234.5),
                "fp1");
        SweepPoint second = new SweepPoint(
                ImmutableList.of(
                        new Overrides.Setting("run.backups.retention", "60d"),
                        new Overrides.Setting("planning.targetBatchSize", "[1, 2]")),
                summary(new Proportion(0, 4, 0.0, 0.0, 0.49), Double.NaN, 2.0, 0, 2.5e12, 7, 10.004, 99.996),
                "fp2");
        return new SweepResult(
                ImmutableList.of(retention, batch), ImmutableList.of(first, second), new Reuse(1, 1, 2, 0));
    }

    private static Threshold threshold() {
        Axis range = new Axis("run.backups.retention", ImmutableList.of("0d", "10d", "20d", "30d"), true);
        return new Threshold(
                range,
                true,
                false,
                Optional.of("10d"),
                Optional.of("20d"),
                ImmutableList.of(
                        new Threshold.Evaluation("0d", new Proportion(4, 4, 1.0, 0.51, 1.0)),
                        new Threshold.Evaluation("30d", new Proportion(0, 4, 0.0, 0.0, 0.49)),
                        new Threshold.Evaluation("10d", new Proportion(3, 4, 0.75, 0.3, 0.95)),
                        new Threshold.Evaluation("20d", new Proportion(1, 4, 0.25, 0.05, 0.7))),
                new Reuse(1, 3, 1, 3));
    }

    @Test
    void sweepCsv_quotesCellsAndLeavesMissingFiguresEmpty() {
        assertThat(SweepFiles.csv(sweep()))
                .isEqualTo("run.backups.retention,planning.targetBatchSize,runs,met,met_probability,met_ci_low,"
                        + "met_ci_high,full_compliance_days,live_compliance_days,violating_bytes_at_deadline,"
                        + "bytes_deleted,forced_loss_bytes,egress_cost_usd,total_cost_usd,fingerprint\n"
                        + "30d,\"\"\"1 GB\"\"\",4,3,0.75,0.3,0.95,1234.56,,1.5E9,,0.0,,1234.50,fp1" + NL
                        + "60d,\"[1, 2]\",4,0,0.0,0.0,0.49,,2.0,0.0,2.5E12,7.0,10.00,100.00,fp2" + NL);
    }

    @Test
    void sweepMarkdown_tableWithUnitsPercentagesAndWords() {
        String md = SweepFiles.markdown(tiny(SET), SET, sweep());

        assertThat(md)
                .isEqualTo("# tiny: sweep\n\n"
                        + "Under `--set run.replications=4 run.seed=7`.\n\n"
                        + "2 points × 4 replications (seed 7). Varied: `run.backups.retention=30d,60d`;"
                        + " `planning.targetBatchSize=\"1 GB\",[1, 2]`. Preparation: 1 population built, reused 1"
                        + " time; 2 plans made, reused 0 times." + NL + NL
                        + "The answer is **met** when every violating copy, backups included, is gone by the"
                        + " deadline; figures are means over the point's replications.\n\n"
                        + "| run.backups.retention | planning.targetBatchSize | met | P(met) (95% CI) | full compliance,"
                        + " days | live compliance, days | violating at deadline | deleted | forced loss | egress |"
                        + " total cost |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|\n"
                        + "| 30d | \"1 GB\" | 3 of 4 | 75.0% (30.0% – 95.0%) | 1,234.6 | never | 1.5 GB | n/a | 0 B |"
                        + " not modelled | US$ 1,235 |" + NL
                        + "| 60d | [1, 2] | 0 of 4 | 0.0% (0.0% – 49.0%) | never | 2.0 | 0 B | 2.5 TB | 7 B | US$ 10 |"
                        + " US$ 100 |" + NL);
    }

    @Test
    void sweepMarkdown_withoutOverrides_noUnderLine() {
        Overrides none = Overrides.parse(List.of());

        assertThat(SweepFiles.markdown(tiny(none), none, sweep()))
                .startsWith("# tiny: sweep\n\n2 points × ")
                .doesNotContain("Under");
    }

    @Test
    void findMarkdown_statementThenEveryPointInTheOrderRun() {
        Overrides none = Overrides.parse(List.of());
        Scenario scenario = tiny(SET);

        assertThat(SweepFiles.markdown(scenario, none, threshold()))
                .isEqualTo("# tiny: where does the answer flip?\n\n"
                        + "**met iff run.backups.retention <= 10d (bracket: met at 10d, missed at 20d; 4 points"
                        + " run).**\n\n"
                        + "Bisection over the 4 points of `run.backups.retention=0d..30d`, 4 replications each (seed"
                        + " 7); the answer is met when at least half of a point's replications meet the deadline. It"
                        + " assumes one flip in the range. Preparation: 1 population built, reused 3 times; 1 plan"
                        + " made, reused 3 times." + NL + NL
                        + "| run | run.backups.retention | met | P(met) (95% CI) |\n|---|---|---|---|\n"
                        + "| 1 | 0d | 4 of 4 | 100.0% (51.0% – 100.0%) |" + NL
                        + "| 2 | 30d | 0 of 4 | 0.0% (0.0% – 49.0%) |" + NL
                        + "| 3 | 10d | 3 of 4 | 75.0% (30.0% – 95.0%) |" + NL
                        + "| 4 | 20d | 1 of 4 | 25.0% (5.0% – 70.0%) |" + NL);
        assertThat(SweepFiles.markdown(scenario, SET, threshold()))
                .contains(" run).**\n\nUnder `--set run.replications=4 run.seed=7`.\n\nBisection over ");
    }

    @Test
    void findCsv_oneRowPerPointInTheOrderRun() {
        assertThat(SweepFiles.csv(threshold()))
                .isEqualTo("order,run.backups.retention,runs,met,met_probability\n"
                        + "1,0d,4,4,1.0" + NL
                        + "2,30d,4,0,0.0" + NL
                        + "3,10d,4,3,0.75" + NL
                        + "4,20d,4,1,0.25" + NL);
    }
}
