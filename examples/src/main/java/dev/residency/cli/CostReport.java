package dev.residency.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.residency.plan.MigrationPlan;
import dev.residency.sim.report.CostKind;
import dev.residency.sim.report.CostSummary;
import dev.residency.sim.report.Estimate;
import dev.residency.sim.report.RunCosts;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.report.SiteCost;
import dev.residency.sim.scenario.CostInputs;
import dev.residency.sim.scenario.Scenario;
import dev.residency.topology.DataCenter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Renders the costs of a run: the report's "Cost" section (total, by kind, by site, the prices used),
 * {@code costs.csv} (one row per replication and site, then per replication and kind) and the {@code
 * costs} object of {@code summary.json}. A cost whose inputs the scenario does not give is written
 * "not modelled" (empty in the CSV, {@code null} in JSON), never as zero.
 */
final class CostReport {

    private static final String NOT_MODELLED = "not modelled";

    private CostReport() {}

    /** Returns the Markdown of the report's "Cost" section, from its heading on. */
    static String markdown(Scenario scenario, MigrationPlan plan, CostSummary costs) {
        StringBuilder md = new StringBuilder("\n## Cost\n\n");
        List<String> absent = new ArrayList<>();
        for (CostKind kind : CostKind.values()) {
            if (!costs.modelled(kind)) {
                absent.add(kind.label() + " (" + why(kind) + ")");
            }
        }
        if (costs.totalUsd().n() == 0) {
            md.append("Costs are not modelled: the scenario gives no price (")
                    .append(String.join("; ", absent))
                    .append(").\n");
            return md.toString();
        }
        md.append("Modelled costs per run: **")
                .append(usd(costs.totalUsd()))
                .append("**, over ")
                .append(Formats.number(costs.months(), 1))
                .append(" months from the start to the end of the run.");
        if (!absent.isEmpty()) {
            md.append(" These are not modelled: ")
                    .append(String.join("; ", absent))
                    .append('.');
        }
        md.append("\n\n| kind | US$ per run (mean, 95% CI) |\n|---|---|\n");
        for (CostKind kind : CostKind.values()) {
            md.append("| ")
                    .append(kind.label())
                    .append(" | ")
                    .append(costs.modelled(kind) ? usd(costs.byKind().get(kind)) : NOT_MODELLED);
            if (kind == CostKind.EGRESS && costs.modelled(kind)) {
                md.append(String.format(Locale.ROOT, " (plan estimate US$ %,.0f)", plan.egressCostUsd()));
            }
            md.append(" |\n");
        }
        md.append("| **all modelled** | ").append(usd(costs.totalUsd())).append(" |\n");
        md.append("\nBy site (storage counts the population's copies, copies made by the migration and backups"
                + " of deleted copies while retained; live writes are left out):\n\n"
                + "| site | held, GB-months | storage US$ | egress US$ | build US$ | all modelled US$ |\n"
                + "|---|---|---|---|---|---|\n");
        for (CostSummary.Site site : costs.sites()) {
            md.append("| `")
                    .append(site.site())
                    .append("` | ")
                    .append(Formats.number(site.gbMonths(), 0))
                    .append(" | ")
                    .append(cell(site.storageUsd()))
                    .append(" | ")
                    .append(cell(site.egressUsd()))
                    .append(" | ")
                    .append(cell(site.buildUsd()))
                    .append(" | ")
                    .append(cell(site.totalUsd()))
                    .append(" |\n");
        }
        md.append(prices(scenario));
        return md.toString();
    }

    /** Returns the prices the scenario gives, one bullet each, for the report. */
    private static String prices(Scenario scenario) {
        CostInputs in = scenario.run().costs();
        StringBuilder md =
                new StringBuilder("\nPrices used (US$; a GB is 10^9 bytes, a month 1/12 of 365.2425 days):\n\n");
        for (DataCenter dc : scenario.topology().sites()) {
            Double price = in.storageUsdPerGbMonth().get(dc.id());
            md.append("- `")
                    .append(dc.id())
                    .append("`: storage ")
                    .append(price == null ? NOT_MODELLED : String.format(Locale.ROOT, "%s per GB-month", plain(price)));
            Double build = in.buildUsdBySite().get(dc.id());
            if (build != null) {
                md.append(String.format(Locale.ROOT, ", build %,.0f", build));
            }
            md.append('\n');
        }
        in.staffUsdPerMonth().ifPresent(v -> md.append(String.format(Locale.ROOT, "- staff: %,.0f per month%n", v)));
        in.oneOffUsd().ifPresent(v -> md.append(String.format(Locale.ROOT, "- one-off: %,.0f%n", v)));
        return md.toString();
    }

