package dev.residency.cli;

import static dev.residency.cli.Formats.bytes;
import static dev.residency.cli.Formats.count;
import static dev.residency.cli.Formats.date;
import static dev.residency.cli.Formats.days;
import static dev.residency.cli.Formats.number;
import static dev.residency.cli.Formats.percent;

import dev.residency.audit.BlockReason;
import dev.residency.audit.Tally;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PartTiming;
import dev.residency.plan.RecordClass;
import dev.residency.policy.Rule;
import dev.residency.sim.report.Estimate;
import dev.residency.sim.report.Proportion;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.scenario.Overrides;
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

    /** Deletion reasons that remove data which could have been moved: storage, route, time or force. */
    private static final java.util.Set<String> MOVABLE_LOSS_REASONS = java.util.Set.of(
            DeletionReason.NO_STORAGE.name(), DeletionReason.NO_ROUTE.name(), DeletionReason.DEADLINE.name(), "FORCED");

    private MarkdownReport() {}

    /** Renders the report; {@code deadline} is the deadline in simulated seconds, NaN for none. */
    static String render(Scenario scenario, MigrationPlan plan, ReplicationSummary summary, double deadline) {
        return render(scenario, plan, summary, deadline, "");
    }

    /**
     * Renders the report with {@code sections} (already rendered Markdown, such as the milestones)
     * placed after the headline; {@code deadline} is in simulated seconds, NaN for none.
     */
    static String render(
            Scenario scenario, MigrationPlan plan, ReplicationSummary summary, double deadline, String sections) {
        return render(
                scenario,
                plan,
                summary,
                deadline,
                sections,
                Durations.format(scenario.run().backups().retention()));
    }

    /**
     * Renders the report as {@link #render(Scenario, MigrationPlan, ReplicationSummary, double, String)}
     * does, naming the backup retention as {@code retention} (what the runs drew, when they drew it;
     * see {@link DrawsSection#retention(dev.residency.sim.study.Outcome)}).
     */
    static String render(
            Scenario scenario,
            MigrationPlan plan,
            ReplicationSummary summary,
            double deadline,
            String sections,
            String retention) {
        StringBuilder md = new StringBuilder();
        RunSettings run = scenario.run();
        Instant start = run.start();
        md.append("# ").append(scenario.name()).append(": is the commitment met?\n\n");
        md.append(headline(scenario, plan, summary, deadline)).append("\n\n");
        String why = why(scenario, plan, summary, deadline, retention);
        if (!why.isEmpty()) {
            md.append(why).append("\n\n");
        }
        String blocked = blockedNote(plan);
        md.append(
                        blocked.isEmpty()
                                ? "- Live systems free of violating copies after "
                                : "- Live systems free of" + " violating copies, blocked data aside, after ")
                .append(days(summary.liveComplianceDays()))
                .append(".\n");
        md.append(
                        blocked.isEmpty()
                                ? "- Every violating copy gone, backups included, after "
                                : "- Every violating" + " copy that may be removed gone, backups included, after ")
                .append(days(summary.fullComplianceDays()))
                .append(blocked.isEmpty() ? "" : "; " + blocked)
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
        md.append(sections);

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
        String movableDeleted = movableDeleted(summary);
        if (summary.forcedLossBytes().max() == 0 && movableDeleted.isEmpty()) {
            md.append("No movable data was lost in any run.\n");
        } else if (summary.forcedLossBytes().max() == 0) {
            md.append("The deadline rule deleted no movable data, but movable data was deleted rather than moved: ")
                    .append(movableDeleted)
                    .append(".\n");
        } else {
            md.append("Lost per run: ")
                    .append(bytes(summary.forcedLossBytes()))
                    .append(", affecting ")
                    .append(number(summary.forcedLossUsers().times(scenario.scale()), 0))
                    .append(" users (real-world count: simulated users × ")
                    .append(scenario.scale())
                    .append(").\n");
            if (!movableDeleted.isEmpty()) {
                md.append("Movable data deleted rather than moved, all reasons (copies): ")
                        .append(movableDeleted)
                        .append(".\n");
            }
        }
        if (summary.forcedLostWrites().max() > 0) {
            md.append("Live writes lost because enforcement cut batches over before their catch-up finished: ")
                    .append(bytes(summary.forcedLostWrites()))
                    .append(".\n");
        }

        md.append(CostReport.markdown(scenario, plan, summary.costs()));

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
                ReportText.byteRate(run.verificationRate()),
                ReportText.byteRate(run.deletionRate()),
                run.deletionFailureProbability(),
                bytes(run.catchUpThresholdBytes()),
                Durations.format(run.writeFreeze())));
        md.append(String.format(
                Locale.ROOT,
                "- Backups of deleted data: %s.%n",
                run.backups().cryptoShred()
                        ? "crypto-shredded at deletion"
                        : "kept for " + retention + " after deletion"));
        run.liveWrites()
                .forEach((home, w) -> md.append(String.format(
                        Locale.ROOT,
                        "- Live writes of %s users: %s.%n",
                        home,
                        ReportText.liveWrites(w, scenario.scale()))));
        md.append("- Faults: links ")
                .append(run.faults().links().map(ReportText::failures).orElse("none"))
                .append("; sites ")
                .append(run.faults().sites().map(ReportText::failures).orElse("none"))
                .append("; corruption ")
                .append(String.format(Locale.ROOT, "%.3g", run.faults().corruptionPerByte()))
                .append(" per byte; ")
                .append(run.faults().outages().size())
                .append(" scheduled outages; interrupted transfers ")
                .append(run.faults().interruptedTransfers().name().toLowerCase(Locale.ROOT))
                .append(".\n");
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

    private static String headline(Scenario scenario, MigrationPlan plan, ReplicationSummary summary, double deadline) {
        Proportion met = summary.metDeadline();
        if (Double.isNaN(deadline)) {
            return String.format(
                    Locale.ROOT,
                    "**No deadline is set.** Full compliance is reached in %d of %d replications.",
                    summary.fullComplianceDays().n(),
                    summary.runs());
        }
        String answer = met.successes() == met.n() ? "Yes" : met.successes() == 0 ? "No" : "Not reliably";
        String blocked = blockedNote(plan);
        return String.format(
                Locale.ROOT,
                "**%s.** The commitment (every violating copy%s, backups included, gone by %s) is met in %d of %d"
                        + " replications: probability %s (95%% CI %s – %s).%s",
                answer,
                blocked.isEmpty() ? "" : " that may be removed",
                date(scenario.run().start(), deadline),
                met.successes(),
                met.n(),
                percent(met.estimate()),
                percent(met.ciLow()),
                percent(met.ciHigh()),
                blocked.isEmpty() ? "" : " Not included: " + blocked + ".");
    }

    /**
     * Names the blocked data (legal hold, or neither movable nor deletable) that stays in violating
     * places whatever happens, or returns "" if there is none.
     */
    static String blockedNote(MigrationPlan plan) {
        Tally blocked = plan.classification().of(RecordClass.BLOCKED);
        if (blocked.records() == 0) {
            return "";
        }
        StringBuilder why = new StringBuilder();
        plan.classification().blockedByReason().forEach((reason, tally) -> {
            if (tally.records() > 0) {
                why.append(why.length() == 0 ? "" : ", ")
                        .append(reason == BlockReason.LEGAL_HOLD ? "legal hold" : "neither movable nor deletable")
                        .append(' ')
                        .append(bytes(tally.bytes()));
            }
        });
        return bytes(blocked.bytes()) + " of blocked data (" + why
                + ") stays in violating places, since the rules allow neither moving nor deleting it";
    }

    /**
     * Lists the movable data deleted for lack of storage, of a route or of time (the planner's
     * DEADLINE deletions, the deadline rule's FORCED ones), or "" if none was.
     */
    static String movableDeleted(ReplicationSummary summary) {
        StringBuilder parts = new StringBuilder();
        for (Map.Entry<String, Estimate> e : summary.deletedByReason().entrySet()) {
            if (MOVABLE_LOSS_REASONS.contains(e.getKey()) && e.getValue().max() > 0) {
                parts.append(parts.length() == 0 ? "" : ", ")
                        .append(e.getKey())
                        .append(' ')
                        .append(bytes(e.getValue()));
            }
        }
        return parts.toString();
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
    static String why(
            Scenario scenario, MigrationPlan plan, ReplicationSummary summary, double deadline, String retention) {
        if (Double.isNaN(deadline) || summary.metDeadline().successes() == summary.runs()) {
            return "";
        }
        Estimate live = summary.liveComplianceDays();
        if (live.n() == summary.runs()
                && live.max() * Formats.DAY <= deadline
                && !scenario.run().backups().cryptoShred()) {
            return String.format(
                    Locale.ROOT,
                    "Why: live systems were free of violating copies%s by day %.1f in every run, before the deadline"
                            + " (day %.1f); what misses it is the backups of deleted data, kept %s after deletion."
                            + " Crypto-shredding them at deletion would remove that wait.",
                    blockedNote(plan).isEmpty() ? "" : " (blocked data aside)",
                    live.max(),
                    deadline / Formats.DAY,
                    retention);
        }
        return "";
    }

    /**
     * Returns {@code report} with a line under its title listing the {@code --set} overrides it was
     * made under, or {@code report} itself if there are none.
     */
    static String withOverrides(String report, Overrides overrides) {
        if (overrides.isEmpty()) {
            return report;
        }
        StringBuilder line = new StringBuilder("> Changed from the scenario file by ");
        for (int i = 0; i < overrides.settings().size(); i++) {
            line.append(i == 0 ? "" : ", ")
                    .append("`--set ")
                    .append(overrides.settings().get(i))
                    .append('`');
        }
        line.append(".\n\n");
        int afterTitle = report.indexOf("\n\n");
        return afterTitle < 0
                ? report + "\n" + line
                : report.substring(0, afterTitle + 2) + line + report.substring(afterTitle + 2);
    }
}
