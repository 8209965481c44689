package dev.residency.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link JurisdictionSet} holds a sorted, non-empty set under a non-blank name; the built-in sets are
 * found by name whatever the case, and have the members their Javadoc states.
 */
final class JurisdictionSetTest {

    @Test
    void carveOut_isTheFourCountriesOf2020() {
        assertThat(JurisdictionSet.CARVE_OUT.members())
                .containsExactly(Jurisdiction.AU, Jurisdiction.CA, Jurisdiction.NZ, Jurisdiction.US);
        assertThat(JurisdictionSet.CARVE_OUT.contains(Jurisdiction.US)).isTrue();
        assertThat(JurisdictionSet.CARVE_OUT.contains(Jurisdiction.SG)).isFalse();
        assertThat(JurisdictionSet.CARVE_OUT).hasToString("carve-out{AU,CA,NZ,US}");
    }

    @Test
    void builtIns_haveTheirSizes() {
        // EU 27 + Iceland, Liechtenstein, Norway = 30; EFTA adds Switzerland = 31.
        assertThat(JurisdictionSet.EEA.members()).hasSize(30);
        assertThat(JurisdictionSet.EU_EFTA.members()).hasSize(31);
        assertThat(JurisdictionSet.EU_EFTA.members()).containsAll(JurisdictionSet.EEA.members());
        assertThat(JurisdictionSet.EEA.contains(Jurisdiction.of("CH"))).isFalse();
    }

    @Test
    void named_ignoresCaseAndMissesUnknown() {
        assertThat(JurisdictionSet.named("Carve-Out")).contains(JurisdictionSet.CARVE_OUT);
        assertThat(JurisdictionSet.named("EEA")).contains(JurisdictionSet.EEA);
        assertThat(JurisdictionSet.named("five-eyes")).isEmpty();
        assertThat(JurisdictionSet.builtInNames()).containsExactly("carve-out", "eea", "eu-efta");
    }

    @Test
    void of_duplicatesAndOrder_areNormalised() {
        JurisdictionSet set = JurisdictionSet.of("x", "us", "CA", "US");
        assertThat(set.members()).containsExactly(Jurisdiction.CA, Jurisdiction.US);
        assertThat(JurisdictionSet.of("x", List.of(Jurisdiction.US, Jurisdiction.CA)))
                .isEqualTo(set);
    }

    @Test
    void of_empty_isRefusedNamingTheSet() {
        assertThatThrownBy(() -> JurisdictionSet.of("nowhere"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"nowhere\"")
                .hasMessageContaining("empty");
    }

    @Test
    void of_blankName_isRefused() {
        assertThatThrownBy(() -> JurisdictionSet.of(" ", "US"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
    }

    @Test
    void of_badCode_isRefusedQuotingIt() {
        assertThatThrownBy(() -> JurisdictionSet.of("x", "US", "ZZ"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"ZZ\"");
    }
}
