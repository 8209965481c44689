package dev.residency.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
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
