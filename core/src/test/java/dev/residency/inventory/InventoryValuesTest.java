package dev.residency.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.primitives.ImmutableIntArray;
import dev.residency.data.Category;
import dev.residency.geo.Jurisdiction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The inventory's value types: each check at its boundary (the last value refused with its message,
 * the first one accepted), the canonical order of group keys, and the small lookups.
 */
final class InventoryValuesTest {

    private static GroupKey key(Jurisdiction home, Category category, boolean hold, int... sites) {
        return new GroupKey(home, category, ImmutableIntArray.copyOf(sites), hold);
    }

    @Test
    void groupKey_canonicalOrder_homeCategorySitesHold() {
        // By home code (CA < US), category name (profile < videos), sites lexicographically
        // ({0} < {0, 1} < {1}: a prefix first), then hold (false < true).
        List<GroupKey> expected = List.of(
                key(Jurisdiction.CA, Category.VIDEOS, false, 1),
                key(Jurisdiction.US, Category.PROFILE, false, 0),
                key(Jurisdiction.US, Category.PROFILE, true, 0),
                key(Jurisdiction.US, Category.PROFILE, false, 0, 1),
                key(Jurisdiction.US, Category.PROFILE, false, 1),
                key(Jurisdiction.US, Category.VIDEOS, false, 0));
        for (long seed = 1; seed <= 20; seed++) {
            List<GroupKey> shuffled = new ArrayList<>(expected);
            Collections.shuffle(shuffled, new Random(seed));
            Collections.sort(shuffled);
            assertThat(shuffled).as("seed %s", seed).containsExactlyElementsOf(expected);
        }
        GroupKey a = key(Jurisdiction.US, Category.PROFILE, false, 0, 1);
        assertThat(a.compareTo(key(Jurisdiction.US, Category.PROFILE, false, 0, 1)))
                .isZero();
        assertThat(a.siteIds(InventoryFixtures.TOPOLOGY)).containsExactly("va", "sg");
    }

    @Test
    void groupKey_badSites_refused() {
        assertThatThrownBy(() -> key(Jurisdiction.US, Category.PROFILE, false))
                .hasMessage("a group needs at least one site");
        assertThatThrownBy(() -> key(Jurisdiction.US, Category.PROFILE, false, 1, 0))
                .hasMessage("sites must be sorted and distinct: [1, 0]");
        assertThatThrownBy(() -> key(Jurisdiction.US, Category.PROFILE, false, 0, 2, 2))
                .hasMessage("sites must be sorted and distinct: [0, 2, 2]");
        assertThat(key(Jurisdiction.US, Category.PROFILE, false, 0, 2, 3).sites())
                .isEqualTo(ImmutableIntArray.of(0, 2, 3));
    }

    @Test
    void unitAndGroup_counts_checkedAtTheirBoundaries() {
        GroupKey k = key(Jurisdiction.US, Category.PROFILE, false, 0);
        assertThat(new InventoryUnit(k, 0, 1, 0).objects()).isEqualTo(1);
        assertThatThrownBy(() -> new InventoryUnit(k, -1, 1, 0)).hasMessage("shard must not be negative, was -1");
        assertThatThrownBy(() -> new InventoryUnit(k, 0, 0, 0)).hasMessage("a unit has at least one object, was 0");
        assertThatThrownBy(() -> new InventoryUnit(k, 0, 1, -1)).hasMessage("unit bytes must not be negative, was -1");
        assertThat(new InventoryGroup(k, 0, 0).bytes()).isZero();
        assertThatThrownBy(() -> new InventoryGroup(k, -1, 0))
                .hasMessage("objects and bytes must not be negative: -1, 0");
        assertThatThrownBy(() -> new InventoryGroup(k, 0, -1))
                .hasMessage("objects and bytes must not be negative: 0, -1");
    }

