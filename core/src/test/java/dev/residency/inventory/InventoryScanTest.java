package dev.residency.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import com.google.common.primitives.ImmutableIntArray;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.topology.Topology;
import org.junit.jupiter.api.Test;

/**
 * The scan builder: raw cells normalised alike (site order and duplicates), bad cells refused with
 * the field and column named, equal units summed, units in canonical order, one store record per unit.
 */
final class InventoryScanTest {

    private static final Topology TOPOLOGY = InventoryFixtures.TOPOLOGY;
    private static final ImmutableMap<String, Category> CATEGORIES = InventoryFixtures.CATEGORIES;
    private static final InventoryColumns COLUMNS = InventoryColumns.DEFAULT;

    @Test
    void key_siteOrderAndDuplicates_sameKey() throws InventoryException {
        InventoryScan.Builder b = InventoryScan.builder(TOPOLOGY, CATEGORIES, 4);
        GroupKey a = b.key(COLUMNS, "US", "profile", "sg;va", false);
        GroupKey c = b.key(COLUMNS, "US", "profile", " va | sg ;va", null);
        assertThat(a).isEqualTo(c);
        assertThat(a.sites()).isEqualTo(ImmutableIntArray.of(0, 1));
        // The same raw cells again: the key parsed the first time.
        assertThat(b.key(COLUMNS, "US", "profile", "sg;va", false)).isSameAs(a);
    }

    @Test
    void key_badCells_refusedNamingFieldAndColumn() {
        InventoryScan.Builder b = InventoryScan.builder(TOPOLOGY, CATEGORIES, 4);
        assertThatThrownBy(() -> b.key(COLUMNS, "US", "profile", "va;;sg", false))
                .isInstanceOf(InventoryException.class)
                .hasMessage("population.inventory.columns.sites: column \"sites\": \"va;;sg\" names unknown data"
                        + " center \"\"");
        assertThatThrownBy(() -> b.key(COLUMNS, null, "profile", "va", false))
                .hasMessageStartingWith("population.inventory.columns.home: column \"home\": is empty");
        assertThatThrownBy(() -> b.key(COLUMNS, "US", "selfies", "va", false))
                .hasMessageContaining("\"selfies\" is not a category of the scenario (known: profile, videos)");
    }

    @Test
    void build_unitsSummedOrderedAndOneRecordEach() throws InventoryException {
        InventoryScan.Builder b = InventoryScan.builder(TOPOLOGY, CATEGORIES, 4);
        GroupKey sgVideos = b.key(COLUMNS, "SG", "videos", "sg", true);
        GroupKey usProfile = b.key(COLUMNS, "US", "profile", "va;sg", false);
        b.add(usProfile, 3, 2, 20)
                .add(sgVideos, 1, 1, 7)
                .add(usProfile, 3, 1, 5)
                .add(usProfile, 0, 4, 40);
        InventoryScan scan = b.build(8);
        // SG before US; within US profile, shard 0 before shard 3 (2 + 1 objects, 20 + 5 bytes).
        assertThat(scan.units())
                .containsExactly(
                        new InventoryUnit(sgVideos, 1, 1, 7),
                        new InventoryUnit(usProfile, 0, 4, 40),
                        new InventoryUnit(usProfile, 3, 3, 25));
        assertThat(scan.groups())
                .containsExactly(new InventoryGroup(sgVideos, 1, 7), new InventoryGroup(usProfile, 7, 65));
        assertThat(scan.objects()).isEqualTo(8);
        assertThat(scan.unitIndex(usProfile, 3)).contains(2);
        assertThat(scan.unitIndex(usProfile, 1)).isEmpty();
        RecordStore store = scan.store();
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.bytes(2)).isEqualTo(25);
        assertThat(store.jurisdictions().get(store.homeIndex(0))).isEqualTo(Jurisdiction.SG);
        assertThat(store.legalHold(0)).isTrue();
    }

    @Test
    void add_shardOutOfRange_refused() throws InventoryException {
        InventoryScan.Builder b = InventoryScan.builder(TOPOLOGY, CATEGORIES, 4);
        GroupKey k = b.key(COLUMNS, "US", "profile", "va", false);
        assertThatThrownBy(() -> b.add(k, 4, 1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void builder_shardCount_checkedAtBothEnds() throws InventoryException {
        assertThatThrownBy(() -> InventoryScan.builder(TOPOLOGY, CATEGORIES, 0))
                .hasMessage("shards must be in 1..1048576, was 0");
        assertThatThrownBy(() -> InventoryScan.builder(TOPOLOGY, CATEGORIES, ObjectShards.MAX_SHARDS + 1))
                .hasMessage("shards must be in 1..1048576, was 1048577");
        InventoryScan.Builder b = InventoryScan.builder(TOPOLOGY, CATEGORIES, ObjectShards.MAX_SHARDS);
        GroupKey k = b.key(COLUMNS, "US", "profile", "va", false);
        InventoryScan scan = b.add(k, ObjectShards.MAX_SHARDS - 1, 1, 0).build(0);
        assertThat(scan.units()).containsExactly(new InventoryUnit(k, ObjectShards.MAX_SHARDS - 1, 1, 0));
        assertThat(scan.rowsRead()).isZero();
    }

    @Test
    void add_countsCheckedAndBytesSummedExactly() throws InventoryException {
        InventoryScan.Builder b = InventoryScan.builder(TOPOLOGY, CATEGORIES, 2);
        GroupKey k = b.key(COLUMNS, "US", "profile", "va", false);
        assertThatThrownBy(() -> b.add(k, 0, 0, 1)).hasMessage("objects must be positive and bytes not negative: 0, 1");
        assertThatThrownBy(() -> b.add(k, 0, 1, -1))
                .hasMessage("objects must be positive and bytes not negative: 1, -1");
        assertThatThrownBy(() -> b.add(k, -1, 1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        b.add(k, 1, 1, Long.MAX_VALUE);
        assertThatThrownBy(() -> b.add(k, 1, 1, 1)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> b.build(-1)).hasMessage("rowsRead must not be negative, was -1");
    }

    @Test
    void unit_byIndex_andTotals() throws InventoryException {
        InventoryScan.Builder b = InventoryScan.builder(TOPOLOGY, CATEGORIES, 2);
        GroupKey k = b.key(COLUMNS, "US", "videos", "sg", true);
        InventoryScan scan = b.add(k, 1, 2, 30).add(k, 0, 5, 12).build(7);
        assertThat(scan.unit(1)).isEqualTo(new InventoryUnit(k, 1, 2, 30));
        assertThat(scan.bytes()).isEqualTo(42);
        assertThat(scan.objects()).isEqualTo(7);
        assertThat(scan.topology()).isSameAs(TOPOLOGY);
        assertThatThrownBy(() -> scan.unit(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(InventoryScan.builder(TOPOLOGY, CATEGORIES, 1).build(0).groups())
                .isEmpty();
    }
}
