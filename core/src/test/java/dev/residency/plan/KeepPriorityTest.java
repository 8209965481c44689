package dev.residency.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.verify.PlanVerifier;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.topology.Topology;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keep priority decides what short destination storage saves, whatever the order of the store's rows
 * (and so of its groups): on one link into a destination with room for every high-priority record and
 * part of the low-priority ones, every high-priority byte moves and the low-priority bytes moved fit in
 * the room left, for the rows in store order, with every low-priority row first, and shuffled
 * (which whole low-priority records fill the rest may differ). Expectation by hand: the solver reserves storage for the
 * higher class first, and record assignment may not hand that room to the lower class.
 */
final class KeepPriorityTest {

    static Stream<Arguments> cases() {
        return Planners.names().stream()
                .flatMap(name -> LongStream.range(0, 20).mapToObj(seed -> Arguments.of(name, seed)));
    }

    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("cases")
    void plan_shuffledRows_keepsTheSameCategories(String planner, long seed) {
        Random rng = new Random(seed);
        List<long[]> rows = new ArrayList<>(); // {category 0 = videos (priority 10) or 1 = logs (1), bytes}
        long videos = 0;
        long logs = 0;
        for (int i = 0; i < 10 + rng.nextInt(30); i++) {
            long bytes = 100 + rng.nextInt(5_000);
            rows.add(new long[] {0, bytes});
            videos += bytes;
        }
        for (int i = 0; i < 10 + rng.nextInt(30); i++) {
            long bytes = 100 + rng.nextInt(5_000);
            rows.add(new long[] {1, bytes});
            logs += bytes;
        }
        // Room for every video and a random part of the logs, never all of them.
        long storage = videos + (long) (rng.nextDouble() * (logs - 5_000));
        for (int shuffle = 0; shuffle < 4; shuffle++) {
            if (shuffle == 1) {
                rows.sort((a, b) -> Long.compare(b[0], a[0])); // every log first
            } else if (shuffle > 1) {
                Collections.shuffle(rows, rng);
            }
            long[] moved = movedPerCategory(planner, rows, storage);
            assertThat(moved[0])
                    .as("%s seed %s shuffle %s: video bytes moved", planner, seed, shuffle)
                    .isEqualTo(videos);
            assertThat(moved[1])
                    .as("%s seed %s shuffle %s: log bytes moved within the storage left", planner, seed, shuffle)
                    .isLessThanOrEqualTo(storage - videos);
        }
    }

    private static boolean isVideo(RecordStore store, int record) {
        return store.categories().get(store.categoryIndex(record)).equals(Category.VIDEOS);
    }

    /** 250 seeds for each planner: 500 random instances, each shuffled twice. */
    static LongStream randomSeeds() {
        return LongStream.range(0, 250);
    }

    /**
     * The same promise on random topologies with gates: 3 to 5 sites, one US destination, videos
     * (priority 10) and logs (priority 1) of US users at the other sites, links of 100 to 1,000 B/s,
     * sometimes an approval gate, a late destination and a maintenance window (which delay but do not
     * shrink what fits); the destination has room for every video and a random part of the logs. For
     * the rows in order, every log first, and shuffled twice (rows and so groups), every video byte
     * moves and the log bytes moved fit in the room left. Seed 11 of the flow planner once failed: the
     * videos' quota was split over strict streams that whole records could not fill (quotas 2,320 and
     * 2,175 B for videos of 1,833, 1,668 and 994 B), the video left over was deleted, and the logs'
     * last-wave overshoot took its room; record assignment now spills such records after the strict
     * streams, highest priority first ({@code RecordAssignmentTest}).
     */
    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("randomCases")
    void plan_randomTopologyShuffledRows_keepsEveryVideo(String planner, long seed) {
        PlanningProblem problem = randomProblem(seed);
        RecordStore original = problem.store();
        long videos = 0;
        for (int i = 0; i < original.size(); i++) {
            videos += original.categories().get(original.categoryIndex(i)).equals(Category.VIDEOS)
                    ? original.bytes(i)
                    : 0;
        }
        long storage = original.topology().site(0).storage().bytes();
        List<String> broken = new ArrayList<>();
        for (int shuffle = 0; shuffle < 3; shuffle++) {
            PlanningProblem order = shuffle == 0 ? problem : HardInstances.shuffled(problem, seed * 31 + shuffle);
            MigrationPlan plan = Planners.byName(planner).plan(order);
            long[] moved = new long[2];
            RecordStore store = order.store();
            plan.batches().forEach(b -> b.records().forEach(r -> moved[isVideo(store, r) ? 0 : 1] += store.bytes(r)));
            assertThat(PlanVerifier.verify(plan, order).isValid())
                    .as("%s seed %s shuffle %s: valid", planner, seed, shuffle)
                    .isTrue();
            if (moved[0] != videos || moved[1] > storage - videos) {
                broken.add(String.format(
                        "shuffle %d: %d of %d video bytes moved, %d log bytes in the %d left",
                        shuffle, moved[0], videos, moved[1], storage - videos));
            }
        }
        assertThat(broken).as("%s seed %s", planner, seed).isEmpty();
    }

