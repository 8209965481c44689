package dev.residency.cli;

import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.study.Figure;
import dev.residency.sim.study.SensitivityResult;
import dev.residency.sim.study.SobolIndex;
import dev.residency.sim.study.Swing;
import java.util.Locale;

/**
 * Renders a sensitivity study as Markdown ({@code sensitivity.md}) and CSV ({@code sensitivity.csv}):
 * the one-at-a-time swings, ranked, and the Sobol indices, each row naming the method that produced
 * its numbers.
 */
final class SensitivityTables {

    private SensitivityTables() {}

    /** Returns the Markdown report. */
    static String markdown(Scenario scenario, Overrides overrides, SensitivityResult result) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(scenario.name()).append(": which uncertain input moves the answer\n\n");
        if (!overrides.isEmpty()) {
            md.append("> Changed from the scenario file by `--set ")
                    .append(overrides)
                    .append("`.\n\n");
        }
        ReplicationSummary c = result.central();
        md.append(String.format(
                Locale.ROOT,
                "At central values: met in %d of %d replications (%s); %s days to live-clean; %s days to clean incl."
                        + " backups; forced loss %s.%n%n",
                c.metDeadline().successes(),
                c.runs(),
                Formats.percent(c.metDeadline().estimate()),
                days(Figure.LIVE_CLEAN_DAYS.of(c)),
                days(Figure.CLEAN_DAYS.of(c)),
                Formats.bytes(Figure.FORCED_LOSS_BYTES.of(c))));
        md.append("## One at a time (tornado.png)\n\nMethod: ")
                .append(SensitivityResult.ONE_AT_A_TIME_METHOD)
                .append(String.format(
                        Locale.ROOT,
                        "; %d replications per point (faults drawn, the same fault streams at every point)."
                                + " Ranked by the swing of P(met), then of the days to clean incl. backups. %s.%n%n",
                        result.replications(),
                        result.reuse()));
        md.append("| rank | input | value | P(met) | days to live-clean | days to clean incl. backups |"
                + " forced loss |\n|---|---|---|---|---|---|---|\n");
        int rank = 1;
        for (Swing s : result.swings()) {
            for (int p = 0; p < s.points().size(); p++) {
                Swing.Point point = s.points().get(p);
                ReplicationSummary r = point.summary();
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %s | %s | %s | %s |%n",
                        p == 0 ? Integer.toString(rank) : "",
                        p == 0 ? "`" + s.input().path() + "`" : "",
                        point.value(),
                        Formats.percent(r.metDeadline().estimate()),
                        days(Figure.LIVE_CLEAN_DAYS.of(r)),
                        days(Figure.CLEAN_DAYS.of(r)),
                        Formats.bytes(Figure.FORCED_LOSS_BYTES.of(r))));
            }
            md.append(String.format(
                    Locale.ROOT,
                    "| | | *swing* | %s | %s | %s | %s |%n",
                    Formats.percent(s.swing(Figure.PROBABILITY_MET)),
                    days(s.swing(Figure.LIVE_CLEAN_DAYS)),
                    days(s.swing(Figure.CLEAN_DAYS)),
                    Formats.bytes(s.swing(Figure.FORCED_LOSS_BYTES))));
            rank++;
        }
        if (result.sobolSamples() > 0) {
            md.append("\n## Variance-based (Sobol)\n\nMethod: ")
                    .append(SobolIndex.METHOD)
                    .append(String.format(
                            Locale.ROOT,
                            ", N = %d base samples, %d runs of one replication; each index ± its standard error."
                                    + " A figure that did not vary, or that some run never reached, has no index (n/a).%n%n",
                            result.sobolSamples(),
                            result.sobolSamples() * (result.swings().size() + 2)));
            md.append("| input |");
            for (Figure f : Figure.values()) {
                md.append(' ').append(f.label()).append(" |");
            }
            md.append("\n|---|");
            md.append("---|".repeat(Figure.values().length)).append('\n');
            for (Swing s : result.swings()) {
                md.append("| `").append(s.input().path()).append("` |");
                for (Figure f : Figure.values()) {
                    SobolIndex i = index(result, s, f);
                    md.append(' ')
                            .append(
                                    Double.isNaN(i.index())
                                            ? "n/a"
                                            : String.format(Locale.ROOT, "%.3f ± %.3f", i.index(), i.standardError()))
                            .append(" |");
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    /** Returns the CSV: one row per one-at-a-time point and per Sobol index, with the method of each. */
    static String csv(SensitivityResult result) {
        StringBuilder csv = new StringBuilder(
                "method,input,value,replications,p_met,live_clean_days,clean_days,forced_loss_bytes,figure,index,"
                        + "standard_error\n");
        for (Swing s : result.swings()) {
            for (Swing.Point p : s.points()) {
                ReplicationSummary r = p.summary();
                csv.append(String.join(
                                ",",
                                "one-at-a-time",
                                cell(s.input().path()),
                                cell(p.value()),
                                Integer.toString(r.runs()),
                                number(Figure.PROBABILITY_MET.of(r)),
                                number(Figure.LIVE_CLEAN_DAYS.of(r)),
                                number(Figure.CLEAN_DAYS.of(r)),
                                number(Figure.FORCED_LOSS_BYTES.of(r)),
                                "",
                                "",
                                ""))
                        .append('\n');
            }
        }
        for (SobolIndex i : result.sobol()) {
            csv.append(String.join(
                            ",",
                            "sobol-first-order-saltelli",
                            cell(i.input().path()),
                            "",
                            Integer.toString(result.sobolSamples()),
                            "",
                            "",
                            "",
                            "",
                            i.figure().name().toLowerCase(Locale.ROOT),
                            number(i.index()),
                            number(i.standardError())))
                    .append('\n');
        }
        return csv.toString();
    }

    private static SobolIndex index(SensitivityResult result, Swing s, Figure f) {
        return result.sobol().stream()
                .filter(i -> i.input().equals(s.input()) && i.figure() == f)
                .findFirst()
                .orElseThrow();
    }

    private static String days(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.1f", d) : "never";
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String cell(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
