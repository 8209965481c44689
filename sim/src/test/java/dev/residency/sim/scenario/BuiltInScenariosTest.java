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
    void names_listsTheEightShippedScenarios() {
        assertThat(BuiltInScenarios.names())
                .containsExactly(
                        "microsoft-tiktok-2020",
                        "microsoft-tiktok-2020-jurisdiction-only",
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

    /**
     * A line with a number in it must cite a fact (Fact/Source), say estimate, or say calibration (an
     * observed outcome used as an input), on it or just above.
     */
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
                    .containsAnyOf("fact", "source", "estimate", "calibration", "shapes", "see above", "as ");
        }
    }

    /**
     * A built-in either has observed milestones or declares itself a what-if, never both; each
     * observation's source (the text before its colon) is listed in {@code docs/sources.md}.
     */
    @ParameterizedTest
    @MethodSource("names")
    void observed_builtIn_reproductionOrDeclaredWhatIf(String name) throws java.io.IOException {
        Scenario scenario = BuiltInScenarios.load(name);
        boolean whatIf = scenario.assumptions().stream().anyMatch(a -> a.startsWith("What-if:"));

        assertThat(whatIf)
                .as("%s: a scenario with no observed milestones says it is a what-if, and only then", name)
                .isEqualTo(scenario.run().observed().isEmpty());
        String sources = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "sources.md"));
        scenario.run()
                .observed()
                .forEach(o -> assertThat(sources)
                        .as("%s: docs/sources.md lists the source of %s", name, o.source())
                        .contains(o.source().substring(0, o.source().indexOf(':'))));
    }

    @Test
    void source_unknownName_suggestsTheClosest() {
        assertThatThrownBy(() -> BuiltInScenarios.source("microsoft-tiktok"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no built-in scenario \"microsoft-tiktok\"");
    }
}
