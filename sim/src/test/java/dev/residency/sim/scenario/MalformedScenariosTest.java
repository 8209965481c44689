package dev.residency.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the malformed corpus ({@code scenarios/malformed}) is refused with a {@link
 * ScenarioException} whose message contains the line its first comment promises ({@code # expect:
 * path: message}): the loader names the field's path and quotes the value. Each file is the valid
 * {@code scenarios/valid/tiny.yaml} with one defect.
 */
final class MalformedScenariosTest {

    static Path folder() throws URISyntaxException {
        return Path.of(MalformedScenariosTest.class
                .getClassLoader()
                .getResource("scenarios/malformed")
                .toURI());
    }

    static Stream<Path> files() throws IOException, URISyntaxException {
        try (Stream<Path> list = Files.list(folder())) {
            return list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void corpus_hasAtLeastOneHundredTwentyFiles() throws IOException, URISyntaxException {
        assertThat(files().count()).isGreaterThanOrEqualTo(120);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void load_malformedFile_reportsTheExpectedPathAndMessage(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).as("first line of %s", file.getFileName()).startsWith("# expect: ");
        String expected = lines.get(0).substring("# expect: ".length());

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(file));

        assertThat(e).as("%s must be refused", file.getFileName()).isNotNull();
        assertThat(e.getMessage()).contains(expected);
        assertThat(e.errors()).isNotEmpty();
    }

    @Test
    void load_baseOfTheCorpus_isValid() throws URISyntaxException {
        Scenario scenario = ScenarioLoader.load(folder().resolveSibling("valid").resolve("tiny.yaml"));

        assertThat(scenario.name()).isEqualTo("tiny");
    }
}
