package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.site;
import static dev.residency.plan.internal.solve.RouteFlowFixtures.part;
import static dev.residency.plan.internal.solve.RouteFlowFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.audit.BlockReason;
import dev.residency.audit.Tally;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.BlockedGroup;
import dev.residency.plan.Deletion;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.LinkWindow;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PartTiming;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.RecordClass;
import dev.residency.plan.TransferBatch;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.topology.Link;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * {@code PlanAssembler.assemble} on hand-made streams, every time, byte count and deletion worked by hand in
 * the test: batches cut at the target size and run back to back from the stream's start, window overruns,
 * the last wave re-timed to the bytes assigned (link, ingest or egress binding), wave ids renumbered over
 * the waves used, a record's deletion after the later of its two copies, the reasons of records left over,
 * and batches dropped at a hard deadline.
 *
 * <p>Instance: US records in Singapore, at a (and b); US sites t and u. Links a-t (0.02 USD/GiB), b-t,
 * a-u and a-b (0.01 USD/GiB), 1,000 B/s each unless said, no latency unless said. Site indices a 0, b 1, t
 * 2, u 3. Rules: US data in the US, Singaporean data in Singapore. No verification and no cut-over time
 * unless said, so a batch counts as moved when its copy ends.
 */
final class PlanAssemblerStreamsTest {

    private static final int A = 0;
    private static final int T = 2;
    private static final int U = 3;
    private static final double NONE = Double.POSITIVE_INFINITY;
    private static final double USD_PER_BYTE = 0.02 / (1024.0 * 1024 * 1024);

    /** A record of {@code home} of {@code bytes} with replicas at {@code sites} (site indices). */
    private record Row(Jurisdiction home, Category category, long bytes, int... sites) {}

    /** The site and link limits that a test changes, in bytes per second, and the links' latency. */
    private record Net(double egressA, double ingestT, double linkAt, Duration latency) {}

    private static final Net PLAIN = new Net(1e12, 1e12, 1_000, Duration.ZERO);

    private static Row videos(long bytes) {
        return new Row(Jurisdiction.US, Category.VIDEOS, bytes, A);
    }

