package dev.residency.sim.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import dev.residency.data.Category;
import dev.residency.geo.Jurisdiction;
import dev.residency.geo.JurisdictionSet;
import dev.residency.policy.Action;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads the {@code policy} section into a {@link ResidencyPolicy}. */
final class PolicySection {

    private static final String[] KEYS = {"name", "rules", "transit", "keepPriority", "staging"};
    private static final String[] RULE_KEYS = {
        "name", "homes", "categories", "allowed", "action", "minCompliantReplicas", "exemptExceptable"
    };
    private static final String[] CONSTRAINT_KEYS = {"jurisdictions", "operators"};

    private PolicySection() {}

    /**
     * Reads {@code policy}; empty if it is missing or has errors (reported). Its {@code staging} sites must
     * be sites of {@code fleet} where some data may pass through ({@link #staging}).
     */
    static Optional<ResidencyPolicy> read(
            Node root, Map<String, Category> categories, String scenarioName, Fleet fleet) {
        Node p = root.field("policy");
        if (!p.requiredMapping(KEYS)) {
            return Optional.empty();
        }
        int before = p.errors().count();
        String name = p.orDefault("name", Scalars::nonBlank, scenarioName);
        List<Rule> rules = new ArrayList<>();
        Map<String, Integer> ruleIndex = new HashMap<>();
        Node rulesNode = p.field("rules");
        if (!rulesNode.present()) {
            rulesNode.error("required field is missing");
        } else if (rulesNode.json().isArray() && rulesNode.json().isEmpty()) {
            rulesNode.error("must list at least one rule");
        }
        ImmutableList<Node> ruleNodes = rulesNode.elements();
        for (int i = 0; i < ruleNodes.size(); i++) {
            Node n = ruleNodes.get(i);
            if (!n.mapping(RULE_KEYS)) {
                continue;
            }
            Optional<String> ruleName = n.required("name", Scalars::nonBlank);
            if (ruleName.isPresent() && ruleIndex.putIfAbsent(ruleName.get(), i) != null) {
                n.field("name")
                        .error(
                                "duplicate rule name \"%s\" (first at policy.rules[%d])",
                                ruleName.get(), ruleIndex.get(ruleName.get()));
            }
            ImmutableSortedSet<Jurisdiction> homes = jurisdictions(n.field("homes"));
            Set<String> ruleCategories = new TreeSet<>();
            for (Node c : n.field("categories").elements()) {
                c.as(PopulationSection.categoryRef(categories)).ifPresent(ruleCategories::add);
            }
            Optional<SiteConstraint> allowed = Optional.empty();
            if (!n.field("allowed").present()) {
                n.field("allowed").error("required field is missing");
            } else {
                allowed = constraint(n.field("allowed"), true);
            }
            Action action = n.orDefault("action", v -> Scalars.enumValue(v, Action.class), Action.MOVE);
            int replicas = n.orDefault("minCompliantReplicas", Scalars::positiveInt, 1);
            boolean exempt = n.orDefault("exemptExceptable", Scalars::bool, false);
            if (ruleName.isPresent() && allowed.isPresent()) {
                rules.add(new Rule(
                        ruleName.get(),
                        homes,
                        ImmutableSortedSet.copyOf(ruleCategories),
                        allowed.get(),
                        action,
                        replicas,
                        exempt));
            }
        }
        SiteConstraint transit = p.field("transit").present()
                ? constraint(p.field("transit"), false).orElse(SiteConstraint.ANY)
                : SiteConstraint.ANY;
        Map<String, Integer> keep = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : p.field("keepPriority").entries()) {
            if (!categories.containsKey(e.getKey())) {
                e.getValue()
                        .error(
                                "\"%s\" is not a category%s",
                                e.getKey(), DidYouMean.hint(e.getKey(), categories.keySet()));
                continue;
            }
            e.getValue()
                    .as(v -> {
                        long n = Scalars.wholeNumber(v);
                        if (Math.abs(n) > 1_000_000) {
                            throw new IllegalArgumentException(
                                    Scalars.describe(v) + " must be between -1000000 and 1000000");
                        }
                        return (int) n;
                    })
                    .ifPresent(priority -> keep.put(e.getKey(), priority));
        }
        List<String> staging = staging(p.field("staging"), fleet, transit, rules);
        if (p.errors().count() != before) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new ResidencyPolicy(name, ImmutableList.copyOf(rules), transit, ImmutableMap.copyOf(keep))
                            .withStaging(staging));
        } catch (IllegalArgumentException e) {
            p.error("%s", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Reads {@code policy.staging}, the ids of the sites where data passing through may wait between
     * links (holdover): each a declared site, listed once, and usable for transit by some data, that is
     * allowed by {@code policy.transit} or by some rule's {@code allowed} (a staging copy is only made
     * where the data may pass through: elsewhere the entry could never be used, and is refused).
     */
    private static List<String> staging(Node list, Fleet fleet, SiteConstraint transit, List<Rule> rules) {
        List<String> ids = new ArrayList<>();
        for (Node item : list.elements()) {
            Optional<String> id = item.as(fleet.siteRef());
            if (id.isEmpty()) {
                continue;
            }
            if (ids.contains(id.get())) {
                item.error("site \"%s\" is listed twice", id.get());
                continue;
            }
            ids.add(id.get());
            if (fleet.topology.isPresent()) {
                var topology = fleet.topology.get();
                var site = topology.site(topology.siteIndex(id.get()));
                boolean usable = transit.allows(site)
                        || rules.stream().anyMatch(r -> r.allowed().allows(site));
                if (!usable) {
                    item.error(
                            "site \"%s\" may hold no data in transit: policy.transit (%s) does not include it and no"
                                    + " rule allows copies there",
                            id.get(), transit);
                }
            }
        }
        return ids;
    }

    /** Reads a list of jurisdiction codes or named sets ({@code carve-out}, {@code eea}, {@code eu-efta}). */
    static ImmutableSortedSet<Jurisdiction> jurisdictions(Node list) {
        TreeSet<Jurisdiction> out = new TreeSet<>();
        for (Node item : list.elements()) {
            item.as(PolicySection::jurisdictionOrSet).ifPresent(out::addAll);
        }
        return ImmutableSortedSet.copyOf(out);
    }

    private static ImmutableSortedSet<Jurisdiction> jurisdictionOrSet(JsonNode v) {
        if (v.isTextual()) {
            Optional<JurisdictionSet> set = JurisdictionSet.named(v.textValue().strip());
            if (set.isPresent()) {
                return set.get().members();
            }
        }
        try {
            return ImmutableSortedSet.of(Scalars.jurisdiction(v));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Scalars.describe(v)
                    + " is neither an ISO 3166-1 alpha-2 country code (such as US, SG, IN) nor a named set ("
                    + String.join(", ", JurisdictionSet.builtInNames()) + ")");
        }
    }

    private static Optional<SiteConstraint> constraint(Node n, boolean needSomething) {
        if (!n.mapping(CONSTRAINT_KEYS)) {
            return Optional.empty();
        }
        int before = n.errors().count();
        ImmutableSortedSet<Jurisdiction> jurisdictions = jurisdictions(n.field("jurisdictions"));
        List<String> operators = new ArrayList<>();
        for (Node item : n.field("operators").elements()) {
            item.as(Scalars::nonBlank).ifPresent(operators::add);
        }
        if (n.errors().count() != before) {
            return Optional.empty();
        }
        if (needSomething && jurisdictions.isEmpty() && operators.isEmpty()) {
            n.error("must give jurisdictions or operators (a rule that allows every site never violates)");
            return Optional.empty();
        }
        return Optional.of(new SiteConstraint(jurisdictions, ImmutableSortedSet.copyOf(operators)));
    }
}
