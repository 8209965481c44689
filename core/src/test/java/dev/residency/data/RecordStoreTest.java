package dev.residency.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.primitives.ImmutableIntArray;
import dev.residency.geo.Jurisdiction;
import dev.residency.testing.RandomInstances;
import dev.residency.topology.Topology;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordStore} keeps what was added, column by column, grows past its initial capacity, and
 * its builder refuses negative values, unknown table indices, conflicting categories and reuse, with
 * messages that name the argument.
 */
final class RecordStoreTest {

    private static final Topology TOPOLOGY = RandomInstances.topology(new SplittableRandom(7), 4, 0);

    @Test
    void add_records_readBackColumnByColumnAndAsViews() {
        RecordStore.Builder b = RecordStore.builder(TOPOLOGY, 0);
        b.add(5, Jurisdiction.US, Category.VIDEOS, 1_000, false, 2, 0);
        b.add(2, Jurisdiction.SG, Category.LOGS, 20, true, 0, 2);
        b.add(5, Jurisdiction.US, Category.LOGS, 0, false, 1);
        RecordStore store = b.build();

        assertThat(store.size()).isEqualTo(3);
        assertThat(store.userCount()).isEqualTo(6);
        // 1,000 + 20 + 0.
        assertThat(store.totalBytes()).isEqualTo(1_020);
        assertThat(store.jurisdictions()).containsExactly(Jurisdiction.US, Jurisdiction.SG);
        assertThat(store.categories()).containsExactly(Category.VIDEOS, Category.LOGS);
        assertThat(store.replicaSets().size()).isEqualTo(2);
        assertThat(store.replicaSet(0)).isEqualTo(store.replicaSet(1));
        assertThat(store.homeIndex(1)).isEqualTo(1);
        assertThat(store.categoryIndex(2)).isEqualTo(1);
        assertThat(store.legalHold(1)).isTrue();
        assertThat(store.legalHold(0)).isFalse();
        assertThat(store.record(0))
                .isEqualTo(new RecordView(
                        0, 5, Jurisdiction.US, Category.VIDEOS, 1_000, 0, ImmutableIntArray.of(0, 2), false));
        assertThat(store.topology()).isSameAs(TOPOLOGY);
    }

    @Test
    void builder_beyondInitialCapacity_grows() {
        RecordStore.Builder b = RecordStore.builder(TOPOLOGY, 0);
        int rs = b.replicaSet(1);
        int h = b.jurisdiction(Jurisdiction.CA);
        int c = b.category(Category.PROFILE);
        for (int i = 0; i < 1_000; i++) {
            b.add(i, h, c, i, rs, i % 7 == 0);
        }
        assertThat(b.size()).isEqualTo(1_000);
        RecordStore store = b.build();
        assertThat(store.size()).isEqualTo(1_000);
        // 0 + 1 + … + 999 = 999 × 1000 / 2.
        assertThat(store.totalBytes()).isEqualTo(499_500);
        assertThat(store.bytes(999)).isEqualTo(999);
        assertThat(store.legalHold(994)).isTrue();
        // At least 19 bytes per record of columns (4 + 2 + 1 + 8 + 4).
        assertThat(store.heapBytes()).isGreaterThanOrEqualTo(19_000);
    }

