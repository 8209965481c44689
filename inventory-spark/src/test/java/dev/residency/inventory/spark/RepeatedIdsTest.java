package dev.residency.inventory.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The duplicate-id finder gives the smallest id that appears more than once, as a naive count of
 * every id does: per sorted partition over random ids (none, one or many repeats, extreme values),
 * and over a Spark frame spread over 4 partitions.
 */
final class RepeatedIdsTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void smallestRepeat_randomSortedIds_matchesNaiveCount(long seed) throws Exception {
        Random random = new Random(seed);
        int n = random.nextInt(40);
        // A small range makes repeats likely, a wide one rare; extremes reach Long's bounds.
        long range = random.nextBoolean() ? 1 + random.nextInt(30) : Long.MAX_VALUE;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = range == Long.MAX_VALUE ? random.nextLong() : random.nextInt((int) range) - range / 2;
            ids.add(random.nextInt(10) == 0 ? (random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE) : id);
        }
        Collections.sort(ids);
        OptionalLong expected = naiveSmallestRepeat(ids);
        List<Long> got = new ArrayList<>();
        new RepeatedIds.SmallestRepeat().call(ids.iterator()).forEachRemaining(got::add);
        assertThat(got)
                .as("seed %s, ids %s", seed, ids)
                .isEqualTo(expected.isPresent() ? List.of(expected.getAsLong()) : List.of());
    }

    @Test
    void smallest_repeatsOverFourPartitions_givesTheSmallestRepeatedId() {
        // 2,000 ids in descending order, 1,000..2,999, with 1,500 three times and 2,100 and 1,234 twice:
        // the smallest repeated id is 1,234, wherever the hash puts each id.
        List<Long> ids = new ArrayList<>();
        for (long id = 2_999; id >= 1_000; id--) {
            ids.add(id);
        }
        ids.addAll(List.of(1_500L, 2_100L, 1_500L, 1_234L));
        Dataset<Row> frame = LocalSpark.shared()
                .createDataset(ids, Encoders.LONG())
                .toDF("id")
                .repartition(4);
        assertThat(RepeatedIds.smallest(frame)).isEqualTo(OptionalLong.of(1_234L));
        Dataset<Row> unique = LocalSpark.shared()
                .createDataset(ids.subList(0, 2_000), Encoders.LONG())
                .toDF("id")
                .repartition(4);
        assertThat(RepeatedIds.smallest(unique)).isEmpty();
    }

    private static OptionalLong naiveSmallestRepeat(List<Long> ids) {
        Map<Long, Integer> counts = new TreeMap<>();
        ids.forEach(id -> counts.merge(id, 1, Integer::sum));
        return counts.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .mapToLong(Map.Entry::getKey)
                .findFirst();
    }
}
