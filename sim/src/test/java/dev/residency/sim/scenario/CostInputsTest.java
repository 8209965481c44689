package dev.residency.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code costs} section: prices written with currency and unit are read in US dollars, a site's own
 * storage price beats its operator's, which beats its jurisdiction's, which beats the default; bad
 * prices (negative, bare numbers, another currency or unit, unknown sites) are refused with their path
 * and value; no section means nothing is modelled.
 */
final class CostInputsTest {

    private static String tiny() throws Exception {
        return Files.readString(
                Path.of(CostInputsTest.class
                        .getClassLoader()
                        .getResource("scenarios/valid/tiny.yaml")
                        .toURI()),
                StandardCharsets.UTF_8);
    }

    @Test
    void load_noCostsSection_modelsNothing() throws Exception {
        Scenario s = ScenarioLoader.load(tiny(), "tiny.yaml");

        assertThat(s.run().costs()).isEqualTo(CostInputs.NONE);
        assertThat(s.run().costs().any()).isFalse();
        assertThat(s.run().costs().storageUsdPerByteSecond("src")).isNaN();
    }

    @Test
    void load_storagePrices_mostSpecificWins() throws Exception {
        // src (SG, Old): only the default applies. dst (US, New): its own price. dst2 (US, New): the
        // operator's. dst3 (US, New) as dst2. A jurisdiction price for US is beaten by the operator's.
        String text = tiny()
                + "costs:\n"
                + "  storage:\n"
                + "    default: 0.021 USD/GB-month\n"
                + "    jurisdictions: {US: 0.5 USD/GB-month}\n"
                + "    operators: {New: 23 USD/TB-month}\n"
                + "    sites: {dst: 0.01 USD/GB-month}\n"
                + "  build: {dst: 5e8 USD}\n"
                + "  staff: 2_000_000 USD/month\n"
                + "  oneOff: 1.5e7 USD\n";

        CostInputs costs = ScenarioLoader.load(text, "t.yaml").run().costs();

        assertThat(costs.storageUsdPerGbMonth().get("src")).isEqualTo(0.021);
        assertThat(costs.storageUsdPerGbMonth().get("dst")).isEqualTo(0.01);
        // 23 USD per TB-month = 0.023 USD per GB-month.
        assertThat(costs.storageUsdPerGbMonth().get("dst2")).isCloseTo(0.023, within(1e-15));
        assertThat(costs.storageUsdPerGbMonth().get("dst3")).isCloseTo(0.023, within(1e-15));
        assertThat(costs.buildUsdBySite()).containsExactly(java.util.Map.entry("dst", 5e8));
        assertThat(costs.staffUsdPerMonth()).hasValue(2_000_000);
        assertThat(costs.oneOffUsd()).hasValue(1.5e7);
        // 0.021 USD per 1e9 B per 2,629,746 s.
        assertThat(costs.storageUsdPerByteSecond("src")).isCloseTo(0.021 / 1e9 / 2_629_746, within(1e-30));
    }

    @Test
    void load_storageOfSomeSitesOnly_leavesTheOthersUnpriced() throws Exception {
        String text = tiny() + "costs:\n  storage:\n    jurisdictions: {SG: 0.02 USD/GB-month}\n";

        CostInputs costs = ScenarioLoader.load(text, "t.yaml").run().costs();

        assertThat(costs.storageUsdPerGbMonth()).containsOnlyKeys("src");
        assertThat(costs.storageUsdPerByteSecond("dst")).isNaN();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "storage: {default: \"-0.02 USD/GB-month\"}|costs.storage.default|must not be negative",
                "storage: {default: 0.02}|costs.storage.default|such as \"0.021 USD/GB-month\"",
                "storage: {default: 0.02 EUR/GB-month}|costs.storage.default|must be in USD",
                "storage: {default: 0.02 USD/month}|costs.storage.default|must be in USD/GB-month",
                "storage: {sites: {nowhere: 0.02 USD/GB-month}}|costs.storage.sites.nowhere|\"nowhere\" is no site",
                "storage: {operators: {Nobody: 0.02 USD/GB-month}}|costs.storage.operators.Nobody|operator \"Nobody\"",
                "storage: {jurisdictions: {NZ: 0.02 USD/GB-month}}|costs.storage.jurisdictions.NZ|no site",
                "build: {dst: -5 USD}|costs.build.dst|must not be negative",
                "build: {dstt: 5 USD}|costs.build.dstt|is no site",
                "staff: 5 USD|costs.staff|must be in USD/month",
                "oneOff: lots|costs.oneOff|is not a price",
                "storage: {defualt: 0.02 USD/GB-month}|costs.storage.defualt|unknown key",
                "shipping: 5 USD|costs.shipping|unknown key",
            })
    void load_badPrice_isRefusedWithPathAndValue(String section, String path, String message) throws Exception {
        String text = tiny() + "costs:\n  " + section + "\n";

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(text, "t.yaml"));

        assertThat(e).as("costs.%s", section).isNotNull();
        assertThat(e.getMessage()).contains(path).contains(message);
    }
}