    /** The random instance of {@link #plan_randomTopologyShuffledRows_keepsEveryVideo}; site 0 is the destination. */
    static PlanningProblem randomProblem(long seed) {
        Random rng = new Random(seed);
        int n = 3 + rng.nextInt(3);
        String[] others = {"SG", "IE", "CA"};
        List<long[]> rows = new ArrayList<>(); // {category 0 = videos or 1 = logs, bytes, site}
        long videos = 0;
        long logs = 0;
        for (int i = 0; i < 10 + rng.nextInt(40); i++) {
            int category = rng.nextInt(2);
            long bytes = 100 + rng.nextInt(3_000);
            rows.add(new long[] {category, bytes, 1 + rng.nextInt(n - 1)});
            videos += category == 0 ? bytes : 0;
            logs += category == 1 ? bytes : 0;
        }
        long storage = videos + (long) (rng.nextDouble() * Math.max(0, logs - 3_100));
        List<dev.residency.topology.DataCenter> sites = new ArrayList<>();
        sites.add(PlanFixtures.site("us", "US", storage));
        for (int v = 1; v < n; v++) {
            sites.add(PlanFixtures.site("s" + v, others[rng.nextInt(others.length)], 10_000_000L));
        }
        List<dev.residency.topology.Link> links = new ArrayList<>();
        for (int v = 1; v < n; v++) {
            int u = rng.nextInt(v);
            links.add(PlanFixtures.link(u == 0 ? "us" : "s" + u, "s" + v, 100 + rng.nextInt(900), 0.01));
        }
        Topology topology = Topology.of(sites, links);
        PlanOptions.Builder options = PlanOptions.builder()
                .targetBatchBytes(1 + rng.nextInt(10_000))
                .timeStep(java.time.Duration.ofSeconds(1 + rng.nextInt(10)));
        if (rng.nextBoolean()) {
            options.approvalAt(Jurisdiction.US, java.time.Duration.ofSeconds(rng.nextInt(100)));
        }
        if (rng.nextBoolean()) {
            options.siteReadyAt("us", java.time.Duration.ofSeconds(rng.nextInt(100)));
        }
        if (rng.nextBoolean()) {
            var l = links.get(rng.nextInt(links.size()));
            int start = rng.nextInt(50);
            options.maintenance(new LinkWindow(
                    l.from(),
                    l.to(),
                    java.time.Duration.ofSeconds(start),
                    java.time.Duration.ofSeconds(start + 1 + rng.nextInt(50))));
        }
        RecordStore.Builder builder = RecordStore.builder(topology, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            long[] row = rows.get(i);
            builder.add(i, Jurisdiction.US, row[0] == 0 ? Category.VIDEOS : Category.LOGS, row[1], false, (int) row[2]);
        }
        PlanningProblem problem = PlanningProblem.builder()
                .store(builder.build())
                .policy(new ResidencyPolicy(
                        "us-in-us",
                        ImmutableList.of(
                                Rule.move("us-in-us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US))),
                        SiteConstraint.ANY,
                        ImmutableMap.of("videos", 10, "logs", 1)))
                .options(options.build())
                .build();
        return problem;
    }

    static Stream<Arguments> randomCases() {
        return Planners.names().stream().flatMap(name -> randomSeeds().mapToObj(seed -> Arguments.of(name, seed)));
    }

    private static long[] movedPerCategory(String planner, List<long[]> rows, long storage) {
        Topology topology = Topology.of(
                List.of(PlanFixtures.site("sg", "SG", 10_000_000L), PlanFixtures.site("us", "US", storage)),
                List.of(PlanFixtures.link("sg", "us", 1_000, 0.02)));
        RecordStore.Builder builder = RecordStore.builder(topology, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            long[] row = rows.get(i);
            builder.add(i, Jurisdiction.US, row[0] == 0 ? Category.VIDEOS : Category.LOGS, row[1], false, 0);
        }
        RecordStore store = builder.build();
        ResidencyPolicy policy = new ResidencyPolicy(
                "us-in-us",
                ImmutableList.of(Rule.move("us-in-us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US))),
                SiteConstraint.ANY,
                ImmutableMap.of("videos", 10, "logs", 1));
        MigrationPlan plan = Planners.byName(planner)
                .plan(PlanningProblem.builder()
                        .store(store)
                        .policy(policy)
                        .options(PlanOptions.builder()
                                .targetBatchBytes(10_000)
                                .timeStep(java.time.Duration.ofSeconds(1))
                                .build())
                        .build());
        long[] moved = new long[2];
        for (TransferBatch batch : plan.batches()) {
            for (int k = 0; k < batch.records().length(); k++) {
                int record = batch.records().get(k);
                moved[store.categories().get(store.categoryIndex(record)).equals(Category.VIDEOS) ? 0 : 1] +=
                        store.bytes(record);
            }
        }
        return moved;
    }
}
