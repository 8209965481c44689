package dev.residency.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report folders are published whole or not at all: two runs of one scenario in the same second get
 * two folders, a staging folder is removed by the shutdown hook and, if its process died outright, by
 * the next run writing beside it, and the staging folders of live processes are left alone.
 */
final class OutputFolderTest {

    private static final LocalDateTime NOON = LocalDateTime.of(2026, 11, 29, 12, 0, 0);

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void commit_twoDefaultFoldersChosenInTheSameSecond_bothPublishedUnderDistinctNames() throws IOException {
        OutputFolder first = OutputFolder.choose(null, "tiny", dir, NOON);
        OutputFolder second = OutputFolder.choose(null, "tiny", dir, NOON);
        assertThat(second.target()).isEqualTo(first.target()); // both saw the name free
        first.add("report.md", "first");
        second.add("report.md", "second");

        first.commit();
        second.commit();

        assertThat(names()).containsExactly("tiny-20261129-120000", "tiny-20261129-120000-2");
        assertThat(Files.readString(dir.resolve("tiny-20261129-120000/report.md")))
                .isEqualTo("first");
        assertThat(Files.readString(dir.resolve("tiny-20261129-120000-2/report.md")))
                .isEqualTo("second");
    }

    @Test
    void commit_requestedFolderFilledMeanwhile_failsAndLeavesNoStaging() throws IOException {
        Path requested = dir.resolve("out");
        OutputFolder folder = OutputFolder.choose(requested, "tiny", dir, NOON);
        folder.add("report.md", "mine");
        Files.createDirectories(requested);
        Files.writeString(requested.resolve("theirs.txt"), "theirs");

        IOException e = org.assertj.core.api.Assertions.catchThrowableOfType(IOException.class, folder::commit);

        assertThat(e).hasMessageContaining("appeared while the run was working");
        assertThat(names()).containsExactly("out");
        assertThat(Files.readString(requested.resolve("theirs.txt"))).isEqualTo("theirs");
    }

    @Test
    void cleanupHook_removesAHalfWrittenStagingFolder() throws IOException {
        Path staging = Files.createDirectory(dir.resolve(OutputFolder.STAGING_PREFIX + "1-abc"));
        Files.writeString(staging.resolve("report.md"), "half", StandardCharsets.UTF_8);

        OutputFolder.cleanupHook(staging).run();

        assertThat(staging).doesNotExist();
    }

    @Test
    void choose_removesStagingOfDeadProcessesOnlyAndNothingElse() throws IOException {
        long dead = deadPid();
        long alive = ProcessHandle.current().pid();
        Path stale = Files.createDirectory(dir.resolve(OutputFolder.STAGING_PREFIX + dead + "-x1"));
        Files.writeString(stale.resolve("timeseries.csv"), "truncat");
        Files.createDirectory(dir.resolve(OutputFolder.STAGING_PREFIX + alive + "-x2"));
        Files.createDirectory(dir.resolve(OutputFolder.STAGING_PREFIX + "notapid"));
        Files.createDirectory(dir.resolve("someone-elses-folder"));

        OutputFolder.choose(null, "tiny", dir, NOON);

        assertThat(names())
                .containsExactly(
                        OutputFolder.STAGING_PREFIX + alive + "-x2",
                        OutputFolder.STAGING_PREFIX + "notapid",
                        "someone-elses-folder");
    }

    /** Returns the id of a process that has exited: a short-lived child, waited for. */
    private static long deadPid() throws IOException {
        Process p = new ProcessBuilder("true").start();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        assertThat(ProcessHandle.of(p.pid())).isEmpty();
        return p.pid();
    }

    @Test
    void slug_newlineAndSeparators_becomeUnderscores() {
        assertThat(OutputFolder.slug("a/b\nc .d")).isEqualTo("a_b_c_.d");
        assertThat(OutputFolder.slug(".hidden")).isEqualTo("_hidden");
    }
}
