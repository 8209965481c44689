package dev.residency.audit;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.geo.Jurisdiction;
import dev.residency.units.DataSize;
import java.util.Locale;
import java.util.Map;

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
        out.append(String.format("%nBlocked (must go, may not be deleted)%n"));
        if (report.blocked().isEmpty()) {
            out.append("  none\n");
        } else {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-22s %-24s %-4s %-16s %14s %12s%n",
                    "rule",
                    "reason",
                    "home",
                    "category",
                    "records",
                    "bytes"));
            for (Blocked b : report.blocked()) {
                out.append(String.format(
                        Locale.ROOT,
                        "  %-22s %-24s %-4s %-16s %14s %12s%n",
                        b.rule(),
                        b.reason(),
                        b.home().code(),
                        b.category(),
                        count(b.tally().records()),
                        DataSize.format(b.tally().bytes())));
            }
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
