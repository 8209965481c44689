package dev.residency.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSortedSet;
import dev.residency.data.Category;
import dev.residency.data.RecordGroups;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.policy.Action;
import dev.residency.policy.PolicyIndex;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import dev.residency.units.DataSize;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ComplianceAudit} on hand-built stores whose answer is worked out by hand: a compliant
 * placement audits empty; a violating record counts once in the record views and once per violating
 * copy in the copy views; exceptions, unselected records, legal holds and unmovable undeletable data
 * land where the report's Javadoc says.
 */
final class ComplianceAuditTest {

    // Sites: 0 va (US, ByteDance), 1 tx (US, Oracle), 2 sg (SG, ByteDance), 3 ie (IE, Microsoft Azure).
    private static final Topology TOPOLOGY = Topology.builder()
            .site(dc("va", Jurisdiction.US, "ByteDance"))
            .site(dc("tx", Jurisdiction.US, "Oracle"))
            .site(dc("sg", Jurisdiction.SG, "ByteDance"))
            .site(dc("ie", Jurisdiction.IE, "Microsoft Azure"))
            .build();
    private static final int VA = 0;
    private static final int TX = 1;
    private static final int SG = 2;
    private static final int IE = 3;

    private static final ResidencyPolicy US_IN_US = ResidencyPolicy.of(
            "us-in-us", Rule.move("us-data-in-us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US)));

    private static DataCenter dc(String id, Jurisdiction j, String operator) {
        return new DataCenter(
                id, j, operator, DataSize.parse("1 PB"), Bandwidth.parse("100 Gbps"), Bandwidth.parse("100 Gbps"));
    }

    private static RecordStore.Builder store() {
        return RecordStore.builder(TOPOLOGY, 16);
    }

    @Test
    void run_compliantPlacement_auditsEmpty() {
        RecordStore s = store().add(0, Jurisdiction.US, Category.VIDEOS, 100, false, VA, TX)
                .add(1, Jurisdiction.US, Category.PROFILE, 10, true, TX)
                .add(2, Jurisdiction.SG, Category.VIDEOS, 7, false, SG)
                .build();
        AuditReport report = ComplianceAudit.run(s, US_IN_US);

        assertThat(report.isCompliant()).isTrue();
        // 100 + 10 + 7 bytes, all compliant (the SG record is selected by no rule).
        assertThat(report.total()).isEqualTo(new Tally(3, 117));
        assertThat(report.violating()).isEqualTo(Tally.ZERO);
        assertThat(report.excepted()).isEqualTo(Tally.ZERO);
        assertThat(report.byJurisdiction()).isEmpty();
        assertThat(report.byCategory()).isEmpty();
        assertThat(report.byDataCenter()).isEmpty();
        assertThat(report.cells()).isEmpty();
        assertThat(report.blocked()).isEmpty();
        assertThat(report.compliantShare()).isEqualTo(1.0);
        assertThat(report.policy()).isEqualTo("us-in-us");
    }

    @Test
    void run_oneViolatingReplica_countsOncePerDimension() {
        // One US video of 1,000 bytes with copies at va (allowed) and sg (not allowed), beside 3,000
        // compliant bytes.
        RecordStore s = store().add(0, Jurisdiction.US, Category.VIDEOS, 1_000, false, VA, SG)
                .add(1, Jurisdiction.US, Category.VIDEOS, 3_000, false, VA)
                .build();
        AuditReport report = ComplianceAudit.run(s, US_IN_US);

        Tally one = new Tally(1, 1_000);
        assertThat(report.violating()).isEqualTo(one);
        assertThat(report.byJurisdiction()).containsExactly(java.util.Map.entry(Jurisdiction.US, one));
        assertThat(report.byCategory()).containsExactly(java.util.Map.entry("videos", one));
        assertThat(report.byDataCenter()).containsExactly(java.util.Map.entry("sg", one));
        assertThat(report.cells()).containsExactly(new AuditCell(Jurisdiction.US, "videos", "sg", one));
        assertThat(report.blocked()).isEmpty();
        // 1 - 1,000 / 4,000.
        assertThat(report.compliantShare()).isEqualTo(0.75);
    }

    @Test
    void run_twoViolatingCopies_recordOnceButCopyTwice() {
        // A 500-byte US record at sg and ie, nothing at an allowed site.
        RecordStore s = store().add(0, Jurisdiction.US, Category.MESSAGES, 500, false, SG, IE)
                .build();
        AuditReport report = ComplianceAudit.run(s, US_IN_US);

        Tally one = new Tally(1, 500);
        assertThat(report.violating()).isEqualTo(one);
        assertThat(report.byJurisdiction().get(Jurisdiction.US)).isEqualTo(one);
        assertThat(report.byDataCenter()).containsOnlyKeys("ie", "sg");
        assertThat(report.byDataCenter().values()).containsOnly(one);
        // Cells sorted by home, category, then data center id: ie before sg.
        assertThat(report.cells())
                .containsExactly(
                        new AuditCell(Jurisdiction.US, "messages", "ie", one),
                        new AuditCell(Jurisdiction.US, "messages", "sg", one));
        assertThat(report.compliantShare()).isEqualTo(0.0);
    }

    @Test
    void run_operatorConstraint_flagsSameCountryOtherOperator() {
        // Project Texas: in the US and run by Oracle. The va copy (ByteDance) violates, tx does not.
        ResidencyPolicy texas = ResidencyPolicy.of(
                "texas",
                Rule.move(
                        "us-on-oracle",
                        List.of(Jurisdiction.US),
                        SiteConstraint.in(Jurisdiction.US).operatedBy("Oracle")));
        RecordStore s = store().add(0, Jurisdiction.US, Category.PROFILE, 40, false, VA, TX)
                .build();
        AuditReport report = ComplianceAudit.run(s, texas);
        assertThat(report.byDataCenter()).containsOnlyKeys("va");
    }

    @Test
    void run_exceptableCategoryUnderExemptingRule_isExceptedNotViolating() {
        ResidencyPolicy texas = ResidencyPolicy.of(
                "texas",
                Rule.move("us-data-in-us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US))
                        .exemptingExceptable());
        RecordStore s = store().add(0, Jurisdiction.US, Category.PUBLIC_CONTENT, 70, false, SG)
                .add(1, Jurisdiction.US, Category.VIDEOS, 30, false, SG)
                .build();
        AuditReport report = ComplianceAudit.run(s, texas);
        assertThat(report.excepted()).isEqualTo(new Tally(1, 70));
        assertThat(report.violating()).isEqualTo(new Tally(1, 30));
    }

    @Test
    void run_exemptRule_isNeitherExceptedNorViolating() {
        ResidencyPolicy exempt = ResidencyPolicy.of(
                "exempt",
                Rule.move("leave-us-alone", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US))
                        .withAction(Action.EXEMPT));
        RecordStore s =
                store().add(0, Jurisdiction.US, Category.VIDEOS, 30, false, SG).build();
        AuditReport report = ComplianceAudit.run(s, exempt);
        assertThat(report.isCompliant()).isTrue();
        assertThat(report.excepted()).isEqualTo(Tally.ZERO);
    }

    @Test
    void run_legalHoldAndUnmovableUndeletable_areBlockedWithRuleAndReason() {
        Category entangled = new Category("entangled", false, false, false);
        Category stuckIfDeleted = new Category("keepsake", true, false, false);
        ResidencyPolicy policy = ResidencyPolicy.of(
                "p",
                Rule.move("keepsakes-go", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US))
                        .forCategories("keepsake")
                        .withAction(Action.DELETE),
                Rule.move("us-data-in-us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US)));
        RecordStore s = store().add(0, Jurisdiction.US, Category.VIDEOS, 10, true, SG)
                .add(1, Jurisdiction.US, entangled, 20, false, SG)
                .add(2, Jurisdiction.US, stuckIfDeleted, 40, false, SG)
                // Movable but undeletable under a MOVE rule: not blocked (it can be moved).
                .add(3, Jurisdiction.CA, stuckIfDeleted, 80, false, SG)
                // Held but compliant: not blocked, since nothing has to happen to it.
                .add(4, Jurisdiction.US, Category.VIDEOS, 160, true, VA)
                .build();
        ResidencyPolicy withCa = new ResidencyPolicy(
                "p",
                com.google.common.collect.ImmutableList.<Rule>builder()
                        .addAll(policy.rules())
                        .add(new Rule(
                                "ca-in-ca",
                                ImmutableSortedSet.of(Jurisdiction.CA),
                                ImmutableSortedSet.of(),
                                SiteConstraint.in(Jurisdiction.CA),
                                Action.MOVE,
                                1,
                                false))
                        .build(),
                SiteConstraint.ANY,
                com.google.common.collect.ImmutableMap.of());
        AuditReport report = ComplianceAudit.run(s, withCa);

        // Violating: records 0, 1, 2, 3 = 10 + 20 + 40 + 80 bytes.
        assertThat(report.violating()).isEqualTo(new Tally(4, 150));
        assertThat(report.blocked())
                .containsExactly(
                        new Blocked(
                                "keepsakes-go",
                                BlockReason.UNMOVABLE_UNDELETABLE,
                                Jurisdiction.US,
                                "keepsake",
                                new Tally(1, 40)),
                        new Blocked(
                                "us-data-in-us", BlockReason.LEGAL_HOLD, Jurisdiction.US, "videos", new Tally(1, 10)),
                        new Blocked(
                                "us-data-in-us",
                                BlockReason.UNMOVABLE_UNDELETABLE,
                                Jurisdiction.US,
                                "entangled",
                                new Tally(1, 20)));
        assertThat(report.blockedTotal()).isEqualTo(new Tally(3, 70));
    }

    @Test
    void run_viaGroupsWithMapping_sameReport() {
        RecordStore s = store().add(0, Jurisdiction.US, Category.VIDEOS, 1_000, false, VA, SG)
                .add(1, Jurisdiction.SG, Category.VIDEOS, 3_000, false, VA)
                .build();
        AuditReport direct = ComplianceAudit.run(s, US_IN_US);
        AuditReport viaGroups = ComplianceAudit.run(RecordGroups.withRecordMapping(s), PolicyIndex.of(US_IN_US, s));
        assertThat(viaGroups).isEqualTo(direct);
    }

    @Test
    void run_indexOfAnotherStore_isRefused() {
        RecordStore a = store().build();
        RecordStore b = store().build();
        assertThatThrownBy(() -> ComplianceAudit.run(RecordGroups.of(a), PolicyIndex.of(US_IN_US, b)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another store");
    }

    @Test
    void run_emptyStore_isCompliantWithShareOne() {
        AuditReport report = ComplianceAudit.run(store().build(), US_IN_US);
        assertThat(report.total()).isEqualTo(Tally.ZERO);
        assertThat(report.compliantShare()).isEqualTo(1.0);
    }

    @Test
    void run_nullArguments_areRefusedNamingThem() {
        assertThatThrownBy(() -> ComplianceAudit.run(null, US_IN_US))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("store");
        assertThatThrownBy(() -> ComplianceAudit.run(store().build(), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("policy");
    }
}
