package dev.residency.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A report folder written all at once: files are collected in memory, written to a hidden staging
 * folder beside the target, and the staging folder is renamed to the target at the end. A failure
 * leaves no half-written report behind.
 */
final class OutputFolder {

    private final Path target;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private OutputFolder(Path target) {
        this.target = target;
    }

    /**
     * Returns a folder for {@code requested}, or a new one under {@code runs/} named after the scenario
     * and the time if none is requested.
     *
     * @throws BadInputException if the requested folder exists and is not empty, or is a file
     */
    static OutputFolder choose(Path requested, String scenarioName) {
        Path target;
        if (requested != null) {
            if (Files.exists(requested) && (!Files.isDirectory(requested) || !isEmpty(requested))) {
                throw new BadInputException(String.format(
                        "--out: \"%s\" exists and is not an empty folder (choose a new folder; nothing was written)",
                        requested));
            }
            target = requested;
        } else {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path base = Path.of("runs", slug(scenarioName) + "-" + stamp);
            target = base;
            for (int i = 2; Files.exists(target); i++) {
                target = Path.of(base + "-" + i);
            }
        }
        Path ancestor = target.toAbsolutePath().getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null || !Files.isDirectory(ancestor) || !Files.isWritable(ancestor)) {
            throw new BadInputException(String.format(
                    "--out: \"%s\" cannot be created (%s is not a writable folder; nothing was written)",
                    target, ancestor));
        }
        return new OutputFolder(target);
    }

    /** Returns {@code name} with every character but letters, digits, '.', '_' and '-' replaced by '_'. */
    static String slug(String name) {
        String slug = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return slug.startsWith(".") ? "_" + slug.substring(1) : slug;
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path target() {
        return target;
    }

    void add(String name, String text) {
        files.put(name, text.getBytes(StandardCharsets.UTF_8));
    }

    void add(String name, byte[] bytes) {
        files.put(name, bytes.clone());
    }

    /** Writes every file and publishes the folder; on failure removes the staging folder. */
    void commit() throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, ".residency-staging-");
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(staging.resolve(file.getKey()), file.getValue());
            }
            if (Files.isDirectory(target)) {
                Files.delete(target); // checked empty before any work
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(staging);
            if (e instanceof FileAlreadyExistsException) {
                throw new IOException("output folder " + target + " appeared while the run was working", e);
            }
            throw e;
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: the staging folder is hidden and named as such
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
