package dev.residency.audit;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.geo.Jurisdiction;
import dev.residency.units.DataSize;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Renders an {@link AuditReport} as plain-text tables for a terminal or a Markdown code block. */
public final class AuditTable {

    private AuditTable() {}

    /** Returns the report as text: a headline, then violations by jurisdiction, category, data center, and the blocked records. */
    public static String render(AuditReport report) {
        checkNotNull(report, "report");
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Audit against policy \"%s\": %s of %s records violate (%s of %s); %.2f%% of bytes comply.%n",
                report.policy(),
                count(report.violating().records()),
                count(report.total().records()),
                DataSize.format(report.violating().bytes()),
                DataSize.format(report.total().bytes()),
                100 * report.compliantShare()));
        if (report.excepted().records() > 0) {
            out.append(String.format(
                    Locale.ROOT,
                    "Excepted by rule (left in place): %s records, %s.%n",
                    count(report.excepted().records()),
                    DataSize.format(report.excepted().bytes())));
        }
        section(out, "Violating records by home jurisdiction", "jurisdiction", report.byJurisdiction(), report);
        section(out, "Violating records by category", "category", report.byCategory(), report);
        section(out, "Violating copies by data center", "data center", report.byDataCenter(), report);
        out.append(String.format("%nBlocked (must go, may not be deleted), by rule and reason%n"));
        if (report.blocked().isEmpty()) {
            out.append("  none\n");
        } else {
            Map<String, Tally> byRuleAndReason = new TreeMap<>();
            Map<String, Set<String>> homes = new TreeMap<>();
            for (Blocked b : report.blocked()) {
                String key = b.rule() + " / " + b.reason();
                byRuleAndReason.merge(key, b.tally(), Tally::plus);
                homes.computeIfAbsent(key, k -> new TreeSet<>()).add(b.home().code());
            }
            int width = byRuleAndReason.keySet().stream()
                    .mapToInt(String::length)
                    .max()
                    .orElse(10);
            String row = "  %-" + width + "s %14s %12s  %s%n";
            out.append(String.format(Locale.ROOT, row, "rule / reason", "records", "bytes", "homes"));
            byRuleAndReason.forEach((key, tally) -> out.append(String.format(
                    Locale.ROOT,
                    row,
                    key,
                    count(tally.records()),
                    DataSize.format(tally.bytes()),
                    String.join(",", homes.get(key)))));
        }
        return out.toString();
    }

    private static void section(
            StringBuilder out, String title, String column, Map<?, Tally> rows, AuditReport report) {
        out.append(String.format("%n%s%n", title));
        if (rows.isEmpty()) {
            out.append("  none\n");
            return;
        }
        out.append(String.format(Locale.ROOT, "  %-20s %14s %12s %8s%n", column, "records", "bytes", "share"));
        long denominator = Math.max(1, report.violating().bytes());
        for (Map.Entry<?, Tally> row : rows.entrySet()) {
            String key = row.getKey() instanceof Jurisdiction j
                    ? j.code() + " " + j.displayName()
                    : row.getKey().toString();
            out.append(String.format(
                    Locale.ROOT,
                    "  %-20s %14s %12s %7.1f%%%n",
                    key.length() > 20 ? key.substring(0, 20) : key,
                    count(row.getValue().records()),
                    DataSize.format(row.getValue().bytes()),
                    100.0 * row.getValue().bytes() / denominator));
        }
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
