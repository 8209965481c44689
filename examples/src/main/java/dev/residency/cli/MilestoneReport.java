package dev.residency.cli;

import dev.residency.sim.report.Estimate;
import dev.residency.sim.report.Milestone;
import dev.residency.sim.report.MilestoneSummary;
import dev.residency.sim.report.ObservedComparison;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.ObservedMilestone;
import dev.residency.sim.scenario.Phase;
import dev.residency.sim.scenario.Scenario;
import dev.residency.units.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Renders the per-jurisdiction, per-rule, per-phase and per-site dates of a run: the section of
 * {@code report.md} saying when each part became compliant, and {@code milestones.csv}.
 */
final class MilestoneReport {

    private MilestoneReport() {}

    /** Renders the Markdown section "When each part became compliant". */
    static String markdown(Scenario scenario, MilestoneSummary milestones) {
        Instant start = scenario.run().start();
        StringBuilder md = new StringBuilder("\n## When each part became compliant\n\n");
        md.append("Dates are means over replications with 95% intervals; \"live\" means no violating copy left on"
                + " live systems (blocked data aside), \"with backups\" that the backups of deleted copies are gone"
                + " too.\n\n");
        md.append("| home jurisdiction | live | with backups |\n|---|---|---|\n");
        for (MilestoneSummary.Subject s : milestones.of(Milestone.Kind.JURISDICTION)) {
            md.append("| ")
                    .append(s.name())
                    .append(" | ")
                    .append(date(start, s.liveDays()))
                    .append(" | ")
                    .append(date(start, s.fullDays()))
                    .append(" |\n");
        }
        md.append("\n| rule | live | with backups |\n|---|---|---|\n");
        for (MilestoneSummary.Subject s : milestones.of(Milestone.Kind.RULE)) {
            md.append("| `")
                    .append(s.name())
                    .append("` | ")
                    .append(date(start, s.liveDays()))
                    .append(" | ")
                    .append(date(start, s.fullDays()))
                    .append(" |\n");
        }
        List<Phase> phases = scenario.run().phases();
        if (!phases.isEmpty()) {
            md.append("\n| phase | may start | due | live | lateness (live) | with backups |\n"
                    + "|---|---|---|---|---|---|\n");
            for (Phase phase : phases) {
                MilestoneSummary.Subject s = milestones
                        .find(Milestone.Kind.PHASE, phase.name())
                        .orElseThrow(() -> new IllegalStateException("no milestones for phase " + phase.name()));
                md.append("| ")
                        .append(phase.name())
                        .append(" | ")
                        .append(day(phase.start()))
                        .append(" | ")
                        .append(day(phase.due()))
                        .append(" | ")
                        .append(date(start, s.liveDays()))
                        .append(" | ")
                        .append(lateness(s.liveDays(), daysBetween(start, phase.due())))
                        .append(" | ")
                        .append(date(start, s.fullDays()))
                        .append(" |\n");
            }
        }
        md.append("\n| site | first data received | no violating copy left | with backups |\n|---|---|---|---|\n");
        for (MilestoneSummary.Subject s : milestones.of(Milestone.Kind.SITE)) {
            md.append("| `")
                    .append(s.name())
                    .append("` | ")
                    .append(s.receiptDays().n() == 0 ? "none" : date(start, s.receiptDays()))
                    .append(" | ")
                    .append(date(start, s.liveDays()))
                    .append(" | ")
                    .append(date(start, s.fullDays()))
                    .append(" |\n");
        }
        return md.toString();
    }

