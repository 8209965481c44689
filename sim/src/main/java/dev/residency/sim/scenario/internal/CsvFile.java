package dev.residency.sim.scenario.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens a population CSV named by a scenario file, refusing anything that is not a plain file of the
 * scenario's own folder: an absolute path, a {@code ..} step, a link leading out of the folder, a
 * device ({@code /dev/zero}), a FIFO, a folder, or a file over {@link #MAX_BYTES}. The file is read
 * line by line with the cap enforced while reading (it may grow meanwhile), as UTF-8, with a
 * byte-order mark (as spreadsheet programs write) dropped. Messages name the file as the scenario
 * wrote it and never quote its content.
 */
final class CsvFile {

    /** The largest population CSV read, in bytes (64 MiB, about a million aggregated rows). */
    static final long MAX_BYTES = 64L << 20;

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvFile() {}

    /**
     * Returns the lines of {@code file} resolved against {@code baseDir} (the working directory if
     * absent), or reports at {@code csvNode} why it is refused and returns empty.
     */
    static Optional<List<String>> readLines(Node csvNode, String file, Optional<Path> baseDir) {
        return readLines(csvNode, file, baseDir, MAX_BYTES);
    }

    /** As {@link #readLines(Node, String, Optional)} with the size cap given, for tests. */
    static Optional<List<String>> readLines(Node csvNode, String file, Optional<Path> baseDir, long maxBytes) {
        Optional<Path> path = resolve(csvNode, file, baseDir);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        BasicFileAttributes attributes;
        try {
            // The type is checked before the file is opened, never after: opening a FIFO for reading
            // blocks until a writer comes. The path is the real one, so no link is followed here.
            attributes = Files.readAttributes(path.get(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            csvNode.error("cannot read \"%s\": %s", file, e.getClass().getSimpleName());
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            csvNode.error(
                    "\"%s\" is not a regular file (a %s); give a CSV file in the scenario's folder",
                    file, attributes.isDirectory() ? "folder" : "device, pipe or socket");
            return Optional.empty();
        }
        if (attributes.size() > maxBytes) {
            csvNode.error("\"%s\" has %d bytes, more than the limit of %d bytes", file, attributes.size(), maxBytes);
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        long chars = 0;
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(Files.newInputStream(path.get(), LinkOption.NOFOLLOW_LINKS), decoder))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                chars += line.length() + 1;
                if (chars > maxBytes) {
                    csvNode.error("\"%s\" has more than the limit of %d bytes", file, maxBytes);
                    return Optional.empty();
                }
                if (lines.isEmpty() && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                    line = line.substring(1);
                }
                lines.add(line);
            }
        } catch (CharacterCodingException e) {
            csvNode.error("\"%s\" is not UTF-8 text", file);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            csvNode.error("cannot read \"%s\": %s", file, e.getClass().getSimpleName());
            return Optional.empty();
        }
        return Optional.of(lines);
    }

    /** Resolves {@code file} inside the folder, or reports why it may not be read. */
    private static Optional<Path> resolve(Node csvNode, String file, Optional<Path> baseDir) {
        Path relative;
        try {
            relative = Path.of(file);
        } catch (RuntimeException e) {
            csvNode.error("\"%s\" is not a file name", file);
            return Optional.empty();
        }
        if (relative.isAbsolute() || file.startsWith("/") || file.startsWith("\\") || relative.getRoot() != null) {
            csvNode.error("\"%s\" is an absolute path; give a path relative to the scenario's folder, inside it", file);
            return Optional.empty();
        }
        for (Path part : relative) {
            if (part.toString().equals("..")) {
                csvNode.error("\"%s\" leaves the scenario's folder ('..'); the CSV must be inside it", file);
                return Optional.empty();
            }
        }
        Path base = baseDir.orElse(Path.of("")).toAbsolutePath().normalize();
        Path resolved = base.resolve(relative).normalize();
        if (!Files.exists(resolved, LinkOption.NOFOLLOW_LINKS) && !Files.exists(resolved)) {
            csvNode.error("cannot read \"%s\": no such file in the scenario's folder", file);
            return Optional.empty();
        }
        try {
            Path real = resolved.toRealPath();
            if (!real.startsWith(base.toRealPath())) {
                csvNode.error(
                        "\"%s\" is a link that leads out of the scenario's folder; the CSV must be inside it", file);
                return Optional.empty();
            }
            return Optional.of(real);
        } catch (IOException | RuntimeException e) {
            csvNode.error("cannot read \"%s\": %s", file, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