    private static String why(CostKind kind) {
        return switch (kind) {
            case STORAGE -> "no storage price";
            case EGRESS -> "no link has an egress price";
            case BUILD -> "no build cost";
            case STAFF -> "no staff cost";
            case ONE_OFF -> "no one-off cost";
        };
    }

    private static String usd(Estimate e) {
        return "US$ " + Formats.number(e, 0);
    }

    /** Returns the mean of {@code e} as "US$ 1,234", or "not modelled" when the scenario gives no price. */
    static String meanUsd(Estimate e) {
        return e.n() == 0 ? NOT_MODELLED : String.format(Locale.ROOT, "US$ %,.0f", e.mean());
    }

    /** Returns the mean of {@code e} for a CSV cell: empty when the scenario gives no price. */
    static String meanUsdCell(Estimate e) {
        return e.n() == 0 ? "" : String.format(Locale.ROOT, "%.2f", e.mean());
    }

    private static String cell(Estimate e) {
        return e.n() == 0 ? NOT_MODELLED : Formats.number(e, 0);
    }

    private static String plain(double v) {
        return String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /**
     * Returns {@code costs.csv}. Columns: replication, scope ({@code site} or {@code kind}), name (site
     * id or kind), held GB-months (sites only), then US dollars for storage, egress, build (sites) or
     * the kind's amount (kinds), empty where not modelled.
     */
    static String csv(List<RunResult> results) {
        StringBuilder csv =
                new StringBuilder("replication,scope,name,held_gb_months,storage_usd,egress_usd,build_usd,total_usd\n");
        for (RunResult r : results) {
            RunCosts c = r.costs();
            for (SiteCost s : c.sites()) {
                csv.append(r.replication())
                        .append(",site,")
                        .append(s.site())
                        .append(',')
                        .append(csvNumber(s.heldByteSeconds() / CostInputs.GB_BYTES / CostInputs.MONTH_SECONDS))
                        .append(',')
                        .append(csvNumber(s.storageUsd()))
                        .append(',')
                        .append(csvNumber(s.egressUsd()))
                        .append(',')
                        .append(csvNumber(s.buildUsd()))
                        .append(',')
                        .append(csvNumber(s.totalUsd()))
                        .append('\n');
            }
            for (CostKind kind : CostKind.values()) {
                csv.append(r.replication())
                        .append(",kind,")
                        .append(kind.label())
                        .append(",,,,,")
                        .append(csvNumber(c.usd(kind)))
                        .append('\n');
            }
            csv.append(r.replication())
                    .append(",kind,all,,,,,")
                    .append(csvNumber(c.totalUsd()))
                    .append('\n');
        }
        return csv.toString();
    }

    private static String csvNumber(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * Writes the {@code costs} object of {@code summary.json}: {@code totalUsd}, {@code months}, {@code
     * byKind} (each kind's estimate, or {@code null} if not modelled) and {@code sites}.
     */
    static void json(ObjectNode costs, CostSummary summary, BiConsumer<ObjectNode, Estimate> estimate) {
        estimateOrNull(costs, "totalUsd", summary.totalUsd(), estimate);
        estimate.accept(costs.putObject("months"), summary.months());
        ObjectNode kinds = costs.putObject("byKind");
        for (CostKind kind : CostKind.values()) {
            estimateOrNull(kinds, kind.label(), summary.byKind().get(kind), estimate);
        }
        ArrayNode sites = costs.putArray("sites");
        for (CostSummary.Site s : summary.sites()) {
            ObjectNode o = sites.addObject();
            o.put("site", s.site());
            estimate.accept(o.putObject("heldGbMonths"), s.gbMonths());
            estimateOrNull(o, "storageUsd", s.storageUsd(), estimate);
            estimateOrNull(o, "egressUsd", s.egressUsd(), estimate);
            estimateOrNull(o, "buildUsd", s.buildUsd(), estimate);
            estimateOrNull(o, "totalUsd", s.totalUsd(), estimate);
        }
    }

    private static void estimateOrNull(
            ObjectNode parent, String name, Estimate e, BiConsumer<ObjectNode, Estimate> estimate) {
        if (e.n() == 0) {
            parent.putNull(name);
        } else {
            estimate.accept(parent.putObject(name), e);
        }
    }
}
