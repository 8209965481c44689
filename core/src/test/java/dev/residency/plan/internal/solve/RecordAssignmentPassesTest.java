package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static dev.residency.plan.internal.solve.RouteFlowFixtures.part;
import static dev.residency.plan.internal.solve.RouteFlowFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.PlanningProblem;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Record assignment's three passes on hand-made streams, each expectation worked by hand in the test: the
 * pass within quota (first stream in the order given, exact free storage), the rounding pass (a stream that
 * is not strict and not yet full takes one record more, within the copy deadline), the priority classes
 * (the higher keep priority first, whatever the demands' indices), records needing two copies (both or
 * none), and the spill stream's route, rate, start and wave.
 *
 * <p>Instance: US records at a or b (Singapore); US sites t (free storage given per test) and u; links a-t,
 * b-t and a-u. Site indices a 0, b 1, t 2, u 3. Keep priorities: videos 10, logs 1.
 */
final class RecordAssignmentPassesTest {

    private static final int A = 0;
    private static final int B = 1;
    private static final int T = 2;
    private static final int U = 3;

    /** A record: where it is, its category and its size. */
    private record Row(int site, Category category, long bytes) {}

    private static Row videos(long bytes) {
        return new Row(A, Category.VIDEOS, bytes);
    }

    private static AggregatedProblem problem(long storageAtT, int copies, Row... rows) {
        Topology topology = Topology.of(
                List.of(
                        site("a", "SG", 1L << 40),
                        site("b", "SG", 1L << 40),
                        site("t", "US", storageAtT),
                        site("u", "US", 1L << 40)),
                List.of(link("a", "t", 1_000, 0.0), link("b", "t", 1_000, 0.0), link("a", "u", 1_000, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, rows.length);
        for (int i = 0; i < rows.length; i++) {
            store.add(i, Jurisdiction.US, rows[i].category(), rows[i].bytes(), false, rows[i].site());
        }
        ResidencyPolicy policy = new ResidencyPolicy(
                "us",
                ImmutableList.of(Rule.move("us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US))
                        .withMinCompliantReplicas(copies)),
                SiteConstraint.ANY,
                ImmutableMap.of("videos", 10, "logs", 1));
        return AggregatedProblem.of(
                PlanningProblem.builder().store(store.build()).policy(policy).build());
    }

    private static RecordAssignment assign(AggregatedProblem p, double deadline, RouteFlow... streams) {
        return RecordAssignment.of(p, List.of(streams), deadline, true);
    }

    private static final double NONE = Double.POSITIVE_INFINITY;

    @Test
    void rounding_streamNotStrictAndNotFull_takesOneRecordMore() {
        // Three records of 100 B on one stream, not strict. Quota 201: the pass within quota takes 200 B (300
        // > 201); the rounding pass sees 200 < 201 and takes the third. Quota 200: the stream is full, and the
        // third is left. A strict stream of quota 250 never goes past it: 300 > 250.
        AggregatedProblem p = problem(1L << 40, 1, videos(100), videos(100), videos(100));
        int d = part(p, 0, 0);

        RecordAssignment notFull = assign(p, NONE, stream(p, d, 0, 0, A, T, 201, 10, false));
        RecordAssignment full = assign(p, NONE, stream(p, d, 0, 0, A, T, 200, 10, false));
        RecordAssignment strict = assign(p, NONE, stream(p, d, 0, 0, A, T, 250, 10, true));

        assertThat(notFull.assigned).containsExactly(true, true, true);
        assertThat(notFull.streamBytes[0]).isEqualTo(300);
        assertThat(full.assigned).containsExactly(true, true, false);
        assertThat(full.streamBytes[0]).isEqualTo(200);
        assertThat(strict.assigned).containsExactly(true, true, false);
        assertThat(strict.streamBytes[0]).isEqualTo(200);
    }

    @Test
    void copyDeadline_streamMayCarryOnlyWhatEndsByIt() {
        // A stream from 2 s at 25 B/s, quota 1,000 B, not strict. Copy deadline 14 s: (14 - 2) · 25 = 300 B,
        // less the margin of 10^-12, rounded down: 299 B, so only two records of 100 B. At 14.1 s: 302.5 B,
        // 302 B: all three.
        AggregatedProblem p = problem(1L << 40, 1, videos(100), videos(100), videos(100));
        int d = part(p, 0, 0);
        RouteFlow stream = stream(p, d, 0, 2, A, T, 1_000, 25, false);

        assertThat(assign(p, 14, stream).streamBytes[0]).isEqualTo(200);
        assertThat(assign(p, 14.1, stream).streamBytes[0]).isEqualTo(300);
        assertThat(assign(p, NONE, stream).streamBytes[0]).isEqualTo(300);
    }

    @Test
    void storage_recordFitsOnlyInExactFreeStorage() {
        // A strict quota of 1,000 B, but t has 300 B free: three records of 100 B fill it exactly; with
        // 250 B the third does not fit (50 B left).
        Row[] rows = {videos(100), videos(100), videos(100)};
        AggregatedProblem exact = problem(300, 1, rows);
        AggregatedProblem short50 = problem(250, 1, rows);

        assertThat(assign(exact, NONE, stream(exact, part(exact, 0, 0), 0, 0, A, T, 1_000, 10, true)).assigned)
                .containsExactly(true, true, true);
        assertThat(assign(short50, NONE, stream(short50, part(short50, 0, 0), 0, 0, A, T, 1_000, 10, true)).assigned)
                .containsExactly(true, true, false);
    }

    @Test
    void priority_higherKeepPriorityRoundsFirst_whateverTheDemandIndex() {
        // Two videos (priority 10) and two logs (priority 1) of 100 B at a; t has 300 B free; each demand has
        // one stream to t of quota 150 B, not strict. Videos first: 100 B within quota, 100 B more by
        // rounding (100 < 150), 100 B left at t; then logs: 100 B within quota, and t is full. So videos 200 B,
        // logs 100 B, in both orders of the store (which change the demands' indices).
        AggregatedProblem logsFirst = problem(
                300, 1, new Row(A, Category.LOGS, 100), new Row(A, Category.LOGS, 100), videos(100), videos(100));
        AggregatedProblem videosFirst = problem(
                300, 1, videos(100), videos(100), new Row(A, Category.LOGS, 100), new Row(A, Category.LOGS, 100));
        int[] lowerIndexIsLogs = {0};
        for (AggregatedProblem p : List.of(logsFirst, videosFirst)) {
            int logsRecord = p == logsFirst ? 0 : 2;
            int videosRecord = p == logsFirst ? 2 : 0;
            int logs = part(p, logsRecord, 0);
            int vids = part(p, videosRecord, 0);
            if (logs < vids) {
                lowerIndexIsLogs[0]++;
            }
            RecordAssignment assignment = assign(
                    p,
                    NONE,
                    stream(p, Math.min(logs, vids), 0, 0, A, T, 150, 10, false),
                    stream(p, Math.max(logs, vids), 0, 0, A, T, 150, 10, false));

            int logsStream = logs < vids ? 0 : 1;
            assertThat(assignment.streamBytes[1 - logsStream]).isEqualTo(200);
            assertThat(assignment.streamBytes[logsStream]).isEqualTo(100);
        }
        // At least one of the two instances has the logs first by index, so index order alone fails it.
        assertThat(lowerIndexIsLogs[0]).isPositive();
    }

    @Test
    void twoCopies_bothStreamsOrNone() {
        // Records needing two US copies: copy 0 goes to t, copy 1 to u. The stream to t has room for all,
        // the one to u for one record (strict 150 B): the first record gets both copies; the others neither,
        // and the stream to t keeps only the first record's 100 B.
        AggregatedProblem p = problem(1L << 40, 2, videos(100), videos(100), videos(100));

        RecordAssignment assignment = assign(
                p,
                NONE,
                stream(p, part(p, 0, 0), 0, 0, A, T, 1_000, 10, true),
                stream(p, part(p, 0, 1), 0, 0, A, U, 150, 10, true));

        assertThat(assignment.assigned).containsExactly(true, false, false);
        assertThat(assignment.streamBytes).startsWith(100, 100);
        assertThat(assignment.streamOffsets).startsWith(0, 1, 2);
        assertThat(assignment.streamRecords).containsExactly(0, 0);
    }

    @Test
    void spill_inTheLastWave_afterEveryStrictEnd_onTheFirstLargestStream() {
        // Four records of 100 B; strict streams s0 (wave 0, from 0 s, 15 B/s, quota 150 B: ends at 10 s) and
        // s1 (wave 1, from 10 s, 10 B/s, 150 B: ends at 25 s), and s2 (wave 2, from 20 s, 10 B/s, quota 100 B,
        // not strict). Within quota: s0, s1 and s2 take one record each (200 > 150 twice); s2 is full
        // (100 < 100 fails), the strict ones may not round. The last record spills (300 + 100 <= 400 B of
        // quota): on the route and rate of s0 (150 B, the first of the two largest), in s2's wave 2, from 25 s
        // (the latest strict end, after s2's start at 20 s); its quota is what it carries.
        AggregatedProblem p = problem(1L << 40, 1, videos(100), videos(100), videos(100), videos(100));
        int d = part(p, 0, 0);

        RecordAssignment assignment = assign(
                p,
                NONE,
                stream(p, d, 0, 0, A, T, 150, 15, true),
                stream(p, d, 1, 10, A, U, 150, 10, true),
                stream(p, d, 2, 20, A, U, 100, 10, false));

        assertThat(assignment.assigned).containsOnly(true);
        assertThat(assignment.streams).hasSize(4);
        assertThat(assignment.streamBytes).startsWith(100, 100, 100, 100);
        RouteFlow spill = assignment.streams.get(3);
        assertThat(spill.demand()).isEqualTo(d);
        assertThat(spill.wave()).isEqualTo(2);
        assertThat(spill.startSeconds()).isEqualTo(25.0);
        assertThat(spill.source()).isEqualTo(A);
        assertThat(spill.destination()).isEqualTo(T);
        assertThat(spill.bytesPerSecond()).isEqualTo(15.0);
        assertThat(spill.quotaBytes()).isEqualTo(100);
        assertThat(spill.strict()).isFalse();
        assertThat(assignment.streamOffsets).containsExactly(0, 1, 2, 3, 4);
        assertThat(assignment.streamRecords).containsExactly(0, 1, 2, 3);
    }

    @Test
    void spill_lastWaveIsWaveZero_staysInIt() {
        // The same streams all in wave 0 from 0 s (s1 ends at 150 / 10 = 15 s): the spill is in wave 0, the
        // wave of the stream that is not strict, from 15 s.
        AggregatedProblem p = problem(1L << 40, 1, videos(100), videos(100), videos(100), videos(100));
        int d = part(p, 0, 0);

        RecordAssignment assignment = assign(
                p,
                NONE,
                stream(p, d, 0, 0, A, T, 150, 15, true),
                stream(p, d, 0, 0, A, U, 150, 10, true),
                stream(p, d, 0, 0, A, U, 100, 10, false));

        RouteFlow spill = assignment.streams.get(3);
        assertThat(spill.wave()).isZero();
        assertThat(spill.startSeconds()).isEqualTo(15.0);
    }

    @Test
    void spill_neverOnAStreamWithLegs_noneIfThePartHasOnlySuch() {
        // A one-leg stream s0 (quota 150 B, 10 B/s from a) and a larger flow with an earlier leg, its last leg
        // from b (quota 250 B, 7 B/s), both strict. Within quota: s0 one record, the legged flow two (300 >
        // 250); the fourth spills (300 + 100 <= 400) on s0's route and rate, not the larger legged one's.
        AggregatedProblem p = problem(1L << 40, 1, videos(100), videos(100), videos(100), videos(100));
        int d = part(p, 0, 0);

        RecordAssignment both = assign(p, NONE, stream(p, d, 0, 0, A, T, 150, 10, true), legged(p, d, 250));

        assertThat(both.assigned).containsOnly(true);
        RouteFlow spill = both.streams.get(2);
        assertThat(spill.source()).isEqualTo(A);
        assertThat(spill.bytesPerSecond()).isEqualTo(10.0);
    }

    @Test
    void spill_partWithOnlyLeggedFlows_leavesTheRecord() {
        // Two legged flows of 150 B each take one record of 100 B each (200 > 150); the third is within the
        // quotas (200 + 100 <= 300) but has no one-leg stream to spill on, so it stays unassigned.
        AggregatedProblem p = problem(1L << 40, 1, videos(100), videos(100), videos(100));
        int d = part(p, 0, 0);

        RecordAssignment alone = assign(p, NONE, legged(p, d, 150), legged(p, d, 150));

        assertThat(alone.assigned).containsExactly(true, true, false);
        assertThat(alone.streams).hasSize(2);
    }

    /** A strict flow of demand {@code d} that waited at b: a leg a to b in wave 0, then b to t from 10 s at 7 B/s. */
    private static RouteFlow legged(AggregatedProblem p, int d, long quota) {
        return new RouteFlow(
                d,
                1,
                10,
                B,
                T,
                new int[] {p.topology.arcBetween(B, T).getAsInt()},
                quota,
                7,
                true,
                ImmutableList.of(new RouteFlow.Leg(0, 0, A, B, new int[0], 7)));
    }

    @Test
    void lists_manyRecordsAndAnEmptyStream_inStoreOrder() {
        // A record already in t first (nothing to move, no demand), then 40 records of 10 B. Streams: s0
        // (quota 100 B: records 1-10), an empty stream of quota 0, s2 (quota 300 B: records 11-40). The
        // lists grow past their first 16 slots.
        Row[] rows = new Row[41];
        rows[0] = new Row(T, Category.VIDEOS, 10);
        for (int i = 1; i <= 40; i++) {
            rows[i] = videos(10);
        }
        AggregatedProblem p = problem(1L << 40, 1, rows);
        int d = part(p, 1, 0);

        RecordAssignment assignment = assign(
                p,
                NONE,
                stream(p, d, 0, 0, A, T, 100, 10, true),
                stream(p, d, 0, 0, A, U, 0, 10, true),
                stream(p, d, 0, 0, A, U, 300, 10, true));

        assertThat(p.demandOfGroup[p.triage.groups.groupOf(0)]).isEqualTo(-1);
        assertThat(assignment.assigned[0]).isFalse();
        assertThat(assignment.streamOffsets).containsExactly(0, 10, 10, 40);
        int[] expected = new int[40];
        for (int i = 0; i < 40; i++) {
            expected[i] = i + 1;
        }
        assertThat(assignment.streamRecords).containsExactly(expected);
        assertThat(assignment.streamBytes).startsWith(100, 0, 300);
    }

    @Test
    void withinQuota_fillsStreamsExactlyInOrder_beforeAnyRounding() {
        // Streams s1 (quota 200 B) and s2 (quota 500 B), not strict; three records of 100 B. Within quota, s1
        // takes records 0 and 1 (200 <= 200), s2 record 2. Rounding only after that: s1 is full. So s1 holds
        // records 0 and 1, s2 record 2.
        AggregatedProblem p = problem(1L << 40, 1, videos(100), videos(100), videos(100));
        int d = part(p, 0, 0);

        RecordAssignment assignment =
                assign(p, NONE, stream(p, d, 0, 0, A, T, 200, 10, false), stream(p, d, 0, 0, A, U, 500, 10, false));

        assertThat(assignment.streamOffsets).containsExactly(0, 2, 3);
        assertThat(assignment.streamRecords).containsExactly(0, 1, 2);
    }

    @Test
    void withinQuota_beforeRounding_evenWhenRoundingWouldFitFirst() {
        // Streams s1 and s2 of quota 150 B, not strict; three records of 100 B. Within quota: record 0 to s1,
        // record 1 to s2 (200 > 150 in s1), record 2 nowhere; rounding: record 2 to s1 (100 < 150). Rounding
        // first would put records 0 and 1 in s1.
        AggregatedProblem p = problem(1L << 40, 1, videos(100), videos(100), videos(100));
        int d = part(p, 0, 0);

        RecordAssignment assignment =
                assign(p, NONE, stream(p, d, 0, 0, A, T, 150, 10, false), stream(p, d, 0, 0, A, U, 150, 10, false));

        assertThat(assignment.streamOffsets).containsExactly(0, 2, 3);
        assertThat(assignment.streamRecords).containsExactly(0, 2, 1);
    }

    @Test
    void rounding_recordEndingExactlyAtTheCopyDeadline_fits() {
        // From 2 s at 25 B/s, quota 250 B, not strict; copy deadline 14.02 s: 12.02 · 25 = 300.5 B, 300 B
        // rounded down. Within quota two records (300 > 250); rounding takes the third, 300 <= 300.
        AggregatedProblem p = problem(1L << 40, 1, videos(100), videos(100), videos(100));

        RecordAssignment assignment = assign(p, 14.02, stream(p, part(p, 0, 0), 0, 2, A, T, 250, 25, false));

        assertThat(assignment.streamBytes[0]).isEqualTo(300);
    }

    @Test
    void spill_destinationWithExactlyTheRoomLeft_takesIt() {
        // The streams of the spill test above with t holding 200 B: s0 puts record 0 there (100 B left); the
        // spill on s0's route to t needs exactly those 100 B. With 199 B, 99 B are left: no spill.
        Row[] rows = {videos(100), videos(100), videos(100), videos(100)};
        AggregatedProblem exact = problem(200, 1, rows);
        AggregatedProblem tooSmall = problem(199, 1, rows);

        assertThat(spillCase(exact).assigned).containsOnly(true);
        assertThat(spillCase(tooSmall).assigned).containsExactly(true, true, true, false);
    }

    private static RecordAssignment spillCase(AggregatedProblem p) {
        int d = part(p, 0, 0);
        return assign(
                p,
                NONE,
                stream(p, d, 0, 0, A, T, 150, 15, true),
                stream(p, d, 1, 10, A, U, 150, 10, true),
                stream(p, d, 2, 20, A, U, 100, 10, false));
    }
}
