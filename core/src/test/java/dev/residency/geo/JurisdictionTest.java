package dev.residency.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Jurisdiction} accepts exactly the assigned ISO 3166-1 alpha-2 codes: the constructor only in
 * upper case, {@link Jurisdiction#of} also in lower case with blanks; anything else is refused with a
 * message quoting the code.
 */
final class JurisdictionTest {

    @Test
    void of_lowerCaseWithBlanks_normalises() {
        assertThat(Jurisdiction.of(" us ")).isEqualTo(Jurisdiction.US);
        assertThat(Jurisdiction.of("sg").code()).isEqualTo("SG");
    }

    @Test
    void constants_areTheirCodesAndNames() {
        assertThat(Jurisdiction.US.displayName()).isEqualTo("United States");
        assertThat(Jurisdiction.NO.displayName()).isEqualTo("Norway");
        assertThat(Jurisdiction.CN).hasToString("CN");
        assertThat(Jurisdiction.AU).isLessThan(Jurisdiction.US);
    }

    @Test
    void constructor_everyIsoCode_isAccepted() {
        for (String code : Locale.getISOCountries()) {
            assertThat(new Jurisdiction(code).code()).isEqualTo(code);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "USA", "U", "", "EU", "uk", "12"})
    void of_notAnAssignedCode_isRefusedQuotingIt(String code) {
        assertThatThrownBy(() -> Jurisdiction.of(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + code + "\"")
                .hasMessageContaining("ISO 3166-1");
    }

    @Test
    void constructor_lowerCase_isRefused() {
        assertThatThrownBy(() -> new Jurisdiction("us"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"us\"");
    }

    @Test
    void of_null_isRefusedNamingArgument() {
        assertThatThrownBy(() -> Jurisdiction.of(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("code");
    }
}
