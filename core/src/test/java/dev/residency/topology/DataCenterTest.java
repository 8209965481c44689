package dev.residency.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.geo.Jurisdiction;
import dev.residency.units.Bandwidth;
import dev.residency.units.DataSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link DataCenter} refuses malformed ids, blank operators and non-positive capacities, naming the site and value. */
final class DataCenterTest {

    private static final DataSize PB = DataSize.parse("1 PB");
    private static final Bandwidth GBPS = Bandwidth.parse("100 Gbps");

    @Test
    void constructor_validSite_keepsFields() {
        DataCenter dc = new DataCenter("va-ashburn.1_a", Jurisdiction.US, "Oracle", PB, GBPS, GBPS);
        assertThat(dc.id()).isEqualTo("va-ashburn.1_a");
        assertThat(dc.storage()).isEqualTo(PB);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-va", "va ashburn", "va/1", ".x"})
    void constructor_malformedId_isRefusedQuotingIt(String id) {
        assertThatThrownBy(() -> new DataCenter(id, Jurisdiction.US, "Oracle", PB, GBPS, GBPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + id + "\"");
    }

    @Test
    void constructor_blankOperator_isRefusedNamingSite() {
        assertThatThrownBy(() -> new DataCenter("sg1", Jurisdiction.SG, " ", PB, GBPS, GBPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sg1")
                .hasMessageContaining("operator");
    }

    @Test
    void constructor_zeroStorage_isRefusedNamingSiteAndValue() {
        assertThatThrownBy(() -> new DataCenter("sg1", Jurisdiction.SG, "ByteDance", DataSize.ZERO, GBPS, GBPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sg1")
                .hasMessageContaining("storage")
                .hasMessageContaining("0 B");
    }

    @Test
    void constructor_zeroIngestOrEgress_isRefusedNamingField() {
        assertThatThrownBy(() -> new DataCenter("sg1", Jurisdiction.SG, "ByteDance", PB, Bandwidth.ZERO, GBPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sg1: ingest")
                .hasMessageContaining("0 bps");
        assertThatThrownBy(() -> new DataCenter("sg1", Jurisdiction.SG, "ByteDance", PB, GBPS, Bandwidth.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sg1: egress");
    }

    @Test
    void constructor_nullField_isRefusedNamingIt() {
        assertThatThrownBy(() -> new DataCenter("sg1", null, "ByteDance", PB, GBPS, GBPS))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("jurisdiction");
    }
}