    @Test
    void columns_blankOrQuotedNames_refused() {
        assertThatThrownBy(() -> new InventoryColumns("id", "home", " ", "sites", "bytes", Optional.empty()))
                .hasMessage("a column name must not be blank: \" \"");
        assertThatThrownBy(() -> new InventoryColumns("id", "home", "category", "sites", "by\"tes", Optional.empty()))
                .hasMessage("a column name must not contain '\"': by\"tes");
        assertThatThrownBy(() -> new InventoryColumns("id", "home", "category", "sites", "bytes", Optional.of("")))
                .hasMessage("a column name must not be blank: \"\"");
        assertThatThrownBy(() -> new InventoryColumns("id", "home", "category", "sites", "bytes", Optional.of("a\"")))
                .hasMessage("a column name must not contain '\"': a\"");
    }

    @Test
    void columns_byAttribute_inDeclaredOrder() {
        assertThat(InventoryColumns.DEFAULT.byAttribute())
                .containsExactly(
                        java.util.Map.entry("id", "object_id"),
                        java.util.Map.entry("home", "home"),
                        java.util.Map.entry("category", "category"),
                        java.util.Map.entry("sites", "sites"),
                        java.util.Map.entry("bytes", "bytes"),
                        java.util.Map.entry("legalHold", "legal_hold"));
        assertThat(new InventoryColumns("i", "h", "c", "s", "b", Optional.empty()).byAttribute())
                .containsExactly(
                        java.util.Map.entry("id", "i"),
                        java.util.Map.entry("home", "h"),
                        java.util.Map.entry("category", "c"),
                        java.util.Map.entry("sites", "s"),
                        java.util.Map.entry("bytes", "b"));
    }

    @Test
    void source_pathAndShards_checked() {
        InventorySource s = new InventorySource(
                "a.csv", InventoryFormat.CSV, InventoryColumns.DEFAULT, ObjectShards.MAX_SHARDS, true);
        assertThat(s.withPath("b.csv"))
                .isEqualTo(new InventorySource(
                        "b.csv", InventoryFormat.CSV, InventoryColumns.DEFAULT, ObjectShards.MAX_SHARDS, true));
        assertThatThrownBy(() -> new InventorySource(" ", InventoryFormat.CSV, InventoryColumns.DEFAULT, 1, false))
                .hasMessage("path must not be blank");
        assertThatThrownBy(() -> new InventorySource("a", InventoryFormat.CSV, InventoryColumns.DEFAULT, 0, false))
                .hasMessage("shards must be in 1..1048576, was 0");
        assertThatThrownBy(() -> new InventorySource(
                        "a", InventoryFormat.CSV, InventoryColumns.DEFAULT, ObjectShards.MAX_SHARDS + 1, false))
                .hasMessage("shards must be in 1..1048576, was 1048577");
        assertThat(new InventorySource("a", InventoryFormat.PARQUET, InventoryColumns.DEFAULT, 1, false).shards())
                .isEqualTo(1);
    }

    @Test
    void format_namesBothWays() {
        assertThat(InventoryFormat.CSV.fileName()).isEqualTo("csv");
        assertThat(InventoryFormat.PARQUET.fileName()).isEqualTo("parquet");
        assertThat(InventoryFormat.byName("Parquet")).contains(InventoryFormat.PARQUET);
        assertThat(InventoryFormat.byName("CSV")).contains(InventoryFormat.CSV);
        assertThat(InventoryFormat.byName("json")).isEmpty();
    }

    @Test
    void summaryAndException_checkedAndNamed() {
        Path dir = Path.of("m");
        assertThat(new ManifestSummary(dir, InventoryFormat.CSV, 0, 0).rows()).isZero();
        assertThatThrownBy(() -> new ManifestSummary(dir, InventoryFormat.CSV, -1, 0))
                .hasMessage("counts must not be negative: -1, 0");
        assertThatThrownBy(() -> new ManifestSummary(dir, InventoryFormat.CSV, 0, -1))
                .hasMessage("counts must not be negative: 0, -1");
        IOException cause = new IOException("disk");
        InventoryException e = new InventoryException("population.inventory.path", "unreadable", cause);
        assertThat(e).hasMessage("population.inventory.path: unreadable").hasCause(cause);
        assertThat(e.field()).isEqualTo("population.inventory.path");
        assertThat(new InventoryException("f", "m").field()).isEqualTo("f");
    }
}
