package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.keepIn;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.TransferBatch;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.topology.Link;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The greedy baseline ({@link GreedyPlanner}) on plans worked out by hand: each demand to its nearest
 * allowed site by latency, spilling to the next when storage runs out, the reasons of what cannot move,
 * and max-min fair rates by progressive filling over links, source egress and destination ingest, less
 * the relative margin of 10^-9. A batch of {@code b} bytes at rate {@code r} on a route of latency
 * {@code l} ends at {@code l + b / (r (1 - 10^-9))}.
 */
final class GreedyPlannerTest {

    private static final double BIG = 1e12;
    private static final long LOTS = 1L << 40;

    private static Link link(String a, String b, double bytesPerSecond, long latencyMillis) {
        return Link.symmetric(a, b, new Bandwidth(bytesPerSecond), Duration.ofMillis(latencyMillis), 0.0);
    }

    private static long bytesTo(MigrationPlan plan, Topology topology, String site) {
        int v = topology.indexOf(site).getAsInt();
        return plan.batches().stream()
                .filter(b -> b.destination() == v)
                .mapToLong(TransferBatch::bytes)
                .sum();
    }

    private static double endAt(MigrationPlan plan, Topology topology, String site) {
        int v = topology.indexOf(site).getAsInt();
        return plan.batches().stream()
                .filter(b -> b.destination() == v)
                .mapToDouble(TransferBatch::plannedEndSeconds)
                .max()
                .orElseThrow();
    }

    /** Plans {@code store}'s records under {@code policy} with the greedy baseline. */
    private static MigrationPlan greedy(RecordStore.Builder store, ResidencyPolicy policy) {
        return new GreedyPlanner()
                .plan(PlanningProblem.builder()
                        .store(store.build())
                        .policy(policy)
                        .build());
    }

    private static double end(double latencySeconds, double bytes, double rate) {
        return latencySeconds + bytes / (rate * (1 - 1e-9));
    }

    @Test
    void plan_nearestSiteFull_spillsToTheNextByLatency() {
        // near (10 ms, listed after far) holds 3,000 B, far (50 ms) plenty. sg has 10 records of 1,000 B,
        // sg2 2 records: the demand taken first fills near with 3,000 B, everything else (9,000 B) goes to
        // far. sg's 3,000 B to near, if it is first, end at 0.01 + 3 / (1 - 1e-9) s; far's 7,000 or 10,000 B
        // from sg at 1,000 B/s.
        Topology topology = Topology.of(
                List.of(
                        site("sg", "SG", LOTS, BIG, BIG),
                        site("sg2", "SG", LOTS, BIG, BIG),
                        site("far", "US", LOTS, BIG, BIG),
                        site("near", "US", 3_000, BIG, BIG)),
                List.of(
                        link("sg", "near", 1_000, 10),
                        link("sg", "far", 1_000, 50),
                        link("sg2", "near", 1_000, 10),
                        link("sg2", "far", 1_000, 50)));
        RecordStore.Builder store = RecordStore.builder(topology, 12);
        for (int i = 0; i < 10; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 1_000, false, 0);
        }
        store.add(10, Jurisdiction.US, Category.VIDEOS, 1_000, false, 1);
        store.add(11, Jurisdiction.US, Category.VIDEOS, 1_000, false, 1);
        MigrationPlan plan = greedy(store, keepIn(Jurisdiction.US, Jurisdiction.US));

