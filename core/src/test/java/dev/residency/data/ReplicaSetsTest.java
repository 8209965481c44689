package dev.residency.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.primitives.ImmutableIntArray;
import dev.residency.testing.RandomInstances;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ReplicaSets} interns by value: two site lists get the same id exactly when they hold the same
 * sites, whatever their order and duplicates, and each id's sites come back sorted and distinct.
 */
final class ReplicaSetsTest {

    @Test
    void intern_orderAndDuplicates_ignored() {
        ReplicaSets sets = new ReplicaSets(5);
        int a = sets.intern(3, 1);
        int b = sets.intern(1, 3, 3, 1);
        int c = sets.intern(1);
        assertThat(a).isEqualTo(b).isZero();
        assertThat(c).isEqualTo(1);
        assertThat(sets.size()).isEqualTo(2);
        assertThat(sets.sites(a)).isEqualTo(ImmutableIntArray.of(1, 3));
        assertThat(sets.contains(a, 3)).isTrue();
        assertThat(sets.contains(a, 2)).isFalse();
        assertThat(sets.all()).containsExactly(ImmutableIntArray.of(1, 3), ImmutableIntArray.of(1));
        assertThat(sets.siteCount()).isEqualTo(5);
    }

    @Test
    void intern_empty_isRefused() {
        assertThatThrownBy(() -> new ReplicaSets(2).intern())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one site");
    }

    @Test
    void intern_siteOutsideTopology_isRefusedNamingSite() {
        assertThatThrownBy(() -> new ReplicaSets(2).intern(0, 2))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("site (2)");
    }

    @Test
    void constructor_noSites_isRefusedWithValue() {
        assertThatThrownBy(() -> new ReplicaSets(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("siteCount")
                .hasMessageContaining("0");
    }

    static LongStream seeds() {
        return RandomInstances.seeds(200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void intern_randomLists_equalIdsExactlyWhenEqualByValue(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int siteCount = 1 + rng.nextInt(6);
        ReplicaSets sets = new ReplicaSets(siteCount);
        List<int[]> lists = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int[] list = IntStream.generate(() -> rng.nextInt(siteCount))
                    .limit(1 + rng.nextInt(5))
                    .toArray();
            lists.add(list);
            ids.add(sets.intern(list));
        }
        for (int i = 0; i < lists.size(); i++) {
            TreeSet<Integer> a = asSet(lists.get(i));
            assertThat(sets.sites(ids.get(i)).asList())
                    .as("seed %d list %d", seed, i)
                    .containsExactlyElementsOf(a);
            for (int j = 0; j < lists.size(); j++) {
                boolean sameValue = a.equals(asSet(lists.get(j)));
                assertThat(ids.get(i).equals(ids.get(j)))
                        .as("seed %d lists %d and %d", seed, i, j)
                        .isEqualTo(sameValue);
            }
        }
        assertThat(sets.size()).as("seed %d", seed).isEqualTo((int)
                lists.stream().map(ReplicaSetsTest::asSet).distinct().count());
    }

    private static TreeSet<Integer> asSet(int[] list) {
        TreeSet<Integer> s = new TreeSet<>();
        for (int x : list) {
            s.add(x);
        }
        return s;
    }
}
