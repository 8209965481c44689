package dev.residency.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.primitives.ImmutableIntArray;
import dev.residency.data.Category;
import dev.residency.data.RecordGroups;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.policy.Action;
import dev.residency.policy.PolicyIndex;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.testing.RandomInstances;
import dev.residency.testing.RandomInstances.Instance;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ComplianceAudit}, which works per group of records, gives exactly the report of a naive
 * audit written here from the policy's documented semantics that looks at one record at a time
 * (first selecting rule governs; an exceptable category under an exempting rule is excepted; a copy
 * violates at a site the rule's constraint does not allow; a violating record is blocked under legal
 * hold, or if its category is undeletable and unmovable or its action is delete). And on every
 * random instance the bytes add up across every breakdown.
 */
final class ComplianceAuditPropertyTest {

    private static final int SEEDS = 300;

    static LongStream seeds() {
        return RandomInstances.seeds(SEEDS);
    }

    private record CellKey(Jurisdiction home, String category, String dataCenter) {}

    private record BlockKey(String rule, BlockReason reason, Jurisdiction home, String category) {}

    /** The naive per-record audit's results, in plain maps. */
    private static final class Naive {
        Tally total = Tally.ZERO;
        Tally violating = Tally.ZERO;
        Tally excepted = Tally.ZERO;
        final Map<Jurisdiction, Tally> byJurisdiction = new TreeMap<>();
        final Map<String, Tally> byCategory = new TreeMap<>();
        final Map<String, Tally> byDataCenter = new TreeMap<>();
        final Map<CellKey, Tally> cells = new java.util.HashMap<>();
        final Map<BlockKey, Tally> blocked = new java.util.HashMap<>();
    }

