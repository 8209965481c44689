package dev.residency.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A report folder written all at once: files are collected in memory, written to a hidden staging
 * folder beside the target, and the staging folder is renamed to the target at the end. A failure
 * leaves no half-written report behind: the staging folder is removed on an exception, by a shutdown
 * hook on SIGINT or SIGTERM, and, if the process was killed outright, by the next run that writes
 * beside it. Not thread-safe.
 */
final class OutputFolder {

    /** The name prefix of staging folders; the process id and a random part follow. */
    static final String STAGING_PREFIX = ".residency-staging-";

    private Path target;
    private final boolean numbered;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private OutputFolder(Path target, boolean numbered) {
        this.target = target;
        this.numbered = numbered;
    }

    /**
     * Returns a folder for {@code requested}, or a new one under {@code runs/} named after the scenario
     * and the time if none is requested.
     *
     * @throws BadInputException if the requested folder exists and is not empty, or is a file
     */
    static OutputFolder choose(Path requested, String scenarioName) {
        return choose(requested, scenarioName, Path.of("runs"), LocalDateTime.now());
    }

    /**
     * As {@link #choose(Path, String)}, with the folder of default names and the time given. Removes
     * staging folders that a killed run left beside the target (see {@link #removeStaleStaging}).
     */
    static OutputFolder choose(Path requested, String scenarioName, Path defaultParent, LocalDateTime now) {
        Path target;
        boolean numbered = requested == null;
        if (requested != null) {
            if (Files.exists(requested) && (!Files.isDirectory(requested) || !isEmpty(requested))) {
                throw new BadInputException(String.format(
                        "--out: \"%s\" exists and is not an empty folder (choose a new folder; nothing was written)",
                        requested));
            }
            target = requested;
        } else {
            String stamp = now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            target = defaultParent.resolve(slug(scenarioName) + "-" + stamp);
            target = firstFree(target);
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
        removeStaleStaging(target.toAbsolutePath().getParent());
        return new OutputFolder(target, numbered);
    }

    /** Returns {@code base}, or {@code base-2}, {@code base-3}, ... whichever does not exist yet. */
    private static Path firstFree(Path base) {
        Path target = base;
        for (int i = 2; Files.exists(target); i++) {
            target = base.resolveSibling(base.getFileName() + "-" + i);
        }
        return target;
    }

    /**
     * Removes the staging folders in {@code parent} whose run is over: a staging folder is named
     * {@code .residency-staging-<pid>-...} after the process that made it, and one whose process is no
     * longer alive was left by a run killed too hard for its shutdown hook (SIGKILL, power loss).
     * Folders of live processes, and anything not named so, are left alone.
     */
    static void removeStaleStaging(Path parent) {
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> entries = Files.list(parent)) {
            entries.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX))
                    .filter(Files::isDirectory)
                    .filter(p -> stagingPid(p)
                            .map(pid -> ProcessHandle.of(pid).isEmpty())
                            .orElse(false))
                    .forEach(OutputFolder::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            // best effort: a stale staging folder is hidden and named as such
        }
    }

    private static Optional<Long> stagingPid(Path staging) {
        String rest = staging.getFileName().toString().substring(STAGING_PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            return Optional.of(Long.parseLong(dash < 0 ? rest : rest.substring(0, dash)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
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

    /**
     * Writes every file and publishes the folder; on failure, or if the process is interrupted or
     * terminated meanwhile (SIGINT, SIGTERM: a shutdown hook), removes the staging folder. A default
     * folder name taken by another run in the same second is replaced by the next free one
     * ({@code -2}, {@code -3}, ...); a requested one is not.
     */
    void commit() throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(
                parent, STAGING_PREFIX + ProcessHandle.current().pid() + "-");
        Thread hook = cleanupHook(staging);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(staging.resolve(file.getKey()), file.getValue());
            }
            publish(staging);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(staging);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) and removes what is left of the staging folder
            }
        }
    }

    /** Renames the staging folder to the target, moving on to the next free default name if taken. */
    private void publish(Path staging) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                if (Files.isDirectory(target) && isEmpty(target)) {
                    Files.delete(target); // checked empty before any work
                }
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(staging, target);
                }
                return;
            } catch (FileSystemException e) {
                // Taken meanwhile: rename(2) onto a non-empty folder fails with ENOTEMPTY, which the JDK
                // reports as a plain FileSystemException, or as FileAlreadyExists/DirectoryNotEmpty.
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw e;
                }
                if (!numbered || attempt >= MAX_RENAME_ATTEMPTS) {
                    throw new IOException("output folder " + target + " appeared while the run was working", e);
                }
                target = firstFree(target);
            }
        }
    }

    private static final int MAX_RENAME_ATTEMPTS = 1000;

    /** Returns a thread that deletes {@code staging}, for {@link Runtime#addShutdownHook}. */
    static Thread cleanupHook(Path staging) {
        return new Thread(() -> deleteQuietly(staging), "residency-staging-cleanup");
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
