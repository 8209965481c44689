package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.LinkWindow;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.internal.flow.MaxFlow;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.topology.Link;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The time-expanded network of one hand-made instance, its capacities, nodes, arcs and maximum flows
 * worked out by hand.
 *
 * <p>Instance: sites s (SG; ingest 700 B/s, egress 100 B/s, 100,000 B), j (JP; ingest 900, egress 800,
 * storage given per test) and t (US; ingest 600, egress 50, 20,000 B), indexed 0, 1, 2. Links s-j (arc 0
 * s→j 1,000 B/s, arc 1 j→s 400 B/s, 0.02 USD/GiB) and j-t (arc 2 j→t 1,000 B/s, arc 3 t→j 300 B/s, free).
 * One US record of 5,000 B at s, which must end in the US (t); transit only through JP and the US, j a
 * staging site. Time step 10 s; s is ready at 10 s (only its ingest waits for that) and j-t is down for
 * maintenance over [0, 20 s). So the timeline's intervals are [0, 10), [10, 20), [20, ∞); unit = 1 B; s
 * has 95,000 B free.
 *
 * <p>Flow up to 30 s: s can send 100 B/s · 10 s = 1,000 B per interval (its egress binds). What leaves in
 * intervals 0 and 1 can only reach t by waiting at j for j-t to open in interval 2 (each wait enters j's
 * waiting room once), so 3,000 B arrive if j may stage 2,000 B; with 1,500 B of storage at j only 2,500
 * B.
 */
final class TimeExpandedNetworkStructureTest {

    private static AggregatedProblem problem(long storageAtJ) {
        return problem(storageAtJ, Duration.ZERO, 0);
    }

    private static AggregatedProblem problem(long storageAtJ, Duration approval, long usedAtJ) {
        PlanOptions.Builder options = PlanOptions.builder()
                .timeStep(Duration.ofSeconds(10))
                .siteReadyAt("s", Duration.ofSeconds(10))
                .maintenance(new LinkWindow("j", "t", Duration.ZERO, Duration.ofSeconds(20)));
        if (usedAtJ > 0) {
            options.usedBytesOutsideStore("j", usedAtJ);
        }
        if (!approval.isZero()) {
            options.approvalAt(Jurisdiction.US, approval);
        }
        return problem(storageAtJ, options.build());
    }

