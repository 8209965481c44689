package dev.residency.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.geo.Jurisdiction;
import dev.residency.testing.RandomInstances;
import dev.residency.testing.RandomInstances.Instance;
import dev.residency.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RecordGroups} partitions a store by (home, category, replica set, legal hold): groups are
 * distinct, numbered by first appearance, every record falls in the group of its own key, and record
 * and byte counts per group equal a naive per-record aggregation (so they add up to the store's
 * totals).
 */
final class RecordGroupsTest {

    @Test
    void of_fourRecords_threeGroupsInFirstAppearanceOrder() {
        Topology t = RandomInstances.topology(new SplittableRandom(1), 3, 0);
        RecordStore.Builder b = RecordStore.builder(t, 4);
        b.add(0, Jurisdiction.US, Category.VIDEOS, 100, false, 0, 1);
        b.add(1, Jurisdiction.US, Category.VIDEOS, 50, false, 1, 0);
        b.add(1, Jurisdiction.US, Category.VIDEOS, 7, true, 1, 0);
        b.add(2, Jurisdiction.CA, Category.VIDEOS, 3, false, 2);
        RecordGroups groups = RecordGroups.withRecordMapping(b.build());

        assertThat(groups.count()).isEqualTo(3);
        // Records 0 and 1 share home, category, replica set {0,1} and no hold: 100 + 50 bytes.
        assertThat(groups.records(0)).isEqualTo(2);
        assertThat(groups.bytes(0)).isEqualTo(150);
        assertThat(groups.legalHold(1)).isTrue();
        assertThat(groups.bytes(1)).isEqualTo(7);
        assertThat(groups.home(2)).isEqualTo(1);
        assertThat(groups.replicaSet(2)).isEqualTo(1);
        assertThat(groups.hasRecordMapping()).isTrue();
        assertThat(List.of(groups.groupOf(0), groups.groupOf(1), groups.groupOf(2), groups.groupOf(3)))
                .containsExactly(0, 0, 1, 2);
    }

