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
}