        assertThat(bytesTo(plan, topology, "near")).isEqualTo(3_000);
        assertThat(bytesTo(plan, topology, "far")).isEqualTo(9_000);
        assertThat(plan.bytesToDeleteByReason()).containsOnlyKeys(DeletionReason.AFTER_MOVE);
        int sg = topology.indexOf("sg").getAsInt();
        for (TransferBatch batch : plan.batches()) {
            double latency = batch.destination() == topology.indexOf("near").getAsInt() ? 0.01 : 0.05;
            assertThat(batch.plannedEndSeconds())
                    .as("%s", batch)
                    .isCloseTo(end(latency, batch.bytes(), 1_000), within(1e-12))
                    .isGreaterThan(latency + batch.bytes() / 1_000.0);
            if (batch.source() == sg) {
                assertThat(batch.bytes()).as("%s", batch).isIn(3_000L, 7_000L, 10_000L);
            }
        }
    }

    @Test
    void plan_noLinkAndNoRoom_deletesWithTheirReasons() {
        // iso has no link: its 500 B record has no route. sg's 10 records of 1,000 B fit 3,000 B at near and
        // 4,000 B at far: 3,000 B lack storage.
        Topology topology = Topology.of(
                List.of(
                        site("sg", "SG", LOTS, BIG, BIG),
                        site("iso", "SG", LOTS, BIG, BIG),
                        site("near", "US", 3_000, BIG, BIG),
                        site("far", "US", 4_000, BIG, BIG)),
                List.of(link("sg", "near", 1_000, 10), link("sg", "far", 1_000, 50)));
        RecordStore.Builder store = RecordStore.builder(topology, 11);
        for (int i = 0; i < 10; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 1_000, false, 0);
        }
        store.add(10, Jurisdiction.US, Category.VIDEOS, 500, false, 1);
        MigrationPlan plan = greedy(store, keepIn(Jurisdiction.US, Jurisdiction.US));

        assertThat(bytesTo(plan, topology, "near")).isEqualTo(3_000);
        assertThat(bytesTo(plan, topology, "far")).isEqualTo(4_000);
        assertThat(plan.bytesToDeleteByReason())
                .containsEntry(DeletionReason.NO_ROUTE, 500L)
                .containsEntry(DeletionReason.NO_STORAGE, 3_000L);
    }

    @Test
    void plan_nearestSiteListedLastAndFullFromTheStart_isSkippedWithoutAStream() {
        // far (US, 30 ms through hub) is listed before near (US, 20 ms through hub), and near is full (its
        // 1,000 B hold a compliant record already): sg's 4,000 B all go to far, nearest first means near is
        // tried first and skipped, with no stream of 0 B towards it sharing sg-hub with far's stream, which
        // gets all 10^4 B/s: 0.03 + 0.4 / (1 - 1e-9) s.
        Topology topology = Topology.of(
                List.of(
                        site("sg", "SG", LOTS, BIG, BIG),
                        site("far", "US", LOTS, BIG, BIG),
                        site("hub", "SG", LOTS, BIG, BIG),
                        site("near", "US", 1_000, BIG, BIG)),
                List.of(
                        link("sg", "hub", 10_000, 10),
                        link("hub", "near", 10_000, 10),
                        link("hub", "far", 10_000, 20)));
        RecordStore.Builder store = RecordStore.builder(topology, 5);
        for (int i = 0; i < 4; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 1_000, false, 0);
        }
        store.add(4, Jurisdiction.US, Category.VIDEOS, 1_000, false, 3);
        MigrationPlan plan = greedy(store, keepIn(Jurisdiction.US, Jurisdiction.US));

        assertThat(bytesTo(plan, topology, "far")).isEqualTo(4_000);
        assertThat(endAt(plan, topology, "far")).isCloseTo(end(0.03, 4_000, 10_000), within(1e-9));
    }

    @Test
    void plan_transitSiteForbidden_neitherChosenNorRoutedThrough() {
        // Data may pass only through SG sites. near (US) hangs off hub (CN): 20 ms away, but only through hub,
        // so it is not reachable. far (US) is 50 ms away directly at 1,000 B/s, or through hub at 10^4 B/s.
        // All 3,000 B go to far on the direct link (one hop): 0.05 + 3 / (1 - 1e-9) s.
        Topology topology = Topology.of(
                List.of(
                        site("sg", "SG", LOTS, BIG, BIG),
                        site("hub", "CN", LOTS, BIG, BIG),
                        site("near", "US", LOTS, BIG, BIG),
                        site("far", "US", LOTS, BIG, BIG)),
                List.of(
                        link("sg", "hub", 10_000, 10),
                        link("hub", "near", 10_000, 10),
                        link("hub", "far", 10_000, 10),
                        link("sg", "far", 1_000, 50)));
        RecordStore.Builder store = RecordStore.builder(topology, 3);
        for (int i = 0; i < 3; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 1_000, false, 0);
        }
        MigrationPlan plan = greedy(
                store, keepIn(Jurisdiction.US, Jurisdiction.US).withTransit(SiteConstraint.in(Jurisdiction.of("SG"))));

        assertThat(bytesTo(plan, topology, "far")).isEqualTo(3_000);
        assertThat(bytesTo(plan, topology, "near")).isZero();
        assertThat(plan.batches()).allSatisfy(b -> assertThat(b.route().hops()).isEqualTo(1));
        assertThat(endAt(plan, topology, "far")).isCloseTo(end(0.05, 3_000, 1_000), within(1e-9));
    }

    /**
     * US data X from sg to hub (US) over sg-hub (1,000 B/s, 10 ms); Canadian data Y from sg through hub to
     * ca over sg-hub and hub-ca (200 B/s, 10 ms). X is 8 records, Y 2 records, of 1,000 B.
     */
    private static MigrationPlan twoStreams(double sgEgress, double hubIngest, Topology[] out) {
        Topology topology = Topology.of(
                List.of(
                        site("sg", "SG", LOTS, BIG, sgEgress),
                        site("hub", "US", LOTS, hubIngest, BIG),
                        site("ca", "CA", LOTS, BIG, BIG)),
                List.of(link("sg", "hub", 1_000, 10), link("hub", "ca", 200, 10)));
        out[0] = topology;
        RecordStore.Builder store = RecordStore.builder(topology, 10);
        for (int i = 0; i < 8; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 1_000, false, 0);
        }
        store.add(8, Jurisdiction.CA, Category.VIDEOS, 1_000, false, 0);
        store.add(9, Jurisdiction.CA, Category.VIDEOS, 1_000, false, 0);
        ResidencyPolicy policy = ResidencyPolicy.of(
                "two",
                Rule.move("us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US)),
                Rule.move("ca", List.of(Jurisdiction.CA), SiteConstraint.in(Jurisdiction.CA)));
        return greedy(store, policy);
    }

    @Test
    void fairShares_sharedLink_fillsProgressively() {
        // Both on sg-hub (500 each), Y alone on hub-ca (200): the first step is 200, and hub-ca is full, so Y
        // stops at 200. X goes on alone on the 600 B/s left of sg-hub: 800. X: 8,000 B / 800 = 10 s after
        // 10 ms; Y: 2,000 B / 200 = 10 s after 20 ms.
        Topology[] topology = new Topology[1];
        MigrationPlan plan = twoStreams(BIG, BIG, topology);

        assertThat(endAt(plan, topology[0], "hub")).isCloseTo(end(0.01, 8_000, 800), within(1e-9));
        assertThat(endAt(plan, topology[0], "ca")).isCloseTo(end(0.02, 2_000, 200), within(1e-9));
    }

    @Test
    void fairShares_sourceEgress_isShared() {
        // sg's egress 600 B/s: the first step is min(600 / 2, 1,000 / 2, 200) = 200, Y stops (hub-ca full);
        // X takes the 200 B/s of egress left: 400. X: 8,000 / 400 = 20 s.
        Topology[] topology = new Topology[1];
        MigrationPlan plan = twoStreams(600, BIG, topology);

        assertThat(endAt(plan, topology[0], "hub")).isCloseTo(end(0.01, 8_000, 400), within(1e-9));
        assertThat(endAt(plan, topology[0], "ca")).isCloseTo(end(0.02, 2_000, 200), within(1e-9));
    }

    @Test
    void fairShares_destinationIngest_isShared() {
        // hub's ingest 500 B/s, which Y also crosses: the first step is min(500 / 2, 1,000 / 2, 200) = 200,
        // Y stops; X takes the 100 B/s of ingest left: 300. X: 8,000 / 300 = 26.67 s.
        Topology[] topology = new Topology[1];
        MigrationPlan plan = twoStreams(BIG, 500, topology);

        assertThat(endAt(plan, topology[0], "hub")).isCloseTo(end(0.01, 8_000, 300), within(1e-9));
        assertThat(endAt(plan, topology[0], "ca")).isCloseTo(end(0.02, 2_000, 200), within(1e-9));
    }
}
