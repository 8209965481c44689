package dev.residency.inventory;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The folder manifests are written to, which must be new or empty so that nothing is mixed or overwritten. */
public final class ManifestFolder {

    private ManifestFolder() {}

    /**
     * Creates {@code directory} (and its parents) if it is missing.
     *
     * @throws IOException if it exists and is not an empty folder, or cannot be created
     */
    public static void prepare(Path directory) throws IOException {
        checkNotNull(directory, "directory");
        if (Files.exists(directory)) {
            if (!Files.isDirectory(directory)) {
                throw new IOException(directory + " is not a folder");
            }
            try (Stream<Path> s = Files.list(directory)) {
                if (s.findAny().isPresent()) {
                    throw new IOException(directory + " is not empty");
                }
            }
        }
        Files.createDirectories(directory);
    }
}
