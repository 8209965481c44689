package dev.residency.sim.scenario.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.residency.sim.scenario.ScenarioError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The population CSV's size cap exactly at its edge, with a small cap given for the test: a file of
 * exactly the cap is read and one byte more is refused before it is opened; while reading, each line
 * counts its characters and one for its line break (a last line without one counts it too, so a file
 * of exactly the cap that does not end in a line break is refused while read); a link whose target is
 * gone and a missing file are each named with their own message.
 */
final class CsvFileCapTest {

    @TempDir
    Path folder;

    private final Errors errors = new Errors();

    private Optional<List<String>> read(String name, long cap) {
        Node node = new Node(TextNode.valueOf(name), "population.csv", errors);
        return CsvFile.readLines(node, name, Optional.of(folder), cap);
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void sizeCap_exactlyTheCapRead_oneByteMoreRefused() throws Exception {
        write("a.csv", "ab\ncd\n");

        assertThat(read("a.csv", 6)).contains(List.of("ab", "cd"));
        assertThat(errors.all()).isEmpty();

        assertThat(read("a.csv", 5)).isEmpty();
        assertThat(errors.all())
                .containsExactly(
                        new ScenarioError("population.csv", "\"a.csv\" has 6 bytes, more than the limit of 5 bytes"));
    }

    @Test
    void readingCap_lastLineWithoutLineBreakCountsOne() throws Exception {
        // 5 bytes on disk, within a cap of 5; read as "ab" + break and "cd" + break: 6 > 5.
        write("b.csv", "ab\ncd");

        assertThat(read("b.csv", 5)).isEmpty();
        assertThat(errors.all())
                .containsExactly(new ScenarioError("population.csv", "\"b.csv\" has more than the limit of 5 bytes"));
        assertThat(read("b.csv", 6)).contains(List.of("ab", "cd"));
    }

    @Test
    void missingFileAndDanglingLink_eachNamed() throws Exception {
        assertThat(read("none.csv", 100)).isEmpty();
        Files.createSymbolicLink(folder.resolve("gone.csv"), folder.resolve("target.csv"));
        assertThat(read("gone.csv", 100)).isEmpty();

        assertThat(errors.all())
                .containsExactly(
                        new ScenarioError(
                                "population.csv", "cannot read \"none.csv\": no such file in the scenario's folder"),
                        new ScenarioError("population.csv", "cannot read \"gone.csv\": NoSuchFileException"));
    }
}
