package dev.residency.cli;

import dev.residency.sim.report.CostKind;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.study.Axis;
import dev.residency.sim.study.SweepPoint;
import dev.residency.sim.study.SweepResult;
import dev.residency.sim.study.Threshold;
import java.util.Locale;

/**
 * Renders a sweep's grid and a bisection's points as {@code sweep.md}/{@code sweep.csv} and {@code
 * find.md}/{@code find.csv}: one row per point with its axis values and the headline figures (the
 * deadline met, days to full and live compliance, violating bytes at the deadline, bytes deleted,
 * forced loss, egress and total cost ("not modelled" without prices), each a mean over the point's replications) and the runs' fingerprint.
 */
final class SweepTables {

    private static final String CSV_FIGURES = "runs,met,met_probability,met_ci_low,met_ci_high,"
            + "full_compliance_days,live_compliance_days,violating_bytes_at_deadline,bytes_deleted,"
            + "forced_loss_bytes,egress_cost_usd,total_cost_usd,fingerprint";

    private SweepTables() {}

    /** Returns {@code sweep.csv}: a header, then one row per point. */
    static String csv(SweepResult sweep) {
        StringBuilder out = new StringBuilder();
        for (Axis axis : sweep.axes()) {
            out.append(csvCell(axis.path())).append(',');
        }
        out.append(CSV_FIGURES).append('\n');
        for (SweepPoint p : sweep.points()) {
            for (Overrides.Setting s : p.settings()) {
                out.append(csvCell(s.value())).append(',');
            }
            ReplicationSummary m = p.summary();
            out.append(String.format(
                    Locale.ROOT,
                    "%d,%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s%n",
                    m.runs(),
                    m.metDeadline().successes(),
                    csvNumber(m.metDeadline().estimate()),
                    csvNumber(m.metDeadline().ciLow()),
                    csvNumber(m.metDeadline().ciHigh()),
                    csvNumber(m.fullComplianceDays().mean()),
                    csvNumber(m.liveComplianceDays().mean()),
                    csvNumber(m.violatingAtDeadline().mean()),
                    csvNumber(m.bytesDeleted().mean()),
                    csvNumber(m.forcedLossBytes().mean()),
                    CostReport.meanUsdCell(m.costs().byKind().get(CostKind.EGRESS)),
                    CostReport.meanUsdCell(m.costs().totalUsd()),
                    p.fingerprint()));
        }
        return out.toString();
    }

    /** Returns {@code sweep.md}: what was varied, the reuse, and the table. */
    static String markdown(Scenario scenario, Overrides overrides, SweepResult sweep) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(scenario.name()).append(": sweep\n\n");
        if (!overrides.isEmpty()) {
            md.append("Under `--set ").append(overrides).append("`.\n\n");
        }
        md.append(String.format(
                Locale.ROOT,
                "%d points × %d replications (seed %d). Varied: %s. Preparation: %s.%n%n",
                sweep.points().size(),
                scenario.run().replications(),
                scenario.run().seed(),
                String.join("; ", sweep.axes().stream().map(a -> "`" + a + "`").toList()),
                sweep.reuse()));
        md.append("The answer is **met** when every violating copy, backups included, is gone by the deadline;"
                + " figures are means over the point's replications.\n\n");
        md.append('|');
        for (Axis axis : sweep.axes()) {
            md.append(' ').append(axis.path()).append(" |");
        }
        md.append(" met | P(met) (95% CI) | full compliance, days | live compliance, days | violating at deadline"
                + " | deleted | forced loss | egress | total cost |\n|");
        md.append("---|".repeat(sweep.axes().size() + 9)).append('\n');
        for (SweepPoint p : sweep.points()) {
            md.append('|');
            for (Overrides.Setting s : p.settings()) {
                md.append(' ').append(s.value()).append(" |");
            }
            ReplicationSummary m = p.summary();
            md.append(String.format(
                    Locale.ROOT,
                    " %d of %d | %s (%s – %s) | %s | %s | %s | %s | %s | %s | %s |%n",
                    m.metDeadline().successes(),
                    m.runs(),
                    Formats.percent(m.metDeadline().estimate()),
                    Formats.percent(m.metDeadline().ciLow()),
                    Formats.percent(m.metDeadline().ciHigh()),
                    mean(m.fullComplianceDays().mean(), 1),
                    mean(m.liveComplianceDays().mean(), 1),
                    Formats.bytes(m.violatingAtDeadline().mean()),
                    Formats.bytes(m.bytesDeleted().mean()),
                    Formats.bytes(m.forcedLossBytes().mean()),
                    CostReport.meanUsd(m.costs().byKind().get(CostKind.EGRESS)),
                    CostReport.meanUsd(m.costs().totalUsd())));
        }
        return md.toString();
    }

    /** Returns {@code find.md}: the finding first, then every point the bisection ran. */
    static String markdown(Scenario scenario, Overrides overrides, Threshold threshold) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(scenario.name()).append(": where does the answer flip?\n\n");
        md.append("**").append(threshold.statement()).append(".**\n\n");
        if (!overrides.isEmpty()) {
            md.append("Under `--set ").append(overrides).append("`.\n\n");
        }
        md.append(String.format(
                Locale.ROOT,
                "Bisection over the %d points of `%s`, %d replications each (seed %d); the answer is met when at"
                        + " least half of a point's replications meet the deadline. It assumes one flip in the"
                        + " range. Preparation: %s.%n%n",
                threshold.axis().values().size(),
                threshold.axis().path() + "=" + threshold.axis().values().get(0) + ".."
                        + threshold
                                .axis()
                                .values()
                                .get(threshold.axis().values().size() - 1),
                scenario.run().replications(),
                scenario.run().seed(),
                threshold.reuse()));
        md.append("| run | ").append(threshold.axis().path()).append(" | met | P(met) (95% CI) |\n|---|---|---|---|\n");
        int i = 1;
        for (Threshold.Evaluation e : threshold.evaluations()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | %d of %d | %s (%s – %s) |%n",
                    i++,
                    e.value(),
                    e.met().successes(),
                    e.met().n(),
                    Formats.percent(e.met().estimate()),
                    Formats.percent(e.met().ciLow()),
                    Formats.percent(e.met().ciHigh())));
        }
        return md.toString();
    }

    /** Returns {@code find.csv}: one row per point run, in the order run. */
    static String csv(Threshold threshold) {
        StringBuilder out = new StringBuilder("order,")
                .append(csvCell(threshold.axis().path()))
                .append(",runs,met,met_probability\n");
        int i = 1;
        for (Threshold.Evaluation e : threshold.evaluations()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%d,%s,%d,%d,%s%n",
                    i++,
                    csvCell(e.value()),
                    e.met().n(),
                    e.met().successes(),
                    csvNumber(e.met().estimate())));
        }
        return out.toString();
    }

    /** Formats a mean with {@code decimals} decimals and thousands separators; "never" for NaN. */
    private static String mean(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,." + decimals + "f", v) : "never";
    }

    private static String csvNumber(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    /** Quotes a cell holding a comma or a quote, doubling quotes (RFC 4180). */
    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