    @Test
    void add_negativeUser_isRefusedWithValue() {
        RecordStore.Builder b = RecordStore.builder(TOPOLOGY, 4);
        assertThatThrownBy(() -> b.add(-1, Jurisdiction.US, Category.VIDEOS, 1, false, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user")
                .hasMessageContaining("-1");
    }

    @Test
    void add_negativeBytes_isRefusedWithValue() {
        RecordStore.Builder b = RecordStore.builder(TOPOLOGY, 4);
        assertThatThrownBy(() -> b.add(0, Jurisdiction.US, Category.VIDEOS, -5, false, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bytes")
                .hasMessageContaining("-5");
    }

    @Test
    void add_unknownTableIndex_isRefusedNamingIndex() {
        RecordStore.Builder b = RecordStore.builder(TOPOLOGY, 4);
        assertThatThrownBy(() -> b.add(0, 0, 0, 1, 0, false))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("homeIndex");
        b.jurisdiction(Jurisdiction.US);
        assertThatThrownBy(() -> b.add(0, 0, 0, 1, 0, false))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("categoryIndex");
        b.category(Category.LOGS);
        assertThatThrownBy(() -> b.add(0, 0, 0, 1, 0, false))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("replicaSet");
    }

    @Test
    void add_siteOutsideTopology_isRefused() {
        RecordStore.Builder b = RecordStore.builder(TOPOLOGY, 4);
        assertThatThrownBy(() -> b.add(0, Jurisdiction.US, Category.VIDEOS, 1, false, 4))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("site");
    }

    @Test
    void category_sameNameDifferentFlags_isRefusedNamingBoth() {
        RecordStore.Builder b = RecordStore.builder(TOPOLOGY, 4);
        b.category(Category.VIDEOS);
        assertThat(b.category(Category.VIDEOS)).isZero();
        Category unmovableVideos = new Category("videos", false, true, false);
        assertThatThrownBy(() -> b.category(unmovableVideos))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"videos\" added twice");
    }

    @Test
    void build_twice_isRefused() {
        RecordStore.Builder b = RecordStore.builder(TOPOLOGY, 4);
        b.build();
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("already built");
        assertThatThrownBy(() -> b.add(0, Jurisdiction.US, Category.VIDEOS, 1, false, 0))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void builder_negativeExpected_isRefusedWithValue() {
        assertThatThrownBy(() -> RecordStore.builder(TOPOLOGY, -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expectedRecords")
                .hasMessageContaining("-2");
    }

    @Test
    void accessors_recordOutOfRange_areRefusedNamingRecord() {
        RecordStore store = RecordStore.builder(TOPOLOGY, 0).build();
        assertThat(store.size()).isZero();
        assertThat(store.userCount()).isZero();
        assertThatThrownBy(() -> store.bytes(0))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("record");
        assertThatThrownBy(() -> store.record(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void add_bothForms_returnTheBuilderAndKeepUserIds() {
        RecordStore.Builder b = RecordStore.builder(TOPOLOGY, 0);
        assertThat(b.add(41, Jurisdiction.US, Category.VIDEOS, 10, false, 1)).isSameAs(b);
        assertThat(b.add(7, 0, 0, 20, 0, false)).isSameAs(b);
        RecordStore store = b.build();
        assertThat(store.user(0)).isEqualTo(41);
        assertThat(store.user(1)).isEqualTo(7);
    }

    @Test
    void heapBytes_sixteenSlotBuilder_sumsEveryColumnsCapacity() {
        // Capacity max(16, 0) = 16 slots: ints 4 × 16 = 64, shorts 2 × 16 = 32, bytes 16, longs
        // 8 × 16 = 128, ints 4 × 16 = 64, and a one-word BitSet of 64 bits = 8 bytes; 312 in all.
        RecordStore.Builder b = RecordStore.builder(TOPOLOGY, 0);
        b.add(1, Jurisdiction.US, Category.VIDEOS, 10, true, 1);
        b.add(2, Jurisdiction.US, Category.VIDEOS, 10, false, 1);
        assertThat(b.build().heapBytes()).isEqualTo(312);
    }

    @Test
    void category_oneMoreThanTheTable_isRefusedNamingTheLimit() {
        RecordStore.Builder b = RecordStore.builder(TOPOLOGY, 0);
        for (int i = 0; i < RecordStore.MAX_CATEGORIES; i++) {
            assertThat(b.category(new Category("c" + i, true, true, false))).isEqualTo(i);
        }
        // 127 categories fit a byte; the 128th does not.
        assertThatThrownBy(() -> b.category(new Category("one-too-many", true, true, false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("too many categories (at most 127)");
    }
}