    private static Naive naiveAudit(RecordStore store, ResidencyPolicy policy) {
        Topology topology = store.topology();
        Naive out = new Naive();
        for (int i = 0; i < store.size(); i++) {
            Jurisdiction home = store.jurisdictions().get(store.homeIndex(i));
            Category category = store.categories().get(store.categoryIndex(i));
            Tally one = new Tally(1, store.bytes(i));
            out.total = out.total.plus(one);
            Rule rule = null;
            for (Rule r : policy.rules()) {
                boolean homeOk = r.homes().isEmpty() || r.homes().contains(home);
                boolean categoryOk = r.categories().isEmpty() || r.categories().contains(category.name());
                if (homeOk && categoryOk) {
                    rule = r;
                    break;
                }
            }
            if (rule == null || rule.action() == Action.EXEMPT) {
                continue;
            }
            if (rule.exemptExceptable() && category.exceptable()) {
                out.excepted = out.excepted.plus(one);
                continue;
            }
            ImmutableIntArray sites = store.replicaSets().sites(store.replicaSet(i));
            boolean violates = false;
            for (int k = 0; k < sites.length(); k++) {
                DataCenter dc = topology.site(sites.get(k));
                boolean jurisdictionOk = rule.allowed().jurisdictions().isEmpty()
                        || rule.allowed().jurisdictions().contains(dc.jurisdiction());
                boolean operatorOk = rule.allowed().operators().isEmpty()
                        || rule.allowed().operators().contains(dc.operator());
                if (!(jurisdictionOk && operatorOk)) {
                    violates = true;
                    out.byDataCenter.merge(dc.id(), one, Tally::plus);
                    out.cells.merge(new CellKey(home, category.name(), dc.id()), one, Tally::plus);
                }
            }
            if (!violates) {
                continue;
            }
            out.violating = out.violating.plus(one);
            out.byJurisdiction.merge(home, one, Tally::plus);
            out.byCategory.merge(category.name(), one, Tally::plus);
            BlockReason reason = null;
            if (store.legalHold(i)) {
                reason = BlockReason.LEGAL_HOLD;
            } else if (!category.deletable() && (!category.movable() || rule.action() == Action.DELETE)) {
                reason = BlockReason.UNMOVABLE_UNDELETABLE;
            }
            if (reason != null) {
                out.blocked.merge(new BlockKey(rule.name(), reason, home, category.name()), one, Tally::plus);
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void run_randomInstance_equalsNaivePerRecordAudit(long seed) {
        Instance in = RandomInstances.instance(seed);
        AuditReport report = ComplianceAudit.run(in.store(), in.policy());
        Naive naive = naiveAudit(in.store(), in.policy());
        String s = "seed " + seed;

        assertThat(report.total()).as(s).isEqualTo(naive.total);
        assertThat(report.violating()).as(s).isEqualTo(naive.violating);
        assertThat(report.excepted()).as(s).isEqualTo(naive.excepted);
        assertThat(report.byJurisdiction()).as(s).isEqualTo(naive.byJurisdiction);
        assertThat(report.byCategory()).as(s).isEqualTo(naive.byCategory);
        assertThat(report.byDataCenter()).as(s).isEqualTo(naive.byDataCenter);
        Map<CellKey, Tally> cells = new java.util.HashMap<>();
        for (AuditCell c : report.cells()) {
            assertThat(cells.put(new CellKey(c.home(), c.category(), c.dataCenter()), c.copies()))
                    .as(s + ": cell listed once")
                    .isNull();
        }
        assertThat(cells).as(s).isEqualTo(naive.cells);
        Map<BlockKey, Tally> blocked = new java.util.HashMap<>();
        for (Blocked b : report.blocked()) {
            assertThat(blocked.put(new BlockKey(b.rule(), b.reason(), b.home(), b.category()), b.tally()))
                    .as(s + ": blocked entry listed once")
                    .isNull();
        }
        assertThat(blocked).as(s).isEqualTo(naive.blocked);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void run_randomInstance_bytesAddUpAcrossEveryBreakdown(long seed) {
        Instance in = RandomInstances.instance(seed);
        RecordStore store = in.store();
        AuditReport report = ComplianceAudit.run(store, in.policy());
        String s = "seed " + seed;

        assertThat(report.total()).as(s).isEqualTo(new Tally(store.size(), store.totalBytes()));
        assertThat(sum(report.byJurisdiction().values()))
                .as(s + " by jurisdiction")
                .isEqualTo(report.violating());
        assertThat(sum(report.byCategory().values())).as(s + " by category").isEqualTo(report.violating());
        List<Tally> cellTallies = report.cells().stream().map(AuditCell::copies).toList();
        assertThat(sum(report.byDataCenter().values()))
                .as(s + " by data center")
                .isEqualTo(sum(cellTallies));
        for (Map.Entry<String, Tally> dc : report.byDataCenter().entrySet()) {
            assertThat(sum(report.cells().stream()
                            .filter(c -> c.dataCenter().equals(dc.getKey()))
                            .map(AuditCell::copies)
                            .toList()))
                    .as(s + " cells of " + dc.getKey())
                    .isEqualTo(dc.getValue());
        }
        for (Map.Entry<Jurisdiction, Tally> j : report.byJurisdiction().entrySet()) {
            // Each violating record has between 1 and (sites) violating copies.
            Tally copies = sum(report.cells().stream()
                    .filter(c -> c.home().equals(j.getKey()))
                    .map(AuditCell::copies)
                    .toList());
            assertThat(copies.records())
                    .as(s + " copies of " + j.getKey())
                    .isBetween(
                            j.getValue().records(),
                            j.getValue().records() * in.topology().siteCount());
        }
        assertThat(report.violating().bytes() + report.excepted().bytes())
                .as(s)
                .isLessThanOrEqualTo(report.total().bytes());
        Tally blocked = report.blockedTotal();
        assertThat(blocked.records())
                .as(s)
                .isLessThanOrEqualTo(report.violating().records());
        assertThat(blocked.bytes()).as(s).isLessThanOrEqualTo(report.violating().bytes());
        assertThat(report.compliantShare()).as(s).isBetween(0.0, 1.0);
        assertThat(report.isCompliant()).as(s).isEqualTo(report.violating().records() == 0);

        AuditReport viaMapping =
                ComplianceAudit.run(RecordGroups.withRecordMapping(store), PolicyIndex.of(in.policy(), store));
        assertThat(viaMapping).as(s).isEqualTo(report);
    }

    private static Tally sum(java.util.Collection<Tally> tallies) {
        return tallies.stream().reduce(Tally.ZERO, Tally::plus);
    }
}
