package dev.residency.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.data.RecordStore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in scenario validates, builds a population of at most about 2·10^6 synthetic records,
 * states its assumptions, and marks every number it does not take from the public-facts sheet.
 */
final class BuiltInScenariosTest {

    static Iterable<String> names() {
        return BuiltInScenarios.names();
    }

    @Test
    void names_listsTheSevenShippedScenarios() {
        assertThat(BuiltInScenarios.names())
                .containsExactly(
                        "microsoft-tiktok-2020",
                        "microsoft-tiktok-2020-in-country",
                        "india-europe-what-if",
                        "project-texas-2022",
                        "project-clover-2024",
                        "eu-data-boundary",
                        "stress-hard-deadline");
    }

    @ParameterizedTest
    @MethodSource("names")
    void load_builtIn_validatesWithItsOwnName(String name) {
        Scenario scenario = BuiltInScenarios.load(name);

        assertThat(scenario.name()).isEqualTo(name);
        assertThat(scenario.description()).isNotBlank();
        assertThat(scenario.assumptions()).isNotEmpty();
        assertThat(BuiltInScenarios.description(name)).isPresent();
    }

    @ParameterizedTest
    @MethodSource("names")
    void load_builtIn_populationIsSmallEnoughToRunInSeconds(String name) {
        Scenario scenario = BuiltInScenarios.load(name);

        assertThat(scenario.population().expectedRecords()).isLessThanOrEqualTo(2.2e6);
    }

    @ParameterizedTest
    @MethodSource("names")
    void quickMode_builtIn_buildsATenthOfThePopulation(String name) {
        Scenario quick = BuiltInScenarios.load(name).withQuickMode();

        RecordStore store = quick.population().build(quick.topology());

        assertThat(quick.run().replications()).isLessThanOrEqualTo(Scenario.QUICK_REPLICATIONS);
        assertThat(store.size()).isPositive().isLessThanOrEqualTo(250_000);
    }

    /** A line with a number in it must cite a fact (Fact/Source) or say estimate, on it or just above. */
    @ParameterizedTest
    @MethodSource("names")
    void source_builtIn_everyFigureIsAFactOrAnEstimate(String name) {
        String[] lines = BuiltInScenarios.source(name).split("\n");
        Pattern figure = Pattern.compile(
                "^\\s*-?\\s*\\{?\\s*(storage|ingest|egress|bandwidth|backward|users|[A-Z]{2}|recordsPerUser|medianSize"
                        + "|legalHoldFraction|used|readyFrom|start|deadline|due|mean|median|corruptionPerByte"
                        + "|bytesPerUserPerDay|retention|[a-z-]+):\\s*[\"{]?[0-9]");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = figure.matcher(lines[i]);
            if (!m.find() || lines[i].contains("scale:") || lines[i].contains("seed:")) {
                continue;
            }
            String context =
                    lines[i] + (i > 0 ? lines[i - 1] : "") + (i > 1 ? lines[i - 2] : "") + (i > 2 ? lines[i - 3] : "");
            assertThat(context.toLowerCase(java.util.Locale.ROOT))
                    .as("%s line %d needs a fact or an estimate comment: %s", name, i + 1, lines[i])
                    .containsAnyOf("fact", "source", "estimate", "shapes", "see above", "as ");
        }
    }

    @Test
    void source_unknownName_suggestsTheClosest() {
        assertThatThrownBy(() -> BuiltInScenarios.source("microsoft-tiktok"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no built-in scenario \"microsoft-tiktok\"");
    }
}