    @Test
    void groupOf_withoutMapping_isRefusedSayingHowToGetIt() {
        Topology t = RandomInstances.topology(new SplittableRandom(1), 2, 0);
        RecordGroups groups = RecordGroups.of(RecordStore.builder(t, 0).build());
        assertThat(groups.count()).isZero();
        assertThatThrownBy(() -> groups.groupOf(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("withRecordMapping");
        assertThatThrownBy(() -> groups.bytes(0))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("group");
    }

    private record Key(int home, int category, int replicaSet, boolean hold) {}

    static LongStream seeds() {
        return RandomInstances.seeds(200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void groups_randomStore_equalNaiveAggregationAndStoreTotals(long seed) {
        Instance in = RandomInstances.instance(seed);
        RecordStore store = in.store();
        RecordGroups groups = RecordGroups.withRecordMapping(store);

        Map<Key, long[]> naive = new HashMap<>();
        for (int i = 0; i < store.size(); i++) {
            Key k = new Key(store.homeIndex(i), store.categoryIndex(i), store.replicaSet(i), store.legalHold(i));
            long[] acc = naive.computeIfAbsent(k, x -> new long[2]);
            acc[0]++;
            acc[1] += store.bytes(i);
            int g = groups.groupOf(i);
            assertThat(new Key(groups.home(g), groups.category(g), groups.replicaSet(g), groups.legalHold(g)))
                    .as("seed %d record %d", seed, i)
                    .isEqualTo(k);
        }
        assertThat(groups.count())
                .as("seed %d: one group per distinct key", seed)
                .isEqualTo(naive.size());
        long records = 0;
        long bytes = 0;
        for (int g = 0; g < groups.count(); g++) {
            Key k = new Key(groups.home(g), groups.category(g), groups.replicaSet(g), groups.legalHold(g));
            assertThat(new long[] {groups.records(g), groups.bytes(g)})
                    .as("seed %d group %d", seed, g)
                    .containsExactly(naive.get(k));
            records += groups.records(g);
            bytes += groups.bytes(g);
        }
        assertThat(records).as("seed %d", seed).isEqualTo(store.size());
        assertThat(bytes).as("seed %d", seed).isEqualTo(store.totalBytes());

        RecordGroups plain = RecordGroups.of(store);
        assertThat(plain.count()).as("seed %d", seed).isEqualTo(groups.count());
        for (int g = 0; g < plain.count(); g++) {
            assertThat(plain.bytes(g)).as("seed %d group %d", seed, g).isEqualTo(groups.bytes(g));
        }
    }

    @Test
    void groups_manyReplicaSetsAndJurisdictions_tableGrowsAndSumsHold() {
        // More groups than the initial hash table (64 × replica sets, at least 64) holds at half load.
        Topology t = RandomInstances.topology(new SplittableRandom(3), 8, 0.5);
        SplittableRandom rng = new SplittableRandom(3);
        RecordStore.Builder b = RecordStore.builder(t, 50_000);
        long expectedBytes = 0;
        List<Category> categories = Category.BUILT_IN;
        for (int i = 0; i < 50_000; i++) {
            long bytes = rng.nextInt(1_000_000);
            expectedBytes += bytes;
            b.add(
                    i,
                    RandomInstances.pick(rng, RandomInstances.JURISDICTIONS),
                    RandomInstances.pick(rng, categories),
                    bytes,
                    rng.nextBoolean(),
                    RandomInstances.replicaSites(rng, 8));
        }
        RecordStore store = b.build();
        RecordGroups groups = RecordGroups.of(store);
        assertThat(groups.store()).isSameAs(store);
        assertThat(groups.hasRecordMapping()).isFalse();
        // Naive aggregation: one entry per distinct key, so the growing table must neither lose a
        // group nor split one.
        Map<Key, long[]> naive = new HashMap<>();
        for (int i = 0; i < store.size(); i++) {
            Key k = new Key(store.homeIndex(i), store.categoryIndex(i), store.replicaSet(i), store.legalHold(i));
            long[] acc = naive.computeIfAbsent(k, x -> new long[2]);
            acc[0]++;
            acc[1] += store.bytes(i);
        }
        assertThat(groups.count()).isEqualTo(naive.size());
        long records = 0;
        long bytes = 0;
        for (int g = 0; g < groups.count(); g++) {
            Key k = new Key(groups.home(g), groups.category(g), groups.replicaSet(g), groups.legalHold(g));
            assertThat(new long[] {groups.records(g), groups.bytes(g)})
                    .as("group %d", g)
                    .containsExactly(naive.get(k));
            records += groups.records(g);
            bytes += groups.bytes(g);
        }
        assertThat(groups.count()).isGreaterThan(1_000);
        assertThat(records).isEqualTo(50_000);
        assertThat(bytes).isEqualTo(expectedBytes).isEqualTo(store.totalBytes());
    }

    @Test
    void of_keyZeroFirstSeenAfterTheTableGrew_getsItsOwnGroup() {
        // Key 0 is (replica set 0, home 0, category 0, no hold). Record 0 is held (key 1), so key 0
        // first appears after the table (128 slots for one replica set) grew at the 65th group: the
        // rehash must carry the 65 groups that exist and nothing else. Then every key comes again.
        Topology t = RandomInstances.topology(new SplittableRandom(1), 3, 0);
        RecordStore.Builder b = RecordStore.builder(t, 142);
        List<Category> categories = new ArrayList<>();
        for (int c = 0; c < 70; c++) {
            categories.add(new Category("c" + c, true, true, false));
        }
        for (int pass = 0; pass < 2; pass++) {
            b.add(0, Jurisdiction.US, categories.get(0), 1, true, 0);
            for (int c = 1; c < 70; c++) {
                b.add(c, Jurisdiction.US, categories.get(c), 1, false, 0);
            }
            b.add(70, Jurisdiction.US, categories.get(0), 1, false, 0);
        }
        RecordGroups groups = RecordGroups.of(b.build());
        // Groups 0 to 69 are categories c0 (held) to c69; group 70 is c0 without hold; two records each.
        assertThat(groups.count()).isEqualTo(71);
        for (int g = 0; g < 71; g++) {
            assertThat(groups.records(g)).as("group %d", g).isEqualTo(2);
            assertThat(groups.category(g)).as("group %d", g).isEqualTo(g == 70 ? 0 : g);
            assertThat(groups.legalHold(g)).as("group %d", g).isEqualTo(g == 0);
        }
    }
}
