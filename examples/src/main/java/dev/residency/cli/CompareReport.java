package dev.residency.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.residency.sim.report.CostKind;
import dev.residency.sim.report.Estimate;
import dev.residency.sim.report.Milestone;
import dev.residency.sim.report.MilestoneSummary;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.study.Comparison.Compared;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Renders a comparison side by side as Markdown ({@code compare.md}), CSV ({@code compare.csv}, one
 * row per variant and figure) and JSON ({@code compare.json}): the headline, the per-jurisdiction
 * compliance dates, the deleted bytes by reason, the forced loss, the egress and the total cost ("not modelled"
 * where the scenario gives no price).
 */
final class CompareReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CompareReport() {}

    /** Returns the Markdown table, one column per variant. */
    static String markdown(List<Compared> compared) {
        StringBuilder md = new StringBuilder("# Comparison\n\n");
        for (Compared c : compared) {
            md.append("- **")
                    .append(c.variant().name())
                    .append("**: ")
                    .append(c.variant().source().name())
                    .append(
                            c.variant().overrides().isEmpty()
                                    ? ""
                                    : " with `--set " + c.variant().overrides() + "`")
                    .append("; probability drawing ")
                    .append(c.outcome().uncertaintyCovered())
                    .append('\n');
        }
        md.append("\n| figure |");
        compared.forEach(c -> md.append(' ').append(c.variant().name()).append(" |"));
        md.append("\n|---|").append("---|".repeat(compared.size())).append('\n');
        for (Row row : rows(compared)) {
            md.append("| ").append(row.figure()).append(" |");
            row.values().forEach(v -> md.append(' ').append(v).append(" |"));
            md.append('\n');
        }
        md.append("\n`compare.png` overlays each variant's median violating bytes (backups included) over time.\n");
        return md.toString();
    }

    /** Returns the CSV: {@code figure,variant,value}, one row per figure and variant. */
    static String csv(List<Compared> compared) {
        StringBuilder csv = new StringBuilder("figure,variant,value\n");
        for (Row row : rows(compared)) {
            for (int i = 0; i < compared.size(); i++) {
                csv.append(cell(row.figure()))
                        .append(',')
                        .append(cell(compared.get(i).variant().name()))
                        .append(',')
                        .append(cell(row.values().get(i)))
                        .append('\n');
            }
        }
        return csv.toString();
    }

    /** Returns the JSON document: one object per variant with its figures as numbers. */
    static String json(List<Compared> compared) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", 1);
        ArrayNode variants = root.putArray("variants");
        for (Compared c : compared) {
            ReplicationSummary s = c.outcome().summary();
            Scenario scenario = c.outcome().scenario();
            ObjectNode v = variants.addObject();
            v.put("name", c.variant().name());
            v.put("scenario", scenario.name());
            ArrayNode sets = v.putArray("overrides");
            c.variant()
                    .overrides()
                    .settings()
                    .forEach(x -> sets.addObject().put("path", x.path()).put("value", x.value()));
            v.put("covers", c.outcome().uncertaintyCovered());
            v.put("replications", s.runs());
            v.put("met", s.metDeadline().successes());
            number(v, "probabilityMet", s.metDeadline().estimate());
            number(v, "liveComplianceDays", s.liveComplianceDays().mean());
            number(v, "fullComplianceDays", s.fullComplianceDays().mean());
            number(v, "forcedLossBytes", s.forcedLossBytes().mean());
            ObjectNode reasons = v.putObject("bytesDeletedByReason");
            s.deletedByReason().forEach((reason, e) -> number(reasons, reason, e.mean()));
            costNumber(v, "egressCostUsd", s.costs().byKind().get(CostKind.EGRESS));
            costNumber(v, "totalCostUsd", s.costs().totalUsd());
            ArrayNode homes = v.putArray("jurisdictions");
            Instant start = scenario.run().start();
            for (MilestoneSummary.Subject j :
                    MilestoneSummary.of(c.outcome().runs()).of(Milestone.Kind.JURISDICTION)) {
                homes.addObject()
                        .put("name", j.name())
                        .put("liveDate", date(start, j.liveDays()))
                        .put("withBackupsDate", date(start, j.fullDays()));
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render compare.json", e);
        }
    }

    private record Row(String figure, List<String> values) {}

    private static List<Row> rows(List<Compared> compared) {
        List<Row> rows = new java.util.ArrayList<>();
        rows.add(row("met by the deadline", compared, c -> {
            ReplicationSummary s = c.outcome().summary();
            return String.format(
                    Locale.ROOT,
                    "%d of %d (%s)",
                    s.metDeadline().successes(),
                    s.runs(),
                    Formats.percent(s.metDeadline().estimate()));
        }));
        rows.add(row(
                "days to live-clean",
                compared,
                c -> Formats.days(c.outcome().summary().liveComplianceDays())));
        rows.add(row(
                "days to clean incl. backups",
                compared,
                c -> Formats.days(c.outcome().summary().fullComplianceDays())));
        TreeSet<String> homes = new TreeSet<>();
        compared.forEach(c -> MilestoneSummary.of(c.outcome().runs()).of(Milestone.Kind.JURISDICTION).stream()
                .map(MilestoneSummary.Subject::name)
                .forEach(homes::add));
        for (String home : homes) {
            rows.add(row(home + " clean (live / with backups)", compared, c -> {
                Instant start = c.outcome().scenario().run().start();
                return MilestoneSummary.of(c.outcome().runs()).of(Milestone.Kind.JURISDICTION).stream()
                        .filter(j -> j.name().equals(home))
                        .findFirst()
                        .map(j -> String.valueOf(date(start, j.liveDays())) + " / " + date(start, j.fullDays()))
                        .orElse("not in scenario");
            }));
        }
        TreeSet<String> reasons = new TreeSet<>();
        compared.forEach(
                c -> reasons.addAll(c.outcome().summary().deletedByReason().keySet()));
        for (String reason : reasons) {
            rows.add(row("deleted, " + reason, compared, c -> {
                Estimate e = c.outcome().summary().deletedByReason().get(reason);
                return e == null ? "0 B" : Formats.bytes(e.mean());
            }));
        }
        rows.add(row(
                "forced loss",
                compared,
                c -> Formats.bytes(c.outcome().summary().forcedLossBytes().mean())));
        rows.add(row(
                "egress cost",
                compared,
                c -> CostReport.meanUsd(c.outcome().summary().costs().byKind().get(CostKind.EGRESS))));
        rows.add(row(
                "total cost",
                compared,
                c -> CostReport.meanUsd(c.outcome().summary().costs().totalUsd())));
        return rows;
    }

    private static Row row(String figure, List<Compared> compared, java.util.function.Function<Compared, String> f) {
        return new Row(figure, compared.stream().map(f).toList());
    }

    /** Puts the mean of a cost, or null when the scenario gives no price for it. */
    private static void costNumber(ObjectNode o, String name, Estimate cost) {
        if (cost.n() == 0) {
            o.putNull(name);
        } else {
            number(o, name, cost.mean());
        }
    }

    private static String date(Instant start, Estimate days) {
        return days.n() == 0 ? "never" : Formats.date(start, days.mean() * Formats.DAY);
    }

    private static void number(ObjectNode o, String name, double value) {
        if (Double.isFinite(value)) {
            o.put(name, value);
        } else {
            o.putNull(name);
        }
    }

    private static String cell(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
