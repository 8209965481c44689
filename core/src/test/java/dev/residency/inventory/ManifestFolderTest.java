package dev.residency.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manifest folder is made if missing, kept if empty, and refused if it holds anything or is a file. */
final class ManifestFolderTest {

    @Test
    void prepare_missingOrEmpty_ready(@TempDir Path tmp) throws IOException {
        Path nested = tmp.resolve("a/b");
        ManifestFolder.prepare(nested);
        assertThat(nested).isEmptyDirectory();
        ManifestFolder.prepare(nested);
        assertThat(nested).isEmptyDirectory();
    }

    @Test
    void prepare_notEmptyOrAFile_refused(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("f"), "x");
        assertThatThrownBy(() -> ManifestFolder.prepare(file))
                .isInstanceOf(IOException.class)
                .hasMessage(file + " is not a folder");
        assertThatThrownBy(() -> ManifestFolder.prepare(tmp))
                .isInstanceOf(IOException.class)
                .hasMessage(tmp + " is not empty");
    }
}