    private static AggregatedProblem problem(Net net, PlanOptions options, int copies, Row... rows) {
        Topology topology = Topology.of(
                List.of(
                        site("a", "SG", 1L << 40, 1e12, net.egressA()),
                        site("b", "SG", 1L << 40),
                        site("t", "US", 1L << 40, net.ingestT(), 1e12),
                        site("u", "US", 1L << 40)),
                List.of(
                        link("a", "t", net.linkAt(), net.latency(), 0.02),
                        link("b", "t", 1_000, net.latency(), 0.0),
                        link("a", "u", 1_000, net.latency(), 0.0),
                        link("a", "b", 1_000, net.latency(), 0.01)));
        RecordStore.Builder store = RecordStore.builder(topology, rows.length);
        for (int i = 0; i < rows.length; i++) {
            store.add(i, rows[i].home(), rows[i].category(), rows[i].bytes(), false, rows[i].sites());
        }
        ResidencyPolicy policy = new ResidencyPolicy(
                "us",
                ImmutableList.of(
                        Rule.move("us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US))
                                .withMinCompliantReplicas(copies),
                        Rule.move("sg", List.of(Jurisdiction.SG), SiteConstraint.in(Jurisdiction.SG))),
                SiteConstraint.ANY,
                ImmutableMap.of());
        return AggregatedProblem.of(PlanningProblem.builder()
                .store(store.build())
                .policy(policy)
                .options(options)
                .build());
    }

    private static Link link(String from, String to, double bytesPerSecond, Duration latency, double usdPerGiB) {
        return Link.symmetric(from, to, new Bandwidth(bytesPerSecond), latency, usdPerGiB);
    }

    private static PlanOptions target(long bytes) {
        return PlanOptions.builder().targetBatchBytes(bytes).build();
    }

    private static PlanAssembler.Assembled assemble(
            AggregatedProblem p, boolean rebalance, double copyDeadline, RouteFlow... streams) {
        return PlanAssembler.assemble(
                p,
                List.of(streams),
                new DeletionReason[p.demandCount()],
                "test",
                "hand-made streams",
                rebalance,
                copyDeadline);
    }

    /** Records 0, 1, 2 of 300, 300 and 500 B on one strict stream from 2 s at 100 B/s, batches of 600 B. */
    private static PlanAssembler.Assembled threeRecords(Net net, PlanOptions options) {
        AggregatedProblem p = problem(net, options, 1, videos(300), videos(300), videos(500));
        return assemble(p, false, NONE, stream(p, part(p, 0, 0), 0, 2, A, T, 1_100, 100, true));
    }

    @Test
    void batches_cutAtTheTargetAndRunBackToBack() {
        // 300 + 300 = 600 B is not more than the target, so records 0 and 1 form the first batch; 600 + 500
        // is, so record 2 is the second. From 2 s at 100 B/s: [2, 8] and [8, 13].
        PlanAssembler.Assembled assembled = threeRecords(PLAIN, target(600));
        MigrationPlan plan = assembled.plan();

        assertThat(plan.batches())
                .extracting(
                        b -> b.records().asList(),
                        TransferBatch::bytes,
                        TransferBatch::plannedStartSeconds,
                        TransferBatch::plannedEndSeconds,
                        TransferBatch::wave)
                .containsExactly(tuple(List.of(0, 1), 600L, 2.0, 8.0, 0), tuple(List.of(2), 500L, 8.0, 13.0, 0));
        assertThat(plan.bytesToMove()).isEqualTo(1_100);
        assertThat(assembled.movedPerDemand()).containsExactly(1_100);
        assertThat(plan.egressCostUsd()).isCloseTo(1_100 * USD_PER_BYTE, offset(1e-18));
        assertThat(plan.makespanSeconds()).isEqualTo(13.0);
        // 600 B · 8 s + 500 B · 13 s.
        assertThat(plan.areaByteSeconds()).isEqualTo(11_300.0);
        assertThat(plan.deletions())
                .extracting(
                        Deletion::site,
                        d -> d.records().asList(),
                        Deletion::bytes,
                        Deletion::reason,
                        Deletion::afterBatch,
                        Deletion::earliestSeconds)
                .containsExactly(
                        tuple(A, List.of(0, 1), 600L, DeletionReason.AFTER_MOVE, OptionalInt.of(0), 8.0),
                        tuple(A, List.of(2), 500L, DeletionReason.AFTER_MOVE, OptionalInt.of(1), 13.0));
        assertThat(plan.bytesToDeleteByReason())
                .containsExactly(java.util.Map.entry(DeletionReason.AFTER_MOVE, 1_100L));
        assertThat(plan.classification().byClass())
                .containsExactly(java.util.Map.entry(RecordClass.MOVE, new Tally(3, 1_100)));
        assertThat(plan.classification().violating()).isEqualTo(new Tally(3, 1_100));
        assertThat(assembled.lateSeconds()).isZero();
        assertThat(assembled.windowOverrunSeconds()).isEmpty();
    }

    @Test
    void batches_withLatency_eachWaitsOneLatencyMore() {
        // 10 ms of latency: the k-th batch (from 0) starts after k latencies and ends after k + 1: [2, 8.01]
        // and [8.01, 13.02].
        MigrationPlan plan = threeRecords(new Net(1e12, 1e12, 1_000, Duration.ofMillis(10)), target(600))
                .plan();

        assertThat(plan.batches().get(0).plannedStartSeconds()).isEqualTo(2.0);
        assertThat(plan.batches().get(0).plannedEndSeconds()).isCloseTo(8.01, offset(1e-9));
        assertThat(plan.batches().get(1).plannedStartSeconds()).isCloseTo(8.01, offset(1e-9));
        assertThat(plan.batches().get(1).plannedEndSeconds()).isCloseTo(13.02, offset(1e-9));
    }

    @Test
    void windowOverruns_howLongAfterEachWindowOpensTheLastBatchOnItsLinkEnds() {
        // Batches [2, 8] and [8, 13] on a-t. Windows: a-t [1, 3]: batch 0 overlaps, ends 7 s after it opens
        // (batch 1 starts after it closes); a-t [8, 20]: batch 0 ends as it opens (no overlap), batch 1 ends 5
        // s after; a-t [0, 2]: batch 0 starts as it closes; a-t [13, 30]: batch 1 ends as it opens; a-u [0,
        // 50]: no batch on a-u.
        PlanOptions options = PlanOptions.builder()
                .targetBatchBytes(600)
                .maintenance(window("a", "t", 1, 3))
                .maintenance(window("a", "t", 8, 20))
                .maintenance(window("a", "t", 0, 2))
                .maintenance(window("t", "a", 13, 30))
                .maintenance(window("a", "u", 0, 50))
                .build();

        assertThat(threeRecords(PLAIN, options).windowOverrunSeconds()).containsExactly(7.0, 5.0, 0.0, 0.0, 0.0);
    }

    private static LinkWindow window(String from, String to, long startSeconds, long endSeconds) {
        return new LinkWindow(from, to, Duration.ofSeconds(startSeconds), Duration.ofSeconds(endSeconds));
    }

    /**
     * Records 0, 1, 2 of 500, 300 and 200 B; a strict stream s0 a→t in wave 0 from 0 s at 100 B/s (quota 200
     * B: record 2), then the last wave from 10 s, not strict, at 50 B/s: s1 a→t (quota 600 B: record 0; 800
     * > 600 for record 1) and s2 a→u (quota 400 B: record 1).
     */
    private static MigrationPlan lastWave(Net net, boolean rebalance) {
        AggregatedProblem p = problem(net, target(1_000), 1, videos(500), videos(300), videos(200));
        int d = part(p, 0, 0);
        return assemble(
                        p,
                        rebalance,
                        NONE,
                        stream(p, d, 0, 0, A, T, 200, 100, true),
                        stream(p, d, 1, 10, A, T, 600, 50, false),
                        stream(p, d, 1, 10, A, U, 400, 50, false))
                .plan();
    }

    @Test
    void rebalance_lastWaveEndsTogether_whenTheSourcesEgressBinds() {
        // a's egress 100 B/s carries s1's 500 B and s2's 300 B (not s0's, strict and earlier): 8 s, so both
        // end at 18 s (rates 62.5 and 37.5 B/s). s0 keeps its rate: [0, 2]. Not re-timed: 10 + 500 / 50 = 20
        // and 10 + 300 / 50 = 16.
        MigrationPlan plan = lastWave(new Net(100, 1e12, 1_000, Duration.ZERO), true);
        MigrationPlan asGiven = lastWave(new Net(100, 1e12, 1_000, Duration.ZERO), false);

        assertThat(plan.batches())
                .extracting(
                        b -> b.records().asList(), TransferBatch::plannedStartSeconds, TransferBatch::plannedEndSeconds)
                .containsExactly(
                        tuple(List.of(2), 0.0, 2.0), tuple(List.of(0), 10.0, 18.0), tuple(List.of(1), 10.0, 18.0));
        assertThat(asGiven.batches())
                .extracting(TransferBatch::plannedEndSeconds)
                .containsExactly(2.0, 20.0, 16.0);
    }

    @Test
    void rebalance_lastWaveEndsTogether_whenTheDestinationsIngestBinds() {
        // t's ingest 50 B/s takes s1's 500 B: 10 s, the largest of the resources' times; both end at 20 s.
        assertThat(lastWave(new Net(1e12, 50, 1_000, Duration.ZERO), true).batches())
                .extracting(TransferBatch::plannedEndSeconds)
                .containsExactly(2.0, 20.0, 20.0);
    }

    @Test
    void rebalance_lastWaveEndsTogether_whenALinkBinds() {
        // a-t at 40 B/s carries s1's 500 B in 12.5 s (and s0's 200 B at its own rate of 100 B/s, as given).
        assertThat(lastWave(new Net(1e12, 1e12, 40, Duration.ZERO), true).batches())
                .extracting(TransferBatch::plannedEndSeconds)
                .containsExactly(2.0, 22.5, 22.5);
    }

    @Test
    void waveIds_onlyTheWavesUsed_inOrder() {
        // Strict streams in waves 0 (quota 500 B), 3 (quota 100 B, no record fits) and 7 (quota 500 B): the
        // batches are in waves 0 and 1.
        AggregatedProblem p = problem(PLAIN, target(1_000), 1, videos(500), videos(500));
        int d = part(p, 0, 0);

        MigrationPlan plan = assemble(
                        p,
                        false,
                        NONE,
                        stream(p, d, 0, 0, A, T, 500, 100, true),
                        stream(p, d, 3, 5, A, U, 100, 100, true),
                        stream(p, d, 7, 10, A, T, 500, 100, true))
                .plan();

        assertThat(plan.batches()).extracting(TransferBatch::wave).containsExactly(0, 1);
        assertThat(plan.batches())
                .extracting(TransferBatch::plannedStartSeconds)
                .containsExactly(0.0, 10.0);
    }

    /** The deletion of a record of 500 B copied to t at 100 B/s (batch 0) and to u at {@code rateToU} (batch 1). */
    private static Deletion twoCopies(double rateToU) {
        AggregatedProblem p = problem(PLAIN, target(1_000), 2, videos(500));
        MigrationPlan plan = assemble(
                        p,
                        false,
                        NONE,
                        stream(p, part(p, 0, 0), 0, 0, A, T, 500, 100, true),
                        stream(p, part(p, 0, 1), 0, 0, A, U, 500, rateToU, true))
                .plan();
        assertThat(plan.batches()).extracting(TransferBatch::destination).containsExactly(T, U);
        assertThat(plan.deletions()).hasSize(1);
        return plan.deletions().get(0);
    }

    @Test
    void twoCopies_recordDeletedAfterTheLaterCopy_theLaterBatchOnATie() {
        // To t: [0, 5]. To u at 50 B/s: [0, 10], the later; at 200 B/s: [0, 2.5], so t's; at 100 B/s both end
        // at 5 s, and the batch assembled later (u's) is the one.
        assertThat(twoCopies(50))
                .extracting(Deletion::afterBatch, Deletion::earliestSeconds)
                .containsExactly(OptionalInt.of(1), 10.0);
        assertThat(twoCopies(200))
                .extracting(Deletion::afterBatch, Deletion::earliestSeconds)
                .containsExactly(OptionalInt.of(0), 5.0);
        assertThat(twoCopies(100))
                .extracting(Deletion::afterBatch, Deletion::earliestSeconds)
                .containsExactly(OptionalInt.of(1), 5.0);
    }

    @Test
    void twoViolatingReplicas_deletedAtEachAfterTheMove() {
        // One record with replicas at a and b (both in Singapore), moved from a: deleted at a and at b after
        // its batch, in site order.
        AggregatedProblem p = problem(PLAIN, target(1_000), 1, new Row(Jurisdiction.US, Category.VIDEOS, 500, A, 1));

        MigrationPlan plan = assemble(p, false, NONE, stream(p, part(p, 0, 0), 0, 0, A, T, 500, 100, true))
                .plan();

        assertThat(plan.deletions())
                .extracting(Deletion::site, Deletion::bytes, Deletion::afterBatch)
                .containsExactly(tuple(A, 500L, OptionalInt.of(0)), tuple(1, 500L, OptionalInt.of(0)));
        assertThat(plan.bytesToDeleteByReason()).containsEntry(DeletionReason.AFTER_MOVE, 1_000L);
    }

    private static final Category KEEPSAKE = new Category("keepsake", true, false, false);

    /**
     * Records 0 and 1 (videos) and 2 (movable, never deletable), 500 B each, one demand; one strict stream of
     * quota 500 B takes record 0 only.
     */
    private static MigrationPlan leftOver(PlanOptions options, DeletionReason shortfall) {
        AggregatedProblem p =
                problem(PLAIN, options, 1, videos(500), videos(500), new Row(Jurisdiction.US, KEEPSAKE, 500, A));
        int d = part(p, 0, 0);
        DeletionReason[] reasons = new DeletionReason[p.demandCount()];
        reasons[d] = shortfall;
        return PlanAssembler.assemble(
                        p,
                        List.of(stream(p, d, 0, 0, A, T, 500, 100, true)),
                        reasons,
                        "test",
                        "hand-made streams",
                        false,
                        NONE)
                .plan();
    }

    @Test
    void leftOver_deletedForNoStorage_orTheDemandsShortfall_orTheHardDeadline_blockedIfUndeletable() {
        MigrationPlan noStorage = leftOver(target(1_000), null);
        MigrationPlan noRoute = leftOver(target(1_000), DeletionReason.NO_ROUTE);
        MigrationPlan deadline = leftOver(
                PlanOptions.builder()
                        .targetBatchBytes(1_000)
                        .deadline(Duration.ofHours(1))
                        .hardDeadline(true)
                        .build(),
                null);

        assertThat(noStorage.deletions())
                .extracting(Deletion::site, d -> d.records().asList(), Deletion::reason, Deletion::afterBatch)
                .containsExactly(
                        tuple(A, List.of(1), DeletionReason.NO_STORAGE, OptionalInt.empty()),
                        tuple(A, List.of(0), DeletionReason.AFTER_MOVE, OptionalInt.of(0)));
        assertThat(noRoute.classification().deletedByReason())
                .containsExactly(java.util.Map.entry(DeletionReason.NO_ROUTE, new Tally(1, 500)));
        assertThat(deadline.classification().deletedByReason())
                .containsExactly(java.util.Map.entry(DeletionReason.DEADLINE, new Tally(1, 500)));
        assertThat(noStorage.classification().byClass())
                .containsEntry(RecordClass.MOVE, new Tally(1, 500))
                .containsEntry(RecordClass.DELETE, new Tally(1, 500))
                .containsEntry(RecordClass.BLOCKED, new Tally(1, 500));
        assertThat(noStorage.classification().blockedByReason())
                .containsExactly(java.util.Map.entry(BlockReason.UNMOVABLE_UNDELETABLE, new Tally(1, 500)));
        assertThat(noStorage.blocked())
                .extracting(
                        BlockedGroup::rule,
                        BlockedGroup::reason,
                        BlockedGroup::home,
                        BlockedGroup::category,
                        BlockedGroup::bytes)
                .containsExactly(tuple("us", BlockReason.UNMOVABLE_UNDELETABLE, Jurisdiction.US, "keepsake", 500L));
        assertThat(noStorage.blocked().get(0).records().asList()).containsExactly(2);
    }

    /** Records 0 and 1 of 500 B, batches of 500 B on one strict stream at 100 B/s: [0, 5] and [5, 10]. */
    private static PlanAssembler.Assembled hard(long deadlineSeconds) {
        AggregatedProblem p = problem(
                PLAIN,
                PlanOptions.builder()
                        .targetBatchBytes(500)
                        .deadline(Duration.ofSeconds(deadlineSeconds))
                        .hardDeadline(true)
                        .build(),
                1,
                videos(500),
                videos(500));
        return assemble(p, false, NONE, stream(p, part(p, 0, 0), 0, 0, A, T, 1_000, 100, true));
    }

    @Test
    void hardDeadline_lateBatchesDropped_lateSecondsTheLatest() {
        // Deadline 8 s: batch 1 is done at 10 s, 2 s late: dropped, its record deleted for the deadline.
        // Deadline 4 s: both are late (1 and 6 s): late 6 s, nothing moves. Deadline 10 s: both on time.
        PlanAssembler.Assembled at8 = hard(8);
        PlanAssembler.Assembled at4 = hard(4);
        PlanAssembler.Assembled at10 = hard(10);

        assertThat(at8.lateSeconds()).isEqualTo(2.0);
        assertThat(at8.plan().batches()).extracting(b -> b.records().asList()).containsExactly(List.of(0));
        assertThat(at8.movedPerDemand()).containsExactly(500);
        assertThat(at8.plan().bytesToDeleteByReason())
                .containsEntry(DeletionReason.DEADLINE, 500L)
                .containsEntry(DeletionReason.AFTER_MOVE, 500L);
        assertThat(at8.plan().violatingBytesAtDeadline()).isZero();
        assertThat(at4.lateSeconds()).isEqualTo(6.0);
        assertThat(at4.plan().batches()).isEmpty();
        assertThat(at4.plan().makespanSeconds()).isZero();
        assertThat(at4.plan().bytesToDeleteByReason())
                .containsExactly(java.util.Map.entry(DeletionReason.DEADLINE, 1_000L));
        assertThat(at10.lateSeconds()).isZero();
        assertThat(at10.plan().batches()).hasSize(2);
    }

    @Test
    void softDeadline_batchDoneExactlyAtIt_noLongerViolates() {
        // Batches done at 8 and 13 s. At a deadline of 13 s record 2 (500 B) is just moved; at 12 s not yet.
        assertThat(threeRecords(PLAIN, soft(13)).plan().violatingBytesAtDeadline())
                .isZero();
        assertThat(threeRecords(PLAIN, soft(12)).plan().violatingBytesAtDeadline())
                .isEqualTo(500);
    }

    private static PlanOptions soft(long deadlineSeconds) {
        return PlanOptions.builder()
                .targetBatchBytes(600)
                .deadline(Duration.ofSeconds(deadlineSeconds))
                .build();
    }

    @Test
    void parts_onlyHomesAndRulesWithMovedData() {
        // A US record moved, and a Singaporean one already where its rule wants it: the parts are the home US
        // and the rule "us" only (Singapore and rule "sg" moved nothing).
        AggregatedProblem p =
                problem(PLAIN, target(1_000), 1, videos(500), new Row(Jurisdiction.SG, Category.VIDEOS, 300, A));

        MigrationPlan plan = assemble(p, false, NONE, stream(p, part(p, 0, 0), 0, 0, A, T, 500, 100, true))
                .bounded();

        assertThat(plan.parts(PartTiming.HOME))
                .extracting(PartTiming::name, PartTiming::bytes)
                .containsExactly(tuple("US", 500L));
        assertThat(plan.parts(PartTiming.RULE))
                .extracting(PartTiming::name, PartTiming::bytes)
                .containsExactly(tuple("us", 500L));
    }

    @Test
    void latencyLayout_nextWaveOnTheLinkWaitsForEveryBatchsLatency() {
        // 10 ms of latency, batches of 600 B. s1 (wave 0, from 0 s at 100 B/s) carries 700, 300 and 300 B:
        // 700 B alone (larger than the target, yet a batch of its own, not two), then 300 + 300 = 600 B (not
        // more than the target): two batches, so it ends at 1,300 / 100 + 2 · 0.01 = 13.02 s. s2 (wave 1, from
        // 13 s on the same link, 100 B) waits for it: [13.02, 14.03].
        AggregatedProblem p = problem(
                new Net(1e12, 1e12, 1_000, Duration.ofMillis(10)),
                target(600),
                1,
                videos(700),
                videos(300),
                videos(300),
                videos(100));
        int d = part(p, 0, 0);

        MigrationPlan plan = assemble(
                        p,
                        false,
                        NONE,
                        stream(p, d, 0, 0, A, T, 1_300, 100, true),
                        stream(p, d, 1, 13, A, T, 100, 100, true))
                .plan();

        assertThat(plan.batches()).hasSize(3);
        assertThat(plan.batches().get(1).plannedEndSeconds()).isCloseTo(13.02, offset(1e-9));
        assertThat(plan.batches().get(2).plannedStartSeconds()).isCloseTo(13.02, offset(1e-9));
        assertThat(plan.batches().get(2).plannedEndSeconds()).isCloseTo(14.03, offset(1e-9));
    }

    @Test
    void latencyLayout_streamWithNoRecord_holdsNothingBack() {
        // An empty stream in wave 0 on a-t (quota 0) has no batch, so no latency to wait for: the stream of
        // wave 1 on the same link starts at its own 0 s.
        AggregatedProblem p = problem(new Net(1e12, 1e12, 1_000, Duration.ofMillis(10)), target(600), 1, videos(100));
        int d = part(p, 0, 0);

        MigrationPlan plan = assemble(
                        p,
                        false,
                        NONE,
                        stream(p, d, 0, 0, A, T, 0, 100, true),
                        stream(p, d, 1, 0, A, T, 100, 100, true))
                .plan();

        assertThat(plan.batches())
                .extracting(TransferBatch::plannedStartSeconds)
                .containsExactly(0.0);
    }

    /**
     * A flow of demand {@code d} staged at b: a leg a→b in wave 0 from 0 s at 100 B/s, then b→t in wave 1
     * from 5 s at 100 B/s, quota 500 B, strict.
     */
    private static RouteFlow staged(AggregatedProblem p, int d) {
        return new RouteFlow(
                d,
                1,
                5,
                1,
                T,
                new int[] {p.topology.arcBetween(1, T).getAsInt()},
                500,
                100,
                true,
                ImmutableList.of(new RouteFlow.Leg(
                        0, 0, A, 1, new int[] {p.topology.arcBetween(A, 1).getAsInt()}, 100)));
    }

    @Test
    void legs_stagingCopyFirst_lastLegVerifiedAfterIt() {
        // Two records of 250 B, batches of 250 B, 10 ms of latency, verification at 50 B/s, soft deadline
        // 18 s. Batches, each leg's before its last leg's: 0 a→b [0, 2.51], 1 b→t, 2 a→b [2.51, 5.02], 3 b→t.
        // The last legs wait for the staging copies' end (5.02 s): 1 [5.02, 7.53], 3 [7.53, 10.04].
        // Verification: batch 0 at b by 7.51, batch 2 by 12.51 (after 0's); batch 1 goes on only after 0 is
        // verified, so its copy ends 7.51 + 2.51 = 10.02, verified at t by 15.02; batch 3's copy ends 12.51 +
        // 2.51 = 15.02, verified by 20.02. At 18 s record 1 (250 B) still violates.
        AggregatedProblem p = problem(
                new Net(1e12, 1e12, 1_000, Duration.ofMillis(10)),
                PlanOptions.builder()
                        .targetBatchBytes(250)
                        .verificationRate(new Bandwidth(50))
                        .deadline(Duration.ofSeconds(18))
                        .build(),
                1,
                videos(250),
                videos(250));

        MigrationPlan plan = assemble(p, false, NONE, staged(p, part(p, 0, 0))).plan();

        assertThat(plan.batches())
                .extracting(
                        TransferBatch::staging,
                        TransferBatch::source,
                        TransferBatch::destination,
                        TransferBatch::previousLeg)
                .containsExactly(
                        tuple(true, A, 1, -1), tuple(false, 1, T, 0), tuple(true, A, 1, -1), tuple(false, 1, T, 2));
        double[] starts = {0, 5.02, 2.51, 7.53};
        double[] ends = {2.51, 7.53, 5.02, 10.04};
        for (int b = 0; b < 4; b++) {
            assertThat(plan.batches().get(b).plannedStartSeconds())
                    .as("start %s", b)
                    .isCloseTo(starts[b], offset(1e-9));
            assertThat(plan.batches().get(b).plannedEndSeconds())
                    .as("end %s", b)
                    .isCloseTo(ends[b], offset(1e-9));
        }
        assertThat(plan.violatingBytesAtDeadline()).isEqualTo(250);
        // Only a→b costs (0.01 USD/GiB); only the last legs move data and count in the area.
        assertThat(plan.egressCostUsd()).isCloseTo(500 * 0.01 / (1024.0 * 1024 * 1024), offset(1e-18));
        assertThat(plan.bytesToMove()).isEqualTo(500);
        assertThat(plan.areaByteSeconds()).isCloseTo(250 * 7.53 + 250 * 10.04, offset(1e-6));
        assertThat(plan.deletions())
                .extracting(Deletion::afterBatch)
                .containsExactly(OptionalInt.of(1), OptionalInt.of(3));
    }

    @Test
    void rebalance_lastLegOfAStagedFlowStartingWithTheLastWave_isRetimedWithIt() {
        // No latency, batches of 250 B. The staged flow (strict, from 5 s, records 0 and 1, 500 B) and N (a→u,
        // not strict, from 5 s, record 2, 300 B) make the last wave. b→t carries 500 B at 1,000 B/s, 0.5 s,
        // the longest: the last leg runs at 1,000 B/s ([5, 5.25] and [5.25, 5.5]) and N at 600 B/s ([5, 5.5]).
        // The legs a→b keep their 100 B/s: [0, 2.5] and [2.5, 5].
        AggregatedProblem p = problem(PLAIN, target(250), 1, videos(250), videos(250), videos(300));
        int d = part(p, 0, 0);

        MigrationPlan plan = assemble(p, true, NONE, staged(p, d), stream(p, d, 1, 5, A, U, 300, 100, false))
                .plan();

        assertThat(plan.batches())
                .extracting(
                        TransferBatch::staging, TransferBatch::plannedStartSeconds, TransferBatch::plannedEndSeconds)
                .containsExactly(
                        tuple(true, 0.0, 2.5),
                        tuple(false, 5.0, 5.25),
                        tuple(true, 2.5, 5.0),
                        tuple(false, 5.25, 5.5),
                        tuple(false, 5.0, 5.5));
    }
}
