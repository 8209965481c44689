package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.residency.audit.BlockReason;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.BlockedGroup;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.topology.Topology;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plan's blocked groups and what still violates at the deadline ({@code PlanAssembler}): records that
 * may neither move nor be deleted (legal hold) grouped by rule, reason, home and category in that key
 * order, and counted as violating at a deadline when there is one. Worked by hand on six records in sg,
 * five of them under legal hold; US data must be in us, Canadian data in ca.
 */
final class BlockedGroupsTest {

    private static MigrationPlan plan(PlanOptions options) {
        Topology topology = Topology.of(
                List.of(site("sg", "SG", 1L << 40), site("us", "US", 1L << 40), site("ca", "CA", 1L << 40)),
                List.of(link("sg", "us", 1_000, 0.0), link("sg", "ca", 1_000, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 7);
        store.add(0, Jurisdiction.US, Category.VIDEOS, 100, true, 0);
        store.add(1, Jurisdiction.CA, Category.PROFILE, 200, true, 0);
        store.add(2, Jurisdiction.US, Category.PROFILE, 400, true, 0);
        store.add(3, Jurisdiction.US, Category.VIDEOS, 800, true, 0);
        store.add(4, Jurisdiction.CA, Category.VIDEOS, 1_600, true, 0);
        store.add(5, Jurisdiction.US, Category.VIDEOS, 3_200, false, 0);
        ResidencyPolicy policy = ResidencyPolicy.of(
                "two",
                Rule.move("us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US)),
                Rule.move("ca", List.of(Jurisdiction.CA), SiteConstraint.in(Jurisdiction.CA)));
        return new FlowPlanner()
                .plan(PlanningProblem.builder()
                        .store(store.build())
                        .policy(policy)
                        .options(options)
                        .build());
    }

    @Test
    void blocked_perRuleReasonHomeAndCategory_inKeyOrder() {
        // Five records under legal hold: US videos 100 + 800 B, CA profile 200 B, US profile 400 B, CA videos
        // 1,600 B. Groups by (rule, reason, home, category), in that order of the key: ca/profile,
        // ca/videos, us/profile, us/videos (records 0 and 3 together, 900 B).
        MigrationPlan plan = plan(PlanOptions.builder().build());

        assertThat(plan.blocked())
                .extracting(BlockedGroup::rule, BlockedGroup::home, BlockedGroup::category, BlockedGroup::bytes)
                .containsExactly(
                        tuple("ca", Jurisdiction.CA, "profile", 200L),
                        tuple("ca", Jurisdiction.CA, "videos", 1_600L),
                        tuple("us", Jurisdiction.US, "profile", 400L),
                        tuple("us", Jurisdiction.US, "videos", 900L));
        assertThat(plan.blocked()).allSatisfy(g -> assertThat(g.reason()).isEqualTo(BlockReason.LEGAL_HOLD));
        assertThat(plan.blocked().get(3).records().asList()).containsExactly(0, 3);
    }

    @Test
    void violatingAtDeadline_countsBlockedBytesOnlyWithADeadline() {
        // With a deadline of an hour, the one movable record (3,200 B at 1,000 B/s) is done long before it,
        // and the 3,100 B blocked still violate then. Without a deadline nothing is counted.
        assertThat(plan(PlanOptions.builder().deadline(Duration.ofHours(1)).build())
                        .violatingBytesAtDeadline())
                .isEqualTo(3_100);
        assertThat(plan(PlanOptions.builder().build()).violatingBytesAtDeadline())
                .isZero();
    }
}
