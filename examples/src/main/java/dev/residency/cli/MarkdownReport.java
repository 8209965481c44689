package dev.residency.cli;

import static dev.residency.cli.Formats.bytes;
import static dev.residency.cli.Formats.count;
import static dev.residency.cli.Formats.date;
import static dev.residency.cli.Formats.days;
import static dev.residency.cli.Formats.number;
import static dev.residency.cli.Formats.percent;

import dev.residency.audit.Tally;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PartTiming;
import dev.residency.plan.RecordClass;
import dev.residency.policy.Rule;
import dev.residency.sim.report.Estimate;
import dev.residency.sim.report.Proportion;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Link;
import dev.residency.units.Durations;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@code report.md}: the answer first (is the commitment met by the deadline, with its
 * probability and confidence interval), then deleted bytes by reason, forced loss, cost, the plan's
 * quality ratio, and every assumption of the scenario.
 */
final class MarkdownReport {

    private MarkdownReport() {}

    /** Renders the report; {@code deadline} is the deadline in simulated seconds, NaN for none. */
    static String render(Scenario scenario, MigrationPlan plan, ReplicationSummary summary, double deadline) {
        StringBuilder md = new StringBuilder();
        RunSettings run = scenario.run();
        Instant start = run.start();
        md.append("# ").append(scenario.name()).append(": is the commitment met?\n\n");
        md.append(headline(scenario, summary, deadline)).append("\n\n");
        String why = why(scenario, summary, deadline);
        if (!why.isEmpty()) {
            md.append(why).append("\n\n");
        }
        md.append("- Live systems free of violating copies after ")
                .append(days(summary.liveComplianceDays()))
                .append(".\n");
        md.append("- Every violating copy gone, backups included, after ")
                .append(days(summary.fullComplianceDays()))
                .append(".\n");
        if (!Double.isNaN(deadline)) {
            md.append("- Violating bytes left at the deadline (backups and blocked data included): ")
                    .append(bytes(summary.violatingAtDeadline()))
                    .append(".\n");
            if (summary.latenessDays().n() > 0) {
                md.append("- Full compliance relative to the deadline: ")
                        .append(days(summary.latenessDays()))
                        .append(" (negative means early).\n");
            }
        }
        md.append("- Bytes moved to compliant places: ")
                .append(bytes(summary.bytesMoved()))
                .append(".\n");
        md.append("- Deleted rather than moved (copies, mean per run): ")
                .append(deletedInsteadOfMoved(summary))
                .append(".\n");
        md.append("\n").append(scenario.description().strip()).append("\n");

        md.append("\n## Deleted rather than moved\n\n");
        md.append("| reason | bytes deleted (mean over runs) |\n|---|---|\n");
        for (Map.Entry<String, Estimate> e : summary.deletedByReason().entrySet()) {
            md.append("| ")
                    .append(e.getKey())
                    .append(" | ")
                    .append(bytes(e.getValue()))
                    .append(" |\n");
        }
        md.append("| **all** | ").append(bytes(summary.bytesDeleted())).append(" |\n\n");
        md.append("Bytes count copies: a record held in two violating places is deleted twice. ");
        md.append("AFTER_MOVE deletions remove source copies after a verified copy was cut over; the others "
                + "remove data that could not or need not move.\n");

        md.append("\n## Forced loss (movable data deleted by the deadline rule)\n\n");
        md.append("Deadline rule: **")
                .append(run.deadlineRule().name().toLowerCase(Locale.ROOT))
                .append("**. ");
        if (summary.forcedLossBytes().max() == 0) {
            md.append("No movable data was lost in any run.\n");
        } else {
            md.append("Lost per run: ")
                    .append(bytes(summary.forcedLossBytes()))
                    .append(", affecting ")
                    .append(number(scale(summary.forcedLossUsers(), scenario.scale()), 0))
                    .append(" users (real-world count: simulated users × ")
                    .append(scenario.scale())
                    .append(").\n");
        }
        if (summary.forcedLostWrites().max() > 0) {
            md.append("Live writes lost because enforcement cut batches over before their catch-up finished: ")
                    .append(bytes(summary.forcedLostWrites()))
                    .append(".\n");
        }

        md.append("\n## Cost\n\nEgress of all bytes sent: US$ ")
                .append(number(summary.egressCostUsd(), 0))
                .append(" (plan estimate US$ ")
                .append(String.format(Locale.ROOT, "%,.0f", plan.egressCostUsd()))
                .append(").\n");

        md.append("\n## Plan\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Planner `%s` (%s): %,d transfer batches in %d waves, %,d deletion jobs.%n%n",
                plan.planner(),
                plan.method(),
                plan.batches().size(),
                plan.waveCount(),
                plan.deletions().size()));
        md.append(String.format(
                Locale.ROOT,
                "- Copy makespan estimate %.2f days; lower bound %.2f days; **quality ratio %.3f** (plan / bound,"
                        + " 1 is optimal).%n",
                plan.makespanSeconds() / Formats.DAY,
                plan.lowerBoundSeconds() / Formats.DAY,
                plan.qualityRatio()));
        md.append(String.format(
                Locale.ROOT,
                "- Violation-time integral %.4g PB-days; lower bound %.4g PB-days; **area ratio %.3f**.%n",
                plan.areaByteSeconds() / 1e15 / Formats.DAY,
                plan.areaLowerBoundByteSeconds() / 1e15 / Formats.DAY,
                plan.areaRatio()));
        md.append("- Planned compliance per home jurisdiction (last copy; bound: its data alone on the network):\n\n"
                + "| home | bytes | planned day | bound day | ratio |\n|---|---|---|---|---|\n");
        for (PartTiming part : plan.parts(PartTiming.HOME)) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.2f | %.2f | %.3f |%n",
                    part.name(),
                    bytes(part.bytes()),
                    part.plannedSeconds() / Formats.DAY,
                    part.lowerBoundSeconds() / Formats.DAY,
                    part.ratio()));
        }
        md.append('\n');
        md.append("- Violating records by class:\n\n| class | records (real-world) | bytes |\n|---|---|---|\n");
        for (Map.Entry<RecordClass, Tally> e : plan.classification().byClass().entrySet()) {
            md.append("| ")
                    .append(e.getKey())
                    .append(" | ")
                    .append(count((double) e.getValue().records() * scenario.scale()))
                    .append(" | ")
                    .append(bytes(e.getValue().bytes()))
                    .append(" |\n");
        }

        md.append("\n## Runs\n\n");
        md.append(String.format(
                Locale.ROOT,
                "%d replications, seed %d. Copies repeated after corruption: %s per run.%n",
                summary.runs(),
                summary.seed(),
                number(summary.copyRetries(), 1)));
        md.append("Confidence intervals are two-sided 95% Student-t intervals for the mean over replications; the "
                + "probability of meeting the deadline has a 95% Wilson interval.\n");

        md.append("\n## Assumptions\n\n");
        for (String assumption : scenario.assumptions()) {
            md.append("- ").append(assumption).append('\n');
        }
        md.append(String.format(
                Locale.ROOT,
                "- Start %s; deadline %s; rule %s; horizon %s.%n",
                date(start, 0),
                Double.isNaN(deadline) ? "none" : date(start, deadline),
                run.deadlineRule().name().toLowerCase(Locale.ROOT),
                Durations.format(run.horizon())));
        md.append(String.format(
                Locale.ROOT,
                "- Population: one simulated user stands for %,d real users; record sizes are scaled up by the"
                        + " same factor, so bytes are real-world figures.%n",
                scenario.scale()));
        md.append(String.format(
                Locale.ROOT,
                "- Verification %s per site; deletion %s per site, failing with probability %s per job; catch-up"
                        + " threshold %s; write freeze %s.%n",
                run.verificationRate(),
                run.deletionRate(),
                run.deletionFailureProbability(),
                bytes(run.catchUpThresholdBytes()),
                Durations.format(run.writeFreeze())));
        md.append(String.format(
                Locale.ROOT,
                "- Backups of deleted data: %s.%n",
                run.backups().cryptoShred()
                        ? "crypto-shredded at deletion"
                        : "kept for " + Durations.format(run.backups().retention()) + " after deletion"));
        run.liveWrites()
                .forEach((home, w) -> md.append(String.format(
                        Locale.ROOT,
                        "- Live writes of %s users: %s per simulated user per day, sign-ups %s per user per day.%n",
                        home,
                        bytes(w.bytesPerUserPerDay()),
                        w.signupsPerUserPerDay())));
        md.append("- Faults: links ")
                .append(run.faults().links().map(Object::toString).orElse("none"))
                .append("; sites ")
                .append(run.faults().sites().map(Object::toString).orElse("none"))
                .append("; corruption ")
                .append(run.faults().corruptionPerByte())
                .append(" per byte; ")
                .append(run.faults().outages().size())
                .append(" scheduled outages.\n");
        md.append("- Policy `").append(scenario.policy().name()).append("` (first matching rule governs):\n");
        for (Rule rule : scenario.policy().rules()) {
            md.append(String.format(
                    Locale.ROOT,
                    "  - `%s`: homes %s, categories %s → %s, action %s, %d compliant replica(s)%s%n",
                    rule.name(),
                    rule.homes().isEmpty() ? "any" : rule.homes(),
                    rule.categories().isEmpty() ? "any" : rule.categories(),
                    rule.allowed(),
                    rule.action(),
                    rule.minCompliantReplicas(),
                    rule.exemptExceptable() ? ", exceptable categories exempt" : ""));
        }
        md.append("- Sites:\n");
        for (DataCenter dc : scenario.topology().sites()) {
            md.append(String.format(
                    Locale.ROOT,
                    "  - `%s` %s, %s, storage %s, ingest %s, egress %s%n",
                    dc.id(),
                    dc.jurisdiction(),
                    dc.operator(),
                    dc.storage(),
                    dc.ingest(),
                    dc.egress()));
        }
        md.append("- Links:\n");
        for (Link link : scenario.topology().links()) {
            md.append(String.format(
                    Locale.ROOT,
                    "  - `%s` %s / %s, latency %s, US$ %.3f per GiB%n",
                    link.name(),
                    link.forward(),
                    link.backward(),
                    Durations.format(link.latency()),
                    link.egressCostPerGiB()));
        }
        md.append("\n## Files\n\n`timeseries.csv` (every replication's samples), `batches.csv` (every "
                + "batch's planned and simulated times), `summary.json` (the figures above as data), "
                + "`compliance.png` (violating bytes over time, median and spread over replications, deadline "
                + "marked).\n");
        return md.toString();
    }

    private static String headline(Scenario scenario, ReplicationSummary summary, double deadline) {
        Proportion met = summary.metDeadline();
        if (Double.isNaN(deadline)) {
            return String.format(
                    Locale.ROOT,
                    "**No deadline is set.** Full compliance is reached in %d of %d replications.",
                    summary.fullComplianceDays().n(),
                    summary.runs());
        }
        String answer = met.successes() == met.n() ? "Yes" : met.successes() == 0 ? "No" : "Not reliably";
        return String.format(
                Locale.ROOT,
                "**%s.** The commitment (every violating copy, backups included, gone by %s) is met in %d of %d"
                        + " replications: probability %s (95%% CI %s – %s).",
                answer,
                date(scenario.run().start(), deadline),
                met.successes(),
                met.n(),
                percent(met.estimate()),
                percent(met.ciLow()),
                percent(met.ciHigh()));
    }

    /**
     * Lists the deletion reasons other than the clean-up of source copies after a move (AFTER_MOVE) and
     * of replicas beyond what the policy needs (EXCESS_REPLICA): the data the commitment cost.
     */
    private static String deletedInsteadOfMoved(ReplicationSummary summary) {
        StringBuilder parts = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Estimate> e : summary.deletedByReason().entrySet()) {
            String reason = e.getKey();
            if (reason.equals("AFTER_MOVE")
                    || reason.equals("EXCESS_REPLICA")
                    || e.getValue().mean() == 0) {
                continue;
            }
            total += e.getValue().mean();
            parts.append(parts.length() == 0 ? "" : ", ")
                    .append(reason)
                    .append(' ')
                    .append(bytes(e.getValue().mean()));
        }
        return parts.length() == 0 ? "none" : bytes(total) + " (" + parts + ")";
    }

    /** Explains a missed deadline when live systems were clean in time and only backups were late. */
    private static String why(Scenario scenario, ReplicationSummary summary, double deadline) {
        if (Double.isNaN(deadline) || summary.metDeadline().successes() == summary.runs()) {
            return "";
        }
        Estimate live = summary.liveComplianceDays();
        if (live.n() == summary.runs()
                && live.max() * Formats.DAY <= deadline
                && !scenario.run().backups().cryptoShred()) {
            return String.format(
                    Locale.ROOT,
                    "Why: live systems were free of violating copies by day %.1f in every run, before the deadline"
                            + " (day %.1f); what misses it is the backups of deleted data, kept %s after deletion."
                            + " Crypto-shredding them at deletion would remove that wait.",
                    live.max(),
                    deadline / Formats.DAY,
                    Durations.format(scenario.run().backups().retention()));
        }
        return "";
    }

    private static Estimate scale(Estimate e, int scale) {
        return new Estimate(
                e.mean() * scale,
                e.median() * scale,
                e.ciLow() * scale,
                e.ciHigh() * scale,
                e.min() * scale,
                e.max() * scale,
                e.n(),
                e.missing());
    }
}
