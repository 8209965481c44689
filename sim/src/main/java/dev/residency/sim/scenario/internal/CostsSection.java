package dev.residency.sim.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.residency.geo.Jurisdiction;
import dev.residency.sim.scenario.CostInputs;
import dev.residency.topology.DataCenter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads the top-level {@code costs} section: {@code storage} (a price per GB-month as {@code default}
 * and per {@code jurisdictions}, {@code operators} and {@code sites}, the most specific winning),
 * {@code build} (one-off, per site id), {@code staff} (per month) and {@code oneOff}. Every price is
 * written with its currency and unit, such as {@code "0.021 USD/GB-month"}, {@code "2e6 USD/month"} or
 * {@code "5e8 USD"}, so that a bare number cannot be read in the wrong unit; US dollars only.
 */
final class CostsSection {

    private static final String[] KEYS = {"storage", "build", "staff", "oneOff"};
    private static final String[] STORAGE_KEYS = {"default", "jurisdictions", "operators", "sites"};

    private CostsSection() {}

    /** Reads {@code costs} against the fleet; returns {@link CostInputs#NONE} if it is absent. */
    static CostInputs read(Node root, Fleet fleet) {
        Node costs = root.field("costs");
        if (!costs.present() || !costs.mapping(KEYS)) {
            return CostInputs.NONE;
        }
        Map<String, Double> storage = storage(costs.field("storage"), fleet);
        Map<String, Double> build = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : costs.field("build").entries()) {
            if (!fleet.siteIds.contains(e.getKey())) {
                e.getValue().error("\"%s\" is no site of this scenario%s", e.getKey(), hint(e.getKey(), fleet));
                continue;
            }
            e.getValue().as(v -> MoneyText.parse(v, MoneyText.Per.NOTHING)).ifPresent(p -> build.put(e.getKey(), p));
        }
        Optional<Double> staff = costs.optional("staff", v -> MoneyText.parse(v, MoneyText.Per.MONTH));
        Optional<Double> oneOff = costs.optional("oneOff", v -> MoneyText.parse(v, MoneyText.Per.NOTHING));
        return new CostInputs(
                com.google.common.collect.ImmutableMap.copyOf(storage),
                com.google.common.collect.ImmutableMap.copyOf(build),
                staff.map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                oneOff.map(OptionalDouble::of).orElse(OptionalDouble.empty()));
    }

    /** Resolves the storage price of every site: its own, else its operator's, else its jurisdiction's, else the default. */
    private static Map<String, Double> storage(Node n, Fleet fleet) {
        Map<String, Double> bySite = new LinkedHashMap<>();
        if (!n.present() || !n.mapping(STORAGE_KEYS)) {
            return bySite;
        }
        Optional<Double> fallback = n.optional("default", CostsSection::perGbMonth);
        Map<Jurisdiction, Double> byJurisdiction = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : n.field("jurisdictions").entries()) {
            Jurisdiction j;
            try {
                j = Jurisdiction.of(e.getKey());
            } catch (IllegalArgumentException notCode) {
                e.getValue().error("%s", notCode.getMessage());
                continue;
            }
            if (fleet.sites.stream().noneMatch(dc -> dc.jurisdiction().equals(j))) {
                e.getValue().error("no site of this scenario is in %s", j.code());
                continue;
            }
            e.getValue().as(CostsSection::perGbMonth).ifPresent(p -> byJurisdiction.put(j, p));
        }
        Map<String, Double> byOperator = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : n.field("operators").entries()) {
            if (!fleet.operators.contains(e.getKey())) {
                e.getValue()
                        .error(
                                "no site of this scenario is run by operator \"%s\" (operators: %s)",
                                e.getKey(), String.join(", ", fleet.operators));
                continue;
            }
            e.getValue().as(CostsSection::perGbMonth).ifPresent(p -> byOperator.put(e.getKey(), p));
        }
        Map<String, Double> own = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : n.field("sites").entries()) {
            if (!fleet.siteIds.contains(e.getKey())) {
                e.getValue().error("\"%s\" is no site of this scenario%s", e.getKey(), hint(e.getKey(), fleet));
                continue;
            }
            e.getValue().as(CostsSection::perGbMonth).ifPresent(p -> own.put(e.getKey(), p));
        }
        for (DataCenter dc : fleet.sites) {
            Double price = own.get(dc.id());
            if (price == null) {
                price = byOperator.get(dc.operator());
            }
            if (price == null) {
                price = byJurisdiction.get(dc.jurisdiction());
            }
            if (price == null) {
                price = fallback.orElse(null);
            }
            if (price != null) {
                bySite.put(dc.id(), price);
            }
        }
        return bySite;
    }

    private static double perGbMonth(JsonNode v) {
        return MoneyText.parse(v, MoneyText.Per.GB_MONTH);
    }

    private static String hint(String id, Fleet fleet) {
        String hint = DidYouMean.hint(id, fleet.siteIds);
        return hint.isEmpty() ? " (sites: " + String.join(", ", fleet.siteIds) + ")" : hint;
    }
}