    private static AggregatedProblem problem(long storageAtJ, PlanOptions options) {
        Topology topology = Topology.of(
                List.of(
                        site("s", "SG", 100_000, 700, 100),
                        site("j", "JP", storageAtJ, 900, 800),
                        site("t", "US", 20_000, 600, 50)),
                List.of(
                        new Link("s", "j", new Bandwidth(1_000), new Bandwidth(400), Duration.ofMillis(10), 0.02),
                        new Link("j", "t", new Bandwidth(1_000), new Bandwidth(300), Duration.ofMillis(10), 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 1);
        store.add(0, Jurisdiction.US, Category.VIDEOS, 5_000, false, 0);
        ResidencyPolicy policy = ResidencyPolicy.of(
                        "us", Rule.move("us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US)))
                .withTransit(SiteConstraint.in(Jurisdiction.of("JP")))
                .withStaging(List.of("j"));
        return AggregatedProblem.of(PlanningProblem.builder()
                .store(store.build())
                .policy(policy)
                .options(options)
                .build());
    }

    private static final boolean[] ALL = {true};
    private static final long[] UNITS = {5_000};
    /** The solver's bound on any capacity: the units plus one. */
    private static final long TOTAL = 5_001;

    @Test
    void intervalsBefore_countsStartsStrictlyBeforeTheHorizon_atLeastOne() {
        Timeline timeline = problem(1_500).timeline;

        assertThat(timeline.starts).containsExactly(0.0, 10.0, 20.0);
        assertThat(TimeExpandedNetwork.intervalsBefore(timeline, 0)).isOne();
        assertThat(TimeExpandedNetwork.intervalsBefore(timeline, 10)).isOne();
        assertThat(TimeExpandedNetwork.intervalsBefore(timeline, 10.5)).isEqualTo(2);
        assertThat(TimeExpandedNetwork.intervalsBefore(timeline, 20)).isEqualTo(2);
        assertThat(TimeExpandedNetwork.intervalsBefore(timeline, Double.POSITIVE_INFINITY))
                .isEqualTo(3);
    }

    @Test
    void counts_nodesAndResources_byHand() {
        AggregatedProblem p = problem(1_500);

        // 3 intervals: 3 · 3 · 3 = 27 site nodes, 3 storage nodes, 1 demand, source and sink = 33.
        assertThat(TimeExpandedNetwork.nodeCount(p, 3)).isEqualTo(33);
        assertThat(TimeExpandedNetwork.nodeCount(p, 1)).isEqualTo(9 + 3 + 1 + 2);
        // Per interval 4 link arcs, 3 ingest and 3 egress; then 3 storage resources: 3 · 10 + 3.
        assertThat(TimeExpandedNetwork.resourceCount(p, 3)).isEqualTo(33);
        assertThat(TimeExpandedNetwork.resourceCount(p, 1)).isEqualTo(13);
    }

    @Test
    void capacities_perIntervalLinkIngestEgressThenStorage() {
        AggregatedProblem p = problem(1_500);

        // Horizon 25 s: lengths 10, 10 and 5 s. Per interval: arcs 0-3, ingest s j t, egress s j t.
        assertThat(TimeExpandedNetwork.capacities(p, 25, false, 1L << 40))
                .containsExactly(
                        // [0, 10): j-t down, s not ready.
                        10_000,
                        4_000,
                        0,
                        0,
                        0,
                        9_000,
                        6_000,
                        1_000,
                        8_000,
                        500,
                        // [10, 20): j-t down, s ready.
                        10_000,
                        4_000,
                        0,
                        0,
                        7_000,
                        9_000,
                        6_000,
                        1_000,
                        8_000,
                        500,
                        // [20, 25): every link up, 5 s.
                        5_000,
                        2_000,
                        5_000,
                        1_500,
                        3_500,
                        4_500,
                        3_000,
                        500,
                        4_000,
                        250,
                        // free storage: s 100,000 - 5,000; j; t.
                        95_000,
                        1_500,
                        20_000);
    }

    @Test
    void capacities_fractionalUnits_roundedDownOrUpWhenRelaxed() {
        AggregatedProblem p = problem(1_500);

        // Horizon 25.25 s: the last interval is 5.25 s long; only t's egress is fractional, 50 · 5.25 =
        // 262.5 B (resource 2 · 10 + 9 = 29): 262 rounded down, 263 up. The rest is whole: 1,000 · 5.25 =
        // 5,250, 400 · 5.25 = 2,100, 300 · 5.25 = 1,575, 700 · 5.25 = 3,675, ...
        long[] down = TimeExpandedNetwork.capacities(p, 25.25, false, 1L << 40);
        long[] up = TimeExpandedNetwork.capacities(p, 25.25, true, 1L << 40);

        assertThat(Arrays.copyOfRange(down, 20, 30))
                .containsExactly(5_250, 2_100, 5_250, 1_575, 3_675, 4_725, 3_150, 525, 4_200, 262);
        assertThat(Arrays.copyOfRange(up, 20, 30))
                .containsExactly(5_250, 2_100, 5_250, 1_575, 3_675, 4_725, 3_150, 525, 4_200, 263);
        assertThat(Arrays.copyOfRange(up, 0, 20)).containsExactly(Arrays.copyOfRange(down, 0, 20));
    }

    @Test
    void capacities_infiniteHorizon_capsEveryCapacityAtTheUnbounded() {
        AggregatedProblem p = problem(1_500);

        // Unbounded 7,000: the last interval never ends, so all of it is 7,000 (a closed resource would stay
        // 0, none is closed then); elsewhere everything of at least 7,000 is capped.
        assertThat(TimeExpandedNetwork.capacities(p, Double.POSITIVE_INFINITY, false, 7_000))
                .containsExactly(
                        7_000, 4_000, 0, 0, 0, 7_000, 6_000, 1_000, 7_000, 500, 7_000, 4_000, 0, 0, 7_000, 7_000, 6_000,
                        1_000, 7_000, 500, 7_000, 7_000, 7_000, 7_000, 7_000, 7_000, 7_000, 7_000, 7_000, 7_000, 7_000,
                        1_500, 7_000);
    }

    @Test
    void costUnits_tenthsOfACentPerGiBTimesSixteenPlusOnePerHop() {
        Topology topology = problem(1_500).topology;

        // 0.02 USD/GiB = 20 tenths of a cent: 20 · 16 + 1 = 321; a free link costs 1 per hop.
        assertThat(TimeExpandedNetwork.costUnits(topology, 0)).isEqualTo(321);
        assertThat(TimeExpandedNetwork.costUnits(topology, 1)).isEqualTo(321);
        assertThat(TimeExpandedNetwork.costUnits(topology, 2)).isOne();
    }

    @Test
    void build_nodesArcsAndTheirResources() {
        AggregatedProblem p = problem(1_500);
        long[] capacity = TimeExpandedNetwork.capacities(p, 30, false, TOTAL);

        TimeExpandedNetwork ten = TimeExpandedNetwork.build(p, 30, ALL, UNITS, capacity, false, true);

        assertThat(ten.intervals).isEqualTo(3);
        assertThat(ten.horizon).isEqualTo(30.0);
        // 33 nodes and a waiting room per interval at every site (j stages): 33 + 9.
        assertThat(ten.network.nodeCount()).isEqualTo(42);
        assertThat(ten.source).isEqualTo(31);
        assertThat(ten.sink).isEqualTo(32);
        assertThat(ten.in(1, 2)).isEqualTo(15);
        assertThat(ten.core(1, 2)).isEqualTo(16);
        assertThat(ten.out(1, 2)).isEqualTo(17);
        assertThat(ten.storageSite(27)).isZero();
        assertThat(ten.storageSite(29)).isEqualTo(2);
        assertThat(ten.storageSite(26)).isEqualTo(-1);
        assertThat(ten.storageSite(30)).isEqualTo(-1);
        assertThat(ten.length(0)).isEqualTo(10.0);
        assertThat(ten.length(2)).isEqualTo(10.0);
        assertThat(holdoverCapacities(ten)).hasSize(2);

        // Link arcs: s may only be left (a source, no transit), so never entered: j→s is missing. s→j in
        // every interval; j→t and t→j only once j-t is up: 5 link arcs, each on resource 10 i + a.
        int links = 0;
        int holdovers = 0;
        for (int k = 0; k < ten.arcResource.length; k++) {
            int a = ten.arcTopology[k];
            int i = ten.arcInterval[k];
            if (a >= 0) {
                links++;
                assertThat(a).as("arc %s", k).isNotEqualTo(1);
                assertThat(ten.arcResource[k]).as("arc %s", k).isEqualTo(10 * i + a);
                assertThat(i == 2 || a == 0).as("arc %s", k).isTrue();
                assertThat(ten.network.cost(2 * k)).isEqualTo(a == 0 ? 321 : 1);
                assertThat(ten.network.tail(2 * k)).isEqualTo(ten.out(i, p.topology.arcFrom(a)));
                assertThat(ten.network.head(2 * k)).isEqualTo(ten.in(i, p.topology.arcTo(a)));
            } else if (a == TimeExpandedNetwork.HOLDOVER) {
                holdovers++;
                // Into j's waiting room of the next interval, on j's storage resource 3 · 10 + 1.
                assertThat(ten.arcResource[k]).isEqualTo(31);
                assertThat(ten.network.tail(2 * k)).isEqualTo(ten.core(i, 1));
                assertThat(ten.network.capacity(2 * k)).isEqualTo(1_500);
            }
        }
        assertThat(links).isEqualTo(5);
        assertThat(holdovers).isEqualTo(2);
        assertThat(ten.demandArc[0]).isNotNegative();
        assertThat(ten.network.tail(ten.demandArc[0])).isEqualTo(ten.source);
        assertThat(ten.network.capacity(ten.demandArc[0])).isEqualTo(5_000);
    }

    @Test
    void build_noIngestArcWhileASiteIsNotReady_noEgressArcAtAPlainSite() {
        AggregatedProblem p = problem(1_500);
        long[] capacity = TimeExpandedNetwork.capacities(p, 30, false, TOTAL);

        TimeExpandedNetwork ten = TimeExpandedNetwork.build(p, 30, ALL, UNITS, capacity, false, true);

        // in→core arcs: s is no transit site (none at all), j and t in every interval: 6, on resource 10 i + 4 +
        // v. core→out arcs: s (a source), j and t (transit) in every interval: 9, on resource 10 i + 7 + v.
        int ingest = 0;
        int egress = 0;
        int storage = 0;
        for (int k = 0; k < ten.arcResource.length; k++) {
            int tail = ten.network.tail(2 * k);
            int head = ten.network.head(2 * k);
            int i = ten.arcInterval[k];
            for (int v = 0; v < 3; v++) {
                if (i >= 0 && tail == ten.in(i, v) && head == ten.core(i, v)) {
                    ingest++;
                    assertThat(v).isNotZero();
                    assertThat(ten.arcResource[k]).isEqualTo(10 * i + 4 + v);
                }
                if (i >= 0 && tail == ten.core(i, v) && head == ten.out(i, v)) {
                    egress++;
                    assertThat(ten.arcResource[k]).isEqualTo(10 * i + 7 + v);
                    assertThat(ten.network.capacity(2 * k)).isEqualTo(capacity[10 * i + 7 + v]);
                }
            }
            if (ten.storageSite(head) >= 0 && ten.storageSite(tail) < 0) {
                // core(i, t) → storage(t), only at the destination t, one per interval.
                storage++;
                assertThat(tail).isEqualTo(ten.core(i, 2));
                assertThat(ten.arcResource[k]).isEqualTo(-1);
            }
            if (head == ten.sink) {
                assertThat(tail).isEqualTo(29);
                assertThat(ten.arcResource[k]).isEqualTo(32);
                assertThat(ten.arcInterval[k]).isEqualTo(-1);
                assertThat(ten.network.capacity(2 * k)).isEqualTo(TOTAL);
            }
        }
        assertThat(ingest).isEqualTo(6);
        assertThat(egress).isEqualTo(9);
        assertThat(storage).isEqualTo(3);
    }

    @Test
    void maxFlow_stagingWithinStorage_keepsTheFlowAndSharesTheRestOfTheRoom() {
        // j has 2,500 B: the two stays of 1,000 B fit; each arc into the room keeps its 1,000 B plus half of
        // the 500 B left, 1,250, and the flow is not cleared.
        Staged staged = stagedOnce(2_500);
        TimeExpandedNetwork ten = staged.ten();
        long[] capacity = staged.capacity();

        assertThat(ten.limitStaging(capacity)).isFalse();

        assertThat(ten.demandFlow(0)).isEqualTo(3_000);
        assertThat(holdoverCapacities(ten)).containsExactly(1_250L, 1_250L);
    }

    @Test
    void maxFlow_stagingBeyondStorage_capsTheRoomAndClearsTheFlow() {
        // j has 1,500 B: the max-flow stages 1,000 + 1,000 B there (each arc alone is within 1,500). Each arc
        // is capped at 1,000 · 1,500 / 2,000 = 750 and the flow cleared; routed again, 750 + 750 B wait and
        // 1,000 B go straight through in interval 2: 2,500 B. Checked again, the room holds exactly its
        // 1,500 B, so nothing changes.
        Staged staged = stagedOnce(1_500);
        TimeExpandedNetwork ten = staged.ten();
        long[] capacity = staged.capacity();

        assertThat(ten.limitStaging(capacity)).isTrue();
        assertThat(ten.demandFlow(0)).isZero();
        assertThat(holdoverCapacities(ten)).containsExactly(750L, 750L);

        assertThat(MaxFlow.augment(ten.network, ten.source, ten.sink)).isEqualTo(2_500);
        assertThat(ten.limitStaging(capacity)).isFalse();
        assertThat(ten.demandFlow(0)).isEqualTo(2_500);
        assertThat(holdoverCapacities(ten)).containsExactly(750L, 750L);
    }

    @Test
    void maxFlow_roomRoundedDown_whenTheStaysDoNotDivideIt() {
        // j has 1,001 B: 1,000 · 1,001 / 2,000 = 500.5, rounded down to 500 per arc; routed again 2,000 B.
        Staged staged = stagedOnce(1_001);
        TimeExpandedNetwork ten = staged.ten();

        assertThat(ten.limitStaging(staged.capacity())).isTrue();

        assertThat(holdoverCapacities(ten)).containsExactly(500L, 500L);
        assertThat(MaxFlow.augment(ten.network, ten.source, ten.sink)).isEqualTo(2_000);
    }

    @Test
    void relaxed_waitsAtEverySiteWithoutAWaitingRoom() {
        // The relaxed network has no waiting rooms (33 nodes) but holdover core(i, v)→core(i + 1, v) at all
        // three sites (2 · 3 arcs, unlimited): s's 1,000 B per interval all arrive, storage at j or not.
        AggregatedProblem p = problem(1_500);
        long[] capacity = TimeExpandedNetwork.capacities(p, 30, true, TOTAL);
        TimeExpandedNetwork ten = TimeExpandedNetwork.build(p, 30, ALL, UNITS, capacity, true, true);

        assertThat(ten.network.nodeCount()).isEqualTo(33);
        assertThat(holdoverCapacities(ten)).isEmpty();
        assertThat(ten.limitStaging(capacity)).isFalse();
        int waits = 0;
        for (int k = 0; k < ten.arcResource.length; k++) {
            int tail = ten.network.tail(2 * k);
            int head = ten.network.head(2 * k);
            for (int v = 0; v < 3; v++) {
                for (int i = 0; i + 1 < 3; i++) {
                    if (tail == ten.core(i, v) && head == ten.core(i + 1, v)) {
                        waits++;
                        assertThat(ten.network.capacity(2 * k)).isEqualTo(TOTAL);
                    }
                }
            }
        }
        assertThat(waits).isEqualTo(6);
        assertThat(MaxFlow.augment(ten.network, ten.source, ten.sink)).isEqualTo(3_000);
    }

    @Test
    void stagingSite_oneIntervalOrNoStorage_hasNoWaitingRoom() {
        // Up to 10 s there is one interval: nothing to wait for. With j's 1,500 B all used by other data,
        // nothing can wait.
        AggregatedProblem p = problem(1_500);
        TimeExpandedNetwork one = TimeExpandedNetwork.build(
                p, 10, ALL, UNITS, TimeExpandedNetwork.capacities(p, 10, false, TOTAL), false, true);
        AggregatedProblem full = problem(1_500, Duration.ZERO, 1_500);
        TimeExpandedNetwork none = TimeExpandedNetwork.build(
                full, 30, ALL, UNITS, TimeExpandedNetwork.capacities(full, 30, false, TOTAL), false, true);

        assertThat(holdoverCapacities(one)).isEmpty();
        assertThat(one.network.nodeCount()).isEqualTo(9 + 3 + 1 + 2);
        assertThat(holdoverCapacities(none)).isEmpty();
        assertThat(none.network.nodeCount()).isEqualTo(33);
        // Without a room, only interval 2's 1,000 B arrive.
        assertThat(MaxFlow.augment(none.network, none.source, none.sink)).isEqualTo(1_000);
    }

    @Test
    void demandArcs_closedUntilOpened_noneForANeedOfZero() {
        AggregatedProblem p = problem(2_500);
        long[] capacity = TimeExpandedNetwork.capacities(p, 30, false, TOTAL);

        TimeExpandedNetwork closed = TimeExpandedNetwork.build(p, 30, ALL, UNITS, capacity, false, false);
        TimeExpandedNetwork nothing = TimeExpandedNetwork.build(p, 30, ALL, new long[] {0}, capacity, false, true);
        TimeExpandedNetwork other =
                TimeExpandedNetwork.build(p, 30, new boolean[] {false}, UNITS, capacity, false, true);

        assertThat(closed.network.capacity(closed.demandArc[0])).isZero();
        assertThat(MaxFlow.augment(closed.network, closed.source, closed.sink)).isZero();
        closed.network.setCapacity(closed.demandArc[0], 2_200);
        assertThat(MaxFlow.augment(closed.network, closed.source, closed.sink)).isEqualTo(2_200);
        assertThat(nothing.demandArc).containsExactly(-1);
        assertThat(nothing.demandFlow(0)).isZero();
        assertThat(MaxFlow.augment(nothing.network, nothing.source, nothing.sink))
                .isZero();
        assertThat(other.demandArc).containsExactly(-1);
        assertThat(other.demandFlow(0)).isZero();
    }

    @Test
    void entryCapacity_capsWhatADemandEntersPerInterval() {
        // At most 400 B enter s per interval: 3 · 400 = 1,200 B (staging 800 B at j is within its 2,500 B).
        AggregatedProblem p = problem(2_500);
        long[] capacity = TimeExpandedNetwork.capacities(p, 30, false, TOTAL);

        TimeExpandedNetwork ten = TimeExpandedNetwork.build(p, 30, ALL, UNITS, capacity, null, null, 400);

        assertThat(MaxFlow.augment(ten.network, ten.source, ten.sink)).isEqualTo(1_200);
    }

    @Test
    void release_demandEntersFromItsApprovalInterval() {
        // US approval at 10 s: the demand enters s from interval 1 on, so 2 · 1,000 B.
        AggregatedProblem p = problem(2_500, Duration.ofSeconds(10), 0);
        long[] capacity = TimeExpandedNetwork.capacities(p, 30, false, TOTAL);

        TimeExpandedNetwork ten = TimeExpandedNetwork.build(p, 30, ALL, UNITS, capacity, false, true);

        assertThat(p.timeline.starts).containsExactly(0.0, 10.0, 20.0);
        assertThat(MaxFlow.augment(ten.network, ten.source, ten.sink)).isEqualTo(2_000);
    }

    @Test
    void arrivalAndDemandCosts_onTheArcsIntoStorageAndFromTheSource() {
        AggregatedProblem p = problem(2_500);
        long[] capacity = TimeExpandedNetwork.capacities(p, 30, false, TOTAL);

        TimeExpandedNetwork ten = TimeExpandedNetwork.build(
                p, 30, ALL, UNITS, capacity, new long[] {7, 11, 13}, new long[] {5}, Long.MAX_VALUE);

        assertThat(ten.network.cost(ten.demandArc[0])).isEqualTo(5);
        assertThat(ten.network.capacity(ten.demandArc[0])).isEqualTo(5_000);
        for (int i = 0; i < 3; i++) {
            boolean found = false;
            for (int k = 0; k < ten.arcResource.length; k++) {
                if (ten.network.tail(2 * k) == ten.core(i, 2) && ten.network.head(2 * k) == 29) {
                    assertThat(ten.network.cost(2 * k)).isEqualTo(new long[] {7, 11, 13}[i]);
                    assertThat(ten.network.capacity(2 * k)).isEqualTo(TOTAL);
                    found = true;
                }
            }
            assertThat(found).as("interval %s", i).isTrue();
        }
    }

    @Test
    void waitingRoom_leftOnlyInALaterInterval_neverAnEarlierOne() {
        // s-j up only over [20, 30), j-t only over [10, 20): data reaches j at 20 s at the earliest and can
        // wait there for later intervals only, when j-t is down, so up to 40 s (four intervals) nothing
        // arrives, though j may stage 1,500 B in each of the three arcs into its room.
        AggregatedProblem p = problem(
                1_500,
                PlanOptions.builder()
                        .timeStep(Duration.ofSeconds(10))
                        .maintenance(new LinkWindow("s", "j", Duration.ZERO, Duration.ofSeconds(20)))
                        .maintenance(new LinkWindow("s", "j", Duration.ofSeconds(30), Duration.ofSeconds(1_000)))
                        .maintenance(new LinkWindow("j", "t", Duration.ZERO, Duration.ofSeconds(10)))
                        .maintenance(new LinkWindow("j", "t", Duration.ofSeconds(20), Duration.ofSeconds(1_000)))
                        .build());
        long[] capacity = TimeExpandedNetwork.capacities(p, 40, false, TOTAL);

        TimeExpandedNetwork ten = TimeExpandedNetwork.build(p, 40, ALL, UNITS, capacity, false, true);

        assertThat(ten.intervals).isEqualTo(4);
        assertThat(holdoverCapacities(ten)).containsExactly(1_500L, 1_500L, 1_500L);
        assertThat(MaxFlow.augment(ten.network, ten.source, ten.sink)).isZero();
    }

    /** A network up to 30 s with {@code storageAtJ} at j, and its capacities. */
    private record Staged(TimeExpandedNetwork ten, long[] capacity) {}

    /**
     * Returns the network up to 30 s with {@code storageAtJ} at j after one maximum flow, which stages 1,000 B
     * at j in each of intervals 0 and 1 (each arc into the room alone within 1,001 B or more) and delivers
     * 3,000 B.
     */
    private static Staged stagedOnce(long storageAtJ) {
        AggregatedProblem p = problem(storageAtJ);
        long[] capacity = TimeExpandedNetwork.capacities(p, 30, false, TOTAL);
        TimeExpandedNetwork ten = TimeExpandedNetwork.build(p, 30, ALL, UNITS, capacity, false, true);
        assertThat(MaxFlow.augment(ten.network, ten.source, ten.sink)).isEqualTo(3_000);
        return new Staged(ten, capacity);
    }

    private static long[] holdoverCapacities(TimeExpandedNetwork ten) {
        return IntStream.range(0, ten.arcTopology.length)
                .filter(k -> ten.arcTopology[k] == TimeExpandedNetwork.HOLDOVER)
                .mapToLong(k -> ten.network.capacity(2 * k))
                .toArray();
    }
}
