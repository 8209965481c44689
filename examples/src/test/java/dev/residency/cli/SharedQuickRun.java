package dev.residency.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Test support: the one run of {@code residency run microsoft-tiktok-2020 --quick --quiet --out FOLDER}
 * that several test classes read (its console output and its report files), made once per test JVM on
 * first use instead of once per test. The run is deterministic (same scenario, same default seed), so
 * every reader sees what its own run would have written. Readers must not change the folder. It lives in
 * a temporary folder that a JVM shutdown hook deletes.
 */
final class SharedQuickRun {

    /** The scenario the shared run runs. */
    static final String SCENARIO = "microsoft-tiktok-2020";

    private static CliRunner result;
    private static Path folder;

    private SharedQuickRun() {}

    /** Returns the shared run's exit status and console output, running it on first use. */
    static synchronized CliRunner result() {
        if (result == null) {
            try {
                Path parent = Files.createTempDirectory("residency-shared-quick-run");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(parent)));
                folder = parent.resolve("report");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            result = CliRunner.run("run", SCENARIO, "--quick", "--quiet", "--out", folder.toString());
        }
        return result;
    }

    /** Returns the shared run's output folder (its {@code --out}), running it on first use. */
    static synchronized Path folder() {
        result();
        return folder;
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort at exit: the folder is under the system's temporary directory.
        }
    }
}
