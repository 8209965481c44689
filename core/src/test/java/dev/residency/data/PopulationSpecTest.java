package dev.residency.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.geo.Jurisdiction;
import dev.residency.units.DataSize;
import org.junit.jupiter.api.Test;

/**
 * {@link PopulationSpec} and {@link CategoryShare} refuse out-of-range settings with a message naming
 * the field (and the jurisdiction or category it belongs to) and the value.
 */
final class PopulationSpecTest {

    private static final CategoryShare VIDEOS = new CategoryShare(Category.VIDEOS, 1, DataSize.parse("5 MB"), 1);

    private static PopulationSpec.Builder valid() {
        return PopulationSpec.builder()
                .users(Jurisdiction.US, 10)
                .place(Jurisdiction.US, "va")
                .category(VIDEOS);
    }

    @Test
    void build_valid_computesTotals() {
        PopulationSpec spec = valid().users(Jurisdiction.CA, 5)
                .placeOthers("va")
                .meanRecordsPerUser(2.5)
                .build();
        assertThat(spec.totalUsers()).isEqualTo(15);
        // 15 users × 2.5 records.
        assertThat(spec.expectedRecords()).isEqualTo(37.5);
        assertThat(spec.placementOf(Jurisdiction.CA)).containsExactly("va");
        assertThat(spec.seed()).isEqualTo(1);
    }

    @Test
    void build_negativeUsers_isRefusedNamingJurisdictionAndValue() {
        assertThatThrownBy(() ->
                        valid().users(Jurisdiction.SG, -4).placeOthers("va").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("users of SG")
                .hasMessageContaining("-4");
    }

    @Test
    void build_usersWithoutPlacement_isRefusedNamingJurisdiction() {
        assertThatThrownBy(() -> valid().users(Jurisdiction.IN, 3).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("users of IN have no placement");
    }

    @Test
    void build_meanBelowOne_isRefusedWithValue() {
        assertThatThrownBy(() -> valid().meanRecordsPerUser(0.5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("meanRecordsPerUser")
                .hasMessageContaining("0.5");
    }

    @Test
    void build_legalHoldOutOfRange_isRefusedWithValue() {
        assertThatThrownBy(() -> valid().legalHoldFraction(1.5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("legalHoldFraction")
                .hasMessageContaining("1.5");
    }

    @Test
    void build_noCategoriesOrNoUsersOrEmptyPlacement_isRefused() {
        assertThatThrownBy(() -> PopulationSpec.builder()
                        .users(Jurisdiction.US, 1)
                        .place(Jurisdiction.US, "va")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("category");
        assertThatThrownBy(() -> PopulationSpec.builder().category(VIDEOS).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jurisdiction");
        assertThatThrownBy(() -> valid().place(Jurisdiction.US).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("placement of US");
    }

    @Test
    void categoryShare_badNumbers_areRefusedNamingCategoryAndValue() {
        DataSize mb = DataSize.parse("1 MB");
        assertThatThrownBy(() -> new CategoryShare(Category.LOGS, 0, mb, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("category logs: weight")
                .hasMessageContaining("0.0");
        assertThatThrownBy(() -> new CategoryShare(Category.LOGS, 1, DataSize.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("category logs: median size")
                .hasMessageContaining("0 B");
        assertThatThrownBy(() -> new CategoryShare(Category.LOGS, 1, mb, -0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("category logs: sigma")
                .hasMessageContaining("-0.1");
        assertThatThrownBy(() -> new CategoryShare(Category.LOGS, Double.NaN, mb, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
    }

    @Test
    void build_usersSummingPastIntMax_isRefusedNamingTheLimit() {
        // 2,147,483,647 + 1 = 2^31 users, one more than an int holds.
        assertThatThrownBy(() -> valid().users(Jurisdiction.US, Integer.MAX_VALUE)
                        .users(Jurisdiction.CA, 1)
                        .placeOthers("va")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at most 2147483647 users in all, was 2147483648");
    }

    @Test
    void build_exactlyIntMaxUsers_isAccepted() {
        // 2,147,483,646 + 1 = Integer.MAX_VALUE: the largest total allowed.
        PopulationSpec spec = valid().users(Jurisdiction.US, Integer.MAX_VALUE - 1)
                .users(Jurisdiction.CA, 1)
                .placeOthers("va")
                .build();
        assertThat(spec.totalUsers()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void build_emptyDefaultPlacement_isRefused() {
        assertThatThrownBy(() -> valid().placeOthers().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("default placement must name a data center");
    }

    @Test
    void build_legalHoldAtZeroAndOne_isAccepted() {
        // Both ends of [0, 1] are valid shares.
        assertThat(valid().legalHoldFraction(0).build().legalHoldFraction()).isZero();
        assertThat(valid().legalHoldFraction(1).build().legalHoldFraction()).isEqualTo(1.0);
        assertThatThrownBy(() -> valid().legalHoldFraction(-0.01).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-0.01");
    }
}
