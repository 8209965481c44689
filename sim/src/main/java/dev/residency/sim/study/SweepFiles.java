package dev.residency.sim.study;

import dev.residency.sim.report.CostKind;
import dev.residency.sim.report.Estimate;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.Scenario;
import dev.residency.units.DataSize;
import java.util.Locale;

/**
 * The files {@code residency sweep} writes, as text: a sweep's grid as {@code sweep.md} and {@code
 * sweep.csv}, a bisection's points as {@code find.md} and {@code find.csv}. One row per point with its
 * axis values and the headline figures (the deadline met, days to full and live compliance, violating
 * bytes at the deadline, bytes deleted, forced loss, egress and total cost ("not modelled" without
 * prices), each a mean over the point's replications) and the runs' fingerprint. Here rather than in
 * the command line so that a sweep run elsewhere (on a cluster) writes the same bytes.
 */
public final class SweepFiles {

    private static final String CSV_FIGURES = "runs,met,met_probability,met_ci_low,met_ci_high,"
            + "full_compliance_days,live_compliance_days,violating_bytes_at_deadline,bytes_deleted,"
            + "forced_loss_bytes,egress_cost_usd,total_cost_usd,fingerprint";

    private SweepFiles() {}

    /** Returns {@code sweep.csv}: a header, then one row per point. */
    public static String csv(SweepResult sweep) {
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
                    meanUsdCell(m.costs().byKind().get(CostKind.EGRESS)),
                    meanUsdCell(m.costs().totalUsd()),
                    p.fingerprint()));
        }
        return out.toString();
    }

    /** Returns {@code sweep.md}: what was varied, the reuse, and the table. */
    public static String markdown(Scenario scenario, Overrides overrides, SweepResult sweep) {
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
                    percent(m.metDeadline().estimate()),
                    percent(m.metDeadline().ciLow()),
                    percent(m.metDeadline().ciHigh()),
                    mean(m.fullComplianceDays().mean(), 1),
                    mean(m.liveComplianceDays().mean(), 1),
                    bytes(m.violatingAtDeadline().mean()),
                    bytes(m.bytesDeleted().mean()),
                    bytes(m.forcedLossBytes().mean()),
                    meanUsd(m.costs().byKind().get(CostKind.EGRESS)),
                    meanUsd(m.costs().totalUsd())));
        }
        return md.toString();
    }

    /** Returns {@code find.md}: the finding first, then every point the bisection ran. */
    public static String markdown(Scenario scenario, Overrides overrides, Threshold threshold) {
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
                    percent(e.met().estimate()),
                    percent(e.met().ciLow()),
                    percent(e.met().ciHigh())));
        }
        return md.toString();
    }

    /** Returns {@code find.csv}: one row per point run, in the order run. */
    public static String csv(Threshold threshold) {
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

    /** Formats a probability as a percentage with one decimal (as the command line's reports do). */
    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }

    /** Formats bytes in decimal units, "n/a" for NaN (as the command line's reports do). */
    private static String bytes(double bytes) {
        return Double.isNaN(bytes) ? "n/a" : DataSize.format(Math.round(bytes));
    }

    /** Returns the mean of {@code e} as "US$ 1,234", or "not modelled" when the scenario gives no price. */
    private static String meanUsd(Estimate e) {
        return e.n() == 0 ? "not modelled" : String.format(Locale.ROOT, "US$ %,.0f", e.mean());
    }

    /** Returns the mean of {@code e} for a CSV cell: empty when the scenario gives no price. */
    private static String meanUsdCell(Estimate e) {
        return e.n() == 0 ? "" : String.format(Locale.ROOT, "%.2f", e.mean());
    }
}
