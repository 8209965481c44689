package dev.residency.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs built to be misread, to exhaust memory or to block, each refused before any work with the
 * field path and a message, or (where the schema allows it) read exactly as written: one test per
 * class of hostile input that the file corpus of {@link MalformedScenariosTest} cannot hold (FIFOs,
 * links, temporary folders) or where the accepted direction must be shown too.
 */
final class HostileInputsTest {

    @TempDir
    Path dir;

    private static String tiny() throws IOException, URISyntaxException {
        Path valid = MalformedScenariosTest.folder().resolveSibling("valid").resolve("tiny.yaml");
        return Files.readString(valid, StandardCharsets.UTF_8);
    }

    /** Returns tiny.yaml with its generated population replaced by {@code population.csv: file}. */
    private static String withCsv(String file) throws IOException, URISyntaxException {
        String text = tiny();
        int from = text.indexOf("  users:\n");
        int to = text.indexOf("policy:");
        assertThat(from).isPositive().isLessThan(to);
        return text.substring(0, from) + "  csv: \"" + file + "\"\n" + text.substring(to);
    }

    private ScenarioException refused(String yaml) throws IOException {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertThat(e).as("must be refused").isNotNull();
        return e;
    }

    private static final String CSV_HEADER = "home,category,sites,records,bytes\n";

    @Test
    void csv_withByteOrderMark_isReadAsIfItHadNone() throws Exception {
        Files.writeString(dir.resolve("rows.csv"), "\uFEFF" + CSV_HEADER + "US,videos,src,100,1 TB\n");
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, withCsv("rows.csv"));

        Scenario scenario = ScenarioLoader.load(file);

