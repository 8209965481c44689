package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.keepIn;
import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableMap;
import dev.residency.audit.BlockReason;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.Classification;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.LinkWindow;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.Planners;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.RecordClass;
import dev.residency.plan.verify.PlanVerifier;
import dev.residency.plan.verify.VerificationResult;
import dev.residency.policy.Action;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.topology.Topology;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The flow planner's decisions on small hand-made cases: each class and deletion reason, keep
 * priority under storage and deadline limits, and time-varying capacities (a late site, a regulator's
 * approval, a maintenance window). Every plan also passes the verifier.
 */
final class FlowPlannerTest {

    private static final double RATE = 1e8;
    private static final long GB = 1_000_000_000L;

    private static Topology twoSites(long usStorage) {
        return Topology.of(
                List.of(site("sg", "SG", 1L << 50), site("us", "US", usStorage)),
                List.of(link("sg", "us", RATE, 0.02)));
    }

    private static MigrationPlan planAndVerify(PlanningProblem problem) {
        MigrationPlan plan = new FlowPlanner().plan(problem);
        VerificationResult result = PlanVerifier.verify(plan, problem);
        assertThat(result.isValid()).as("%s", result).isTrue();
        return plan;
    }

    private static PlanningProblem videosAndLogs(Topology topology, PlanOptions options) {
        RecordStore.Builder store = RecordStore.builder(topology, 100);
        for (int i = 0; i < 100; i++) {
            store.add(i, Jurisdiction.US, i % 2 == 0 ? Category.VIDEOS : Category.LOGS, GB, false, 0);
        }
        return PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US).withKeepPriority(ImmutableMap.of("videos", 10)))
                .options(options)
                .build();
    }

    @Test
    void plan_destinationFull_deletesLowPriorityWithStorageReason() {
        // 100 GB must go but the US site has room for 60 GB: all 50 GB of videos move, 10 GB of logs
        // move, 40 GB of logs are deleted for NO_STORAGE. The 1 TB target makes each stream one batch,
        // which first waits for the link's 10 ms of latency: 600 s + 0.01 s.
        PlanningProblem problem = videosAndLogs(twoSites(60 * GB), PlanOptions.defaults());

        MigrationPlan plan = planAndVerify(problem);

        assertThat(plan.classification().deleted(DeletionReason.NO_STORAGE).bytes())
                .isEqualTo(40 * GB);
        assertThat(plan.bytesToMove()).isEqualTo(60 * GB);
        long videosMoved = plan.batches().stream()
                .flatMapToInt(b -> b.records().stream())
                .filter(i -> problem.store().categoryIndex(i) == 0)
                .count();
        assertThat(videosMoved).isEqualTo(50);
        assertThat(plan.makespanSeconds()).isCloseTo(60 * GB / RATE + 0.01, within(1e-6));
    }

    @Test
    void plan_hardDeadline_savesVideosBeforeLogs() {
        // A batch's copy ends one route latency (10 ms) after its planned end, so copies must end by
        // 699.99 s: 1e8 B/s for 699.99 s carries 69.999 GB, 69 whole records of 1 GB: the 50 GB of
        // videos and 19 GB of logs; 31 GB of logs are deleted for DEADLINE, nothing ends after it.
        PlanningProblem problem = videosAndLogs(
                twoSites(1L << 50),
                PlanOptions.builder()
                        .deadline(Duration.ofSeconds(700))
                        .hardDeadline(true)
                        .build());

        MigrationPlan plan = planAndVerify(problem);

        assertThat(plan.classification().deleted(DeletionReason.DEADLINE).bytes())
                .isEqualTo(31 * GB);
        assertThat(plan.classification().deleted(DeletionReason.DEADLINE).records())
                .isEqualTo(31);
        assertThat(plan.deletions().stream()
                        .filter(d -> d.reason() == DeletionReason.DEADLINE)
                        .flatMapToInt(d -> d.records().stream())
                        .allMatch(i -> problem.store().categoryIndex(i) == 1))
                .isTrue();
        assertThat(plan.makespanSeconds()).isLessThanOrEqualTo(700 + 1e-6);
    }

    @Test
    void plan_softDeadline_reportsBytesStillViolating() {
        // 100 GB at 1e8 B/s take 1000 s; at the soft deadline of 700 s, the batches still running or
        // not started hold what still violates: at least the 30 GB the link cannot carry by then, and at
        // most one more 1 GB batch per demand (videos, logs) whose copy ends, with one 10 ms route
        // latency per batch of its stream, just after 700 s. Each demand's stream is 50 batches of 1 GB
        // side by side, so each ends 50 latencies (0.5 s) after the 1000 s of transfer.
        PlanningProblem problem = videosAndLogs(
                twoSites(1L << 50),
                PlanOptions.builder()
                        .deadline(Duration.ofSeconds(700))
                        .targetBatchBytes(GB)
                        .build());

        MigrationPlan plan = planAndVerify(problem);

        assertThat(plan.makespanSeconds()).isCloseTo(1000.5, within(1e-6));
        assertThat(plan.violatingBytesAtDeadline()).isBetween(30 * GB, 32 * GB);
    }

    @Test
    void plan_siteReadyLate_waitsForTheSite() {
        // Like Norway for Project Clover: the only destination is ready at 1 hour; 100 GB then take
        // 1000 s more, as one batch per demand (1 TB target) that first waits 10 ms for the latency,
        // which the bound leaves out.
        PlanningProblem problem = videosAndLogs(
                twoSites(1L << 50),
                PlanOptions.builder().siteReadyAt("us", Duration.ofHours(1)).build());

        MigrationPlan plan = planAndVerify(problem);

        assertThat(plan.batches()).allMatch(b -> b.plannedStartSeconds() >= 3600);
        assertThat(plan.makespanSeconds()).isCloseTo(4600.01, within(1e-6));
        assertThat(plan.lowerBoundSeconds()).isCloseTo(4600, within(1e-3));
    }

    @Test
    void plan_maintenanceAndApproval_usesTheOpenStretches() {
        // Approval at 100 s; the link is down from 300 s to 500 s (steps of 100 s): 200 s of transfer
        // (20 GB) before the window, the other 80 GB after it: 500 + 800 = 1300 s, in two waves.
        // Records are whole 1 GB: the first stretch may carry one less, adding up to 10 s. The earliest-
        // arrival slots of one step each make waves finer than the two stretches. Each of the 100
        // batches waits 10 ms for the latency before its first byte: at most 1 s more in all.
        PlanningProblem problem = videosAndLogs(
                twoSites(1L << 50),
                PlanOptions.builder()
                        .timeStep(Duration.ofSeconds(100))
                        .approvalAt(Jurisdiction.US, Duration.ofSeconds(100))
                        .maintenance(new LinkWindow("us", "sg", Duration.ofSeconds(300), Duration.ofSeconds(500)))
                        .targetBatchBytes(GB)
                        .build());

        MigrationPlan plan = planAndVerify(problem);

        assertThat(plan.makespanSeconds()).isBetween(1300 - 1e-3, 1311 + 1e-3);
        assertThat(plan.waveCount()).isGreaterThanOrEqualTo(2);
        assertThat(plan.batches())
                .allMatch(b -> b.plannedStartSeconds() >= 100 - 1e-9
                        && (b.plannedEndSeconds() <= 300 + 1e-6 || b.plannedStartSeconds() >= 500 - 1e-9));
    }

    @Test
    void plan_transitForbidden_deletesWithNoRoute() {
        // The only way from sg to us is through jp, and the policy lets data pass only US sites.
        Topology topology = Topology.of(
                List.of(site("sg", "SG", 1L << 50), site("jp", "JP", 1L << 50), site("us", "US", 1L << 50)),
                List.of(link("sg", "jp", RATE, 0), link("jp", "us", RATE, 0)));
        RecordStore.Builder store = RecordStore.builder(topology, 4);
        store.add(0, Jurisdiction.US, Category.VIDEOS, GB, false, 0);
        PlanningProblem problem = PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US).withTransit(SiteConstraint.in(Jurisdiction.US)))
                .build();

        MigrationPlan plan = planAndVerify(problem);

        assertThat(plan.classification().deleted(DeletionReason.NO_ROUTE).records())
                .isEqualTo(1);
        assertThat(plan.batches()).isEmpty();
    }

    @Test
    void plan_everyClass_tallyAndReasons() {
        // Record 0 moves; 1 already has a US copy (excess); 2 is derived (unmovable); 3 is held;
        // 4 is SG logs under a delete rule; 5 is frozen (neither movable nor deletable).
        Topology topology = twoSites(1L << 50);
        Category frozen = new Category("frozen", false, false, false);
        RecordStore.Builder store = RecordStore.builder(topology, 8);
        store.add(0, Jurisdiction.US, Category.VIDEOS, GB, false, 0);
        store.add(1, Jurisdiction.US, Category.VIDEOS, GB, false, 0, 1);
        store.add(2, Jurisdiction.US, Category.DERIVED, GB, false, 0);
        store.add(3, Jurisdiction.US, Category.VIDEOS, GB, true, 0);
        store.add(4, Jurisdiction.SG, Category.LOGS, GB, false, 0, 1);
        store.add(5, Jurisdiction.US, frozen, GB, false, 0);
        ResidencyPolicy policy = ResidencyPolicy.of(
                "mixed",
                new Rule(
                        "sg-logs",
                        com.google.common.collect.ImmutableSortedSet.of(Jurisdiction.SG),
                        com.google.common.collect.ImmutableSortedSet.of("logs"),
                        SiteConstraint.in(Jurisdiction.US),
                        Action.DELETE,
                        1,
                        false),
                Rule.move("us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US)));
        PlanningProblem problem =
                PlanningProblem.builder().store(store.build()).policy(policy).build();

        MigrationPlan plan = planAndVerify(problem);

        Classification c = plan.classification();
        assertThat(c.of(RecordClass.MOVE).records()).isEqualTo(1);
        assertThat(c.of(RecordClass.ENOUGH_REPLICAS).records()).isEqualTo(1);
        assertThat(c.deleted(DeletionReason.UNMOVABLE).records()).isEqualTo(1);
        assertThat(c.deleted(DeletionReason.POLICY_DELETE).records()).isEqualTo(1);
        assertThat(c.blockedByReason())
                .containsEntry(BlockReason.LEGAL_HOLD, new dev.residency.audit.Tally(1, GB))
                .containsEntry(BlockReason.UNMOVABLE_UNDELETABLE, new dev.residency.audit.Tally(1, GB));
        assertThat(plan.deletions())
                .filteredOn(d -> d.reason() == DeletionReason.AFTER_MOVE)
                .singleElement()
                .satisfies(d -> assertThat(d.earliestSeconds())
                        .isEqualTo(plan.batches().get(d.afterBatch().getAsInt()).plannedEndSeconds()));
    }

    @Test
    void plan_twoReplicasRequired_copiesToDistinctSites() {
        Topology topology = Topology.of(
                List.of(site("sg", "SG", 1L << 50), site("us1", "US", 1L << 50), site("us2", "US", 1L << 50)),
                List.of(link("sg", "us1", RATE, 0), link("sg", "us2", RATE, 0)));
        RecordStore.Builder store = RecordStore.builder(topology, 10);
        for (int i = 0; i < 10; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, GB, false, 0);
        }
        PlanningProblem problem = PlanningProblem.builder()
                .store(store.build())
                .policy(ResidencyPolicy.of(
                        "two",
                        Rule.move("us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US))
                                .withMinCompliantReplicas(2)))
                .build();

        MigrationPlan plan = planAndVerify(problem);

        assertThat(plan.bytesToMove()).isEqualTo(20 * GB);
        // One batch per destination (1 TB target), after the link's 10 ms of latency.
        assertThat(plan.makespanSeconds()).isCloseTo(100.01, within(1e-6));
    }

    @Test
    void plan_nothingViolates_isEmptyWithRatioOne() {
        Topology topology = twoSites(1L << 50);
        RecordStore.Builder store = RecordStore.builder(topology, 1);
        store.add(0, Jurisdiction.US, Category.VIDEOS, GB, false, 1);
        PlanningProblem problem = PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US))
                .build();

        for (String name : Planners.names()) {
            MigrationPlan plan = Planners.byName(name).plan(problem);
            assertThat(PlanVerifier.verify(plan, problem).isValid()).isTrue();
            assertThat(plan.batches()).isEmpty();
            assertThat(plan.deletions()).isEmpty();
            assertThat(plan.qualityRatio()).isEqualTo(1);
        }
    }

    @Test
    void options_hardDeadlineWithoutDeadline_isRefusedNamingTheField() {
        assertThatThrownBy(() -> PlanOptions.builder().hardDeadline(true).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("options.hardDeadline");
        assertThatThrownBy(() -> Planners.byName("fastest"))
                .hasMessageContaining("fastest")
                .hasMessageContaining("flow");
    }
}
