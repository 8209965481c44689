package dev.residency.sim.scenario.internal;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.policy.Action;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.sim.scenario.PopulationSource;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Topology;
import dev.residency.units.DataSize;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Checks that need several sections at once: the policy against the fleet, the population against the heap. */
final class ScenarioChecks {

    /**
     * Estimated heap per synthetic record: about 19 bytes in the columnar {@link RecordStore} plus the
     * simulation's per-record state (batch membership, progress) and array growth slack.
     */
    static final long HEAP_BYTES_PER_RECORD = 40;
    /** The share of the JVM's maximum heap a population may take, leaving the rest to planning and the run. */
    static final double HEAP_SHARE = 0.5;

    private ScenarioChecks() {}

    /**
     * Reports each (rule, home jurisdiction) whose records the rule must move but whose allowed places
     * match no site of the fleet, so that the migration could only delete them.
     */
    static void policyAllowsSomeSite(
            Node root,
            ResidencyPolicy policy,
            Topology topology,
            Set<Jurisdiction> homes,
            Map<String, Category> categories,
            Set<String> populationCategories) {
        for (int r = 0; r < policy.rules().size(); r++) {
            Rule rule = policy.rules().get(r);
            boolean anySite = topology.sites().stream().anyMatch(rule.allowed()::allows);
            if (anySite) {
                continue;
            }
            Set<Jurisdiction> stranded = new TreeSet<>();
            for (Jurisdiction home : homes) {
                for (String name : populationCategories) {
                    Category category = categories.get(name);
                    if (category != null
                            && policy.ruleFor(home, category)
                                    .filter(rule::equals)
                                    .isPresent()
                            && rule.actionFor(category) == Action.MOVE) {
                        stranded.add(home);
                    }
                }
            }
            if (!stranded.isEmpty()) {
                Set<String> known =
                        topology.sites().stream().map(DataCenter::operator).collect(Collectors.toSet());
                String operators = rule.allowed().operators().stream()
                        .filter(op -> !known.contains(op))
                        .map(op -> "operator \"" + op + "\" runs no site" + DidYouMean.hint(op, known))
                        .collect(Collectors.joining("; "));
                root.errors()
                        .add(
                                "policy.rules[" + r + "].allowed",
                                "rule \"%s\" allows no site (%s) for users of %s%s",
                                rule.name(),
                                rule.allowed(),
                                stranded.stream().map(Jurisdiction::code).collect(Collectors.joining(", ")),
                                operators.isEmpty() ? "" : "; " + operators);
            }
        }
    }

    /**
     * Reports a population whose synthetic records would not fit in this JVM's heap, estimated before
     * building it, with the scale that would make it fit.
     */
    static void populationFitsHeap(Node root, PopulationSource source, int scale, long maxHeapBytes) {
        double records = source.expectedRecords();
        double need = records * HEAP_BYTES_PER_RECORD;
        double budget = maxHeapBytes * HEAP_SHARE;
        String where = source instanceof PopulationSource.Generated ? "population.users" : "population";
        if (records >= Integer.MAX_VALUE * 0.95) {
            root.errors()
                    .add(
                            where,
                            "about %s synthetic records at scale %d are more than one record store holds"
                                    + " (%s); raise population.scale to at least %d",
                            count(records),
                            scale,
                            count(Integer.MAX_VALUE),
                            (long) Math.ceil(scale * records / (Integer.MAX_VALUE * 0.9)));
        } else if (need > budget) {
            root.errors()
                    .add(
                            where,
                            "about %s synthetic records at scale %d need about %s of heap, more than the %s"
                                    + " available (half of -Xmx %s); raise population.scale to at least %d",
                            count(records),
                            scale,
                            DataSize.format(need),
                            DataSize.format(budget),
                            DataSize.format(maxHeapBytes),
                            (long) Math.ceil(scale * need / budget));
        }
    }

    private static String count(double n) {
        return String.format(Locale.ROOT, "%,d", (long) n);
    }
}