        var rows = ((PopulationSource.Aggregated) scenario.population()).rows();
        assertThat(rows).hasSize(1);
        // 1 TB is 10^12 bytes, kept real; 100 records at scale 10 are 10 synthetic records.
        assertThat(rows.get(0).totalBytes()).isEqualTo(1_000_000_000_000L);
        assertThat(rows.get(0).records()).isEqualTo(10);
    }

    /**
     * Opening a FIFO for reading blocks until a writer comes, uninterruptibly, so the loader must
     * refuse it by its file type before opening it. The load runs on a separate thread with a generous
     * limit: a loader that opened the FIFO would fail the test after two minutes instead of hanging
     * the build; one that checks first answers in well under a second however loaded the machine is.
     * The FIFO is made before the timed part, so a slow {@code mkfifo} start does not count.
     */
    @Test
    void csv_fifo_isRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("rows.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeThat(mkfifo.waitFor()).as("mkfifo available").isZero();
        String yaml = withCsv("rows.csv");

        ScenarioException e = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> refused(yaml));

        assertThat(e.getMessage())
                .contains("population.csv: \"rows.csv\" is not a regular file (a device, pipe or socket)");
    }

    @Test
    void csv_linkLeadingOutOfTheFolder_isRefused() throws Exception {
        Path outside = Files.createTempFile("residency-outside", ".csv");
        try {
            Files.writeString(outside, CSV_HEADER + "US,videos,src,100,1 TB\n");
            Files.createSymbolicLink(dir.resolve("rows.csv"), outside);

            ScenarioException e = refused(withCsv("rows.csv"));

            assertThat(e.getMessage())
                    .contains("population.csv: \"rows.csv\" is a link that leads out of the scenario's folder");
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void csv_linkToDevZero_isRefusedBeforeReading() throws Exception {
        Files.createSymbolicLink(dir.resolve("rows.csv"), Path.of("/dev/zero"));

        ScenarioException e = refused(withCsv("rows.csv"));

        assertThat(e.getMessage()).contains("population.csv: \"rows.csv\" is a link that leads out");
    }

    @Test
    void csv_otherFormat_isRefusedWithoutQuotingItsLines() throws Exception {
        Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\nsecret,line,here\n");

        ScenarioException e = refused(withCsv("passwd"));

        assertThat(e.getMessage())
                .contains("population.csv: \"passwd\" line 1 is not a header naming the columns home, category,"
                        + " sites, records, bytes")
                .doesNotContain("root")
                .doesNotContain("secret");
    }

    @Test
    void csv_absoluteAndEscapingPaths_areRefusedWithoutReading() throws Exception {
        assertThat(refused(withCsv("/etc/passwd")).getMessage())
                .contains("population.csv: \"/etc/passwd\" is an absolute path")
                .doesNotContain("root:");
        assertThat(refused(withCsv("sub/../../x.csv")).getMessage())
                .contains("population.csv: \"sub/../../x.csv\" leaves the scenario's folder ('..')");
    }

    @Test
    void scenarioFile_notARegularFile_isRefused() throws Exception {
        ScenarioException folder = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(dir));
        assertThat(folder.getMessage()).contains("<document>: the file is not a regular file");

        ScenarioException zero =
                catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(Path.of("/dev/zero")));
        assertThat(zero.getMessage()).contains("<document>: the file is not a regular file");
    }

    @Test
    void scenarioFile_overTheSizeCap_isRefusedNamingTheLimit() throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.write(big, new byte[(int) ScenarioLoader.MAX_FILE_BYTES + 1]);

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(big));

        // 4 MiB = 4 * 1,048,576 = 4,194,304 bytes.
        assertThat(e.getMessage()).contains("the file has 4194305 bytes, more than the limit of 4194304 bytes");
    }

    @Test
    void anchors_withoutAliases_areReadAsWritten() throws Exception {
        String yaml =
                tiny().replace("operator: Old", "operator: &old Old").replace("storage: 10 PB", "storage: &s 10 PB");
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, yaml);

        Scenario scenario = ScenarioLoader.load(file);

        assertThat(scenario.topology().find("src").orElseThrow().operator()).isEqualTo("Old");
        // 10 PB = 10 * 10^15 bytes.
        assertThat(scenario.topology().find("src").orElseThrow().storage().bytes())
                .isEqualTo(10_000_000_000_000_000L);
    }

    @Test
    void aliases_inEveryPosition_areRefusedWithTheirPath() throws Exception {
        String base = tiny().replace("operator: Old", "operator: &ms Old");
        assertThat(refused(base.replaceFirst("operator: New", "operator: *ms")).getMessage())
                .contains("sites[1].operator: the YAML alias *ms (line 13) is not supported");
        assertThat(refused(base.replace("homes: [US]", "homes: [*ms]")).getMessage())
                .contains("policy.rules[0].homes[0]: the YAML alias *ms");
        assertThat(refused(base.replace("planner: flow", "planner: *ms")).getMessage())
                .contains("planning.planner: the YAML alias *ms");
    }

    @Test
    void secondDocument_emptyOrNot_isRefusedUnlessItIsOnlyAMarker() throws Exception {
        assertThat(refused(tiny() + "---\nname: other\n").getMessage())
                .contains("<document>: holds a second YAML document");
        assertThat(refused(tiny() + "--- [\n").getMessage()).contains("<document>: holds a second YAML document");
        Path file = dir.resolve("ends-with-marker.yaml");
        Files.writeString(file, tiny() + "...\n");
        assertThat(ScenarioLoader.load(file).name()).isEqualTo("tiny");
    }

    @Test
    void duplicateKeys_differingOnlyInCase_areRefusedNotMerged() throws Exception {
        ScenarioException e = refused(tiny().replace("    US: 1000", "    US: 1000\n    us: 5"));

        assertThat(e.getMessage())
                .contains(
                        "population.users.us: key \"us\" repeats \"US\" (keys are compared ignoring case and blanks)");
    }

    @Test
    void replications_intMax_isRefusedWithTheLimit() throws Exception {
        ScenarioException e = refused(tiny() + "  replications: 2147483647\n");

        assertThat(e.getMessage())
                .contains("run.replications: 2147483647 is more than the limit of 10,000 replications");
    }

    @Test
    void replications_withinTheLimitButNotTheHeap_areRefusedWithTheHeapFigure() throws Exception {
        // 10,000 replications at 256 KiB each keep 2.5 GiB; with a 1 GiB heap only half (512 MiB) is
        // available: 512 MiB / 256 KiB = 2,048 replications at most.
        ScenarioException e = catchThrowableOfType(
                ScenarioException.class,
                () -> dev.residency.sim.scenario.internal.ScenarioReader.read(
                        tiny() + "  replications: 10000\n", "t.yaml", java.util.Optional.empty(), 1L << 30));

        assertThat(e.getMessage())
                .contains("run.replications: 10000 replications keep about")
                .contains("use at most 2048");
    }
}