    /**
     * Renders the Markdown section "Simulated vs observed": each observed milestone of the real
     * programme beside the simulated one, with the difference and whether it is within the tolerance
     * the scenario states; a scenario without observations is named a what-if.
     */
    static String observed(Scenario scenario, List<ObservedComparison> comparisons) {
        StringBuilder md = new StringBuilder("\n## Simulated vs observed\n\n");
        if (comparisons.isEmpty()) {
            return md.append("No observed milestones: this scenario is a what-if, not a reproduction of events.\n")
                    .toString();
        }
        md.append("| milestone | observed | simulated (mean, 95% CI) | difference | within tolerance | source |\n"
                + "|---|---|---|---|---|---|\n");
        Instant start = scenario.run().start();
        for (ObservedComparison c : comparisons) {
            ObservedMilestone o = c.observed();
            md.append("| ")
                    .append(describe(o))
                    .append(" | ")
                    .append(range(o))
                    .append(" | ")
                    .append(date(start, c.simulatedDays()))
                    .append(" | ")
                    .append(
                            Double.isNaN(c.daysOutside())
                                    ? "n/a"
                                    : c.daysOutside() == 0
                                            ? "inside the range"
                                            : String.format(
                                                    Locale.ROOT,
                                                    "%.0f days %s",
                                                    Math.abs(c.daysOutside()),
                                                    c.daysOutside() > 0 ? "later" : "earlier"))
                    .append(" | ")
                    .append(c.reproduced() ? "yes" : "**no**")
                    .append(String.format(
                            Locale.ROOT,
                            " (±%s; %d of %d runs)",
                            Durations.format(o.tolerance()),
                            c.runsReproducing(),
                            c.simulatedDays().n() + c.simulatedDays().missing()))
                    .append(" | ")
                    .append(o.source().replace("|", "\\|"))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** Describes an observed milestone: "phase phase-3 clean", "site dublin-1 receiving data". */
    static String describe(ObservedMilestone o) {
        String what = switch (o.what()) {
            case CLEAN -> "clean on live systems";
            case BACKUPS_GONE -> "backups gone";
            case RECEIVING -> "receiving data";
        };
        return o.subject() == ObservedMilestone.Subject.ALL
                ? "everything " + what
                : o.subject().label() + " `" + o.name() + "` " + what;
    }

    /** Formats an observed range: a date, "from … to …", "not before …" or "not after …". */
    static String range(ObservedMilestone o) {
        if (o.from().isPresent() && o.to().isPresent()) {
            return o.from().equals(o.to()) ? day(o.from().get()) : day(o.from().get()) + " – " + day(o.to().get());
        }
        return o.from().isPresent() ? "not before " + day(o.from().get()) : "not after " + day(o.to().orElseThrow());
    }

    /** Renders {@code milestones.csv}: one row per replication and subject. */
    static String csv(List<RunResult> results, Instant start) {
        StringBuilder csv = new StringBuilder(
                "replication,kind,name,first_receipt_seconds,first_receipt_date,live_seconds,live_date,"
                        + "with_backups_seconds,with_backups_date\n");
        for (RunResult r : results) {
            for (Milestone m : r.milestones()) {
                csv.append(r.replication())
                        .append(',')
                        .append(m.kind().label())
                        .append(',')
                        .append(m.name())
                        .append(',')
                        .append(seconds(m.firstReceiptSeconds()))
                        .append(',')
                        .append(
                                Double.isNaN(m.firstReceiptSeconds())
                                        ? ""
                                        : Formats.date(start, m.firstReceiptSeconds()))
                        .append(',')
                        .append(seconds(m.liveSeconds()))
                        .append(',')
                        .append(Double.isNaN(m.liveSeconds()) ? "" : Formats.date(start, m.liveSeconds()))
                        .append(',')
                        .append(seconds(m.fullSeconds()))
                        .append(',')
                        .append(Double.isNaN(m.fullSeconds()) ? "" : Formats.date(start, m.fullSeconds()))
                        .append('\n');
            }
        }
        return csv.toString();
    }

    /** Formats an estimate of days since {@code start} as calendar dates: "2023-01-05 (95% CI … – …)". */
    static String date(Instant start, Estimate days) {
        if (days.n() == 0) {
            return "never (within the horizon)";
        }
        String mean = Formats.date(start, days.mean() * Formats.DAY);
        String low = Formats.date(start, days.ciLow() * Formats.DAY);
        String high = Formats.date(start, days.ciHigh() * Formats.DAY);
        String s = low.equals(high) ? mean : mean + " (95% CI " + low + " – " + high + ")";
        return days.missing() > 0 ? s + ", not reached in " + days.missing() + " runs" : s;
    }

    /** Formats how late an estimate of days is against {@code dueDays}: "41 days late (95% CI …)". */
    static String lateness(Estimate days, double dueDays) {
        if (days.n() == 0) {
            return "never done";
        }
        double mean = days.mean() - dueDays;
        String word = mean > 0 ? "late" : "early";
        String s = String.format(Locale.ROOT, "%.0f days %s", Math.abs(mean), word);
        if (days.n() >= 2 && days.ciLow() != days.ciHigh()) {
            s += String.format(
                    Locale.ROOT, " (95%% CI %+.0f – %+.0f)", days.ciLow() - dueDays, days.ciHigh() - dueDays);
        }
        return s;
    }

    /** Returns the days from {@code start} to {@code at}. */
    static double daysBetween(Instant start, Instant at) {
        return Duration.between(start, at).getSeconds() / Formats.DAY;
    }

    private static String day(Instant at) {
        return Formats.date(at, 0);
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "" : String.format(Locale.ROOT, "%.0f", s);
    }
}
