package dev.residency.audit;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.primitives.ImmutableIntArray;
import dev.residency.data.Category;
import dev.residency.data.RecordGroups;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.policy.Action;
import dev.residency.policy.PolicyIndex;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Audits a record store against a residency policy. It works per group of records that share home
 * jurisdiction, category, replica set and legal hold ({@link RecordGroups}), so its cost is one pass
 * over the store plus work proportional to the number of groups. Stateless and thread-safe.
 */
public final class ComplianceAudit {

    private ComplianceAudit() {}

    /** Audits {@code store} against {@code policy}. */
    public static AuditReport run(RecordStore store, ResidencyPolicy policy) {
        checkNotNull(store, "store");
        return run(RecordGroups.of(store), PolicyIndex.of(policy, store));
    }

    /**
     * Audits already-aggregated {@code groups} against a resolved policy.
     *
     * @throws IllegalArgumentException if the policy was resolved against another store
     */
    public static AuditReport run(RecordGroups groups, PolicyIndex index) {
        checkNotNull(groups, "groups");
        checkNotNull(index, "index");
        RecordStore store = groups.store();
        checkArgument(index.store() == store, "the policy index was resolved against another store");
        Topology topology = store.topology();
        Tally total = Tally.ZERO;
        Tally violating = Tally.ZERO;
        Tally excepted = Tally.ZERO;
        Map<Jurisdiction, Tally> byJurisdiction = new TreeMap<>();
        Map<String, Tally> byCategory = new TreeMap<>();
        Map<String, Tally> byDataCenter = new TreeMap<>();
        Map<CellKey, Tally> cells = new TreeMap<>();
        Map<BlockKey, Tally> blocked = new TreeMap<>();
        for (int g = 0; g < groups.count(); g++) {
            int h = groups.home(g);
            int c = groups.category(g);
            long records = groups.records(g);
            long bytes = groups.bytes(g);
            total = total.plus(records, bytes);
            int rule = index.ruleOf(h, c);
            if (rule == PolicyIndex.NO_RULE) {
                continue;
            }
            Action action = index.actionOf(h, c);
            if (action == Action.EXEMPT) {
                if (index.rule(rule).action() != Action.EXEMPT) {
                    excepted = excepted.plus(records, bytes);
                }
                continue;
            }
            if (!index.violates(h, c, groups.replicaSet(g))) {
                continue;
            }
            Jurisdiction home = store.jurisdictions().get(h);
            Category category = store.categories().get(c);
            Tally tally = new Tally(records, bytes);
            violating = violating.plus(tally);
            byJurisdiction.merge(home, tally, Tally::plus);
            byCategory.merge(category.name(), tally, Tally::plus);
            ImmutableIntArray sites = store.replicaSets().sites(groups.replicaSet(g));
            for (int i = 0; i < sites.length(); i++) {
                int site = sites.get(i);
                if (!index.allows(rule, site)) {
                    String id = topology.site(site).id();
                    byDataCenter.merge(id, tally, Tally::plus);
                    cells.merge(new CellKey(home, category.name(), id), tally, Tally::plus);
                }
            }
            blockReason(groups.legalHold(g), category, action)
                    .ifPresent(reason -> blocked.merge(
                            new BlockKey(index.rule(rule).name(), reason, home, category.name()), tally, Tally::plus));
        }
        List<AuditCell> cellList = new ArrayList<>();
        cells.forEach((k, v) -> cellList.add(new AuditCell(k.home, k.category, k.dataCenter, v)));
        List<Blocked> blockedList = new ArrayList<>();
        blocked.forEach((k, v) -> blockedList.add(new Blocked(k.rule, k.reason, k.home, k.category, v)));
        return new AuditReport(
                index.policy().name(),
                total,
                violating,
                excepted,
                com.google.common.collect.ImmutableSortedMap.copyOf(byJurisdiction),
                com.google.common.collect.ImmutableSortedMap.copyOf(byCategory),
                com.google.common.collect.ImmutableSortedMap.copyOf(byDataCenter),
                com.google.common.collect.ImmutableList.copyOf(cellList),
                com.google.common.collect.ImmutableList.copyOf(blockedList));
    }

    /**
     * Returns why a violating record can be neither moved nor deleted, if it cannot: a legal hold
     * forbids deleting any copy, so even a moved record keeps its violating copy; a category that is
     * undeletable stays where it is when it cannot move or its rule forbids moving.
     */
    public static Optional<BlockReason> blockReason(boolean legalHold, Category category, Action action) {
        if (legalHold) {
            return Optional.of(BlockReason.LEGAL_HOLD);
        }
        if (!category.deletable() && (!category.movable() || action == Action.DELETE)) {
            return Optional.of(BlockReason.UNMOVABLE_UNDELETABLE);
        }
        return Optional.empty();
    }

    private record CellKey(Jurisdiction home, String category, String dataCenter) implements Comparable<CellKey> {
        private static final Comparator<CellKey> ORDER = Comparator.comparing(CellKey::home)
                .thenComparing(CellKey::category)
                .thenComparing(CellKey::dataCenter);

        @Override
        public int compareTo(CellKey other) {
            return ORDER.compare(this, other);
        }
    }

    private record BlockKey(String rule, BlockReason reason, Jurisdiction home, String category)
            implements Comparable<BlockKey> {
        private static final Comparator<BlockKey> ORDER = Comparator.comparing(BlockKey::rule)
                .thenComparing(BlockKey::reason)
                .thenComparing(BlockKey::home)
                .thenComparing(BlockKey::category);

        @Override
        public int compareTo(BlockKey other) {
            return ORDER.compare(this, other);
        }
    }
}
