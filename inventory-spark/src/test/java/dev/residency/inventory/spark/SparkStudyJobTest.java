package dev.residency.inventory.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.ScenarioSource;
import dev.residency.sim.study.Axis;
import dev.residency.sim.study.Progress;
import dev.residency.sim.study.Study;
import dev.residency.sim.study.SweepFiles;
import dev.residency.sim.study.SweepPoint;
import dev.residency.sim.study.SweepResult;
import dev.residency.sim.study.Threshold;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code spark-submit} job for sweeps: on 1 and 4 partitions it writes {@code sweep.md} and
 * {@code sweep.csv} (and {@code find.md}, {@code find.csv}) byte for byte as the local sweep of the
 * same arguments renders them, with the same summaries and fingerprints; runs are repeatable and a
 * different seed gives different runs; a bad flag, axis, override or point exits 2 having written
 * nothing, and a report folder that is not empty exits 3.
 */
final class SparkStudyJobTest {

    /** A population axis (the link's bandwidth) times a run-only one: 4 points, 3 replications each. */
    private static final List<String> GRID =
            List.of("--vary", "links[0].bandwidth=5 Gbps,10 Gbps", "--vary", "run.backups.retention=0d,30d");

    @TempDir
    Path temp;

    private record Result(int status, String out, String err) {}

    private static Path scenarioFile() {
        try {
            return Path.of(SparkStudyJobTest.class
                    .getClassLoader()
                    .getResource("scenarios/tiny-faulty.yaml")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private Result run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SparkStudyJob.run(
                LocalSpark.shared(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args.toArray(String[]::new));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> args(List<String> study, String... more) {
        List<String> all = new ArrayList<>();
        all.add(scenarioFile().toString());
        all.addAll(study);
        all.addAll(Arrays.asList(more));
        return all;
    }

    /**
     * The local sweep as {@code residency sweep} makes it: the file under the overrides, the replications
     * and seed given set on every point's scenario, every point run on 2 threads here.
     */
    private static Study localStudy(List<String> sets, int replications, long seed) {
        return Study.of(
                ScenarioSource.of(scenarioFile()),
                Overrides.parse(sets),
                (Scenario s) -> s.withRun(s.run().toBuilder()
                        .replications(replications)
                        .seed(seed)
                        .build()));
    }

    private static Axis axis(String text) {
        return Axis.parse(text, OptionalInt.empty());
    }

    @ParameterizedTest(name = "{0} partition(s)")
    @ValueSource(ints = {1, 4})
    void sweep_onPartitions_writesTheLocalSweepsFilesByteForByte(int partitions) throws IOException {
        Path out = temp.resolve("sweep");
        Result r = run(args(
                GRID,
                "--set",
                "run.deadline=2020-09-10",
                "--replications",
                "3",
                "--seed",
                "7",
                "--partitions",
                String.valueOf(partitions),
                "--out",
                out.toString()));

        assertThat(r.status()).as(r.err()).isEqualTo(SparkStudyJob.OK);
        Study local = localStudy(List.of("run.deadline=2020-09-10"), 3, 7);
        SweepResult expected = local.sweep(
                List.of(axis("links[0].bandwidth=5 Gbps,10 Gbps"), axis("run.backups.retention=0d,30d")),
                2,
                Progress.NONE);
        String md = SweepFiles.markdown(local.scenario(), local.overrides(), expected);
        assertThat(Files.readString(out.resolve("sweep.md"))).isEqualTo(md);
        assertThat(Files.readString(out.resolve("sweep.csv"))).isEqualTo(SweepFiles.csv(expected));
        try (Stream<Path> files = Files.list(out)) {
            // Hadoop's local file system adds a hidden checksum file (.NAME.crc) beside each file it writes.
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> !name.startsWith(".")))
                    .containsExactlyInAnyOrder("sweep.md", "sweep.csv");
        }
        assertThat(r.out()).startsWith(md).contains("Report written to");
        assertThat(r.err()).contains("4 points, 12 tasks on " + partitions + " partition");
        assertThat(md).contains("(seed 7)").contains("Under `--set run.deadline=2020-09-10`");
        assertThat(expected.points().stream().map(SweepPoint::fingerprint).distinct())
                .as("every point differs, so a mix-up of points or replications would show")
                .hasSize(4);
    }

    @Test
    void runner_oneAndFourPartitions_sameSweepResultAsThreads() {
        List<Axis> axes = List.of(axis("links[0].bandwidth=5 Gbps,10 Gbps"), axis("run.backups.retention=0d,30d"));
        Study local = localStudy(List.of(), 2, 11);
        SweepResult threads = local.sweep(axes, 2, Progress.NONE);
        ScenarioSource source = local.source();
        StudySpec spec = new StudySpec(
                source.text(),
                source.name(),
                source.baseDir().map(Path::toString).orElse(""),
                com.google.common.collect.ImmutableList.of(),
                false,
                2,
                true,
                11);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        SweepResult one = local.sweep(axes, new SparkPointRunner(LocalSpark.shared(), spec, 1, quiet));
        SweepResult four = local.sweep(axes, new SparkPointRunner(LocalSpark.shared(), spec, 4, quiet));

        assertThat(one).isEqualTo(threads);
        assertThat(four).isEqualTo(threads);
        assertThat(one.reuse())
                .as("the preparation reported is the local sweep's")
                .isEqualTo(threads.reuse());
    }

    @Test
    void find_onFourPartitions_writesTheLocalBisectionsFiles() throws IOException {
        Path out = temp.resolve("find");
        Result r = run(args(
                List.of("--find", "run.backups.retention=0d..60d:4"),
                "--replications",
                "2",
                "--seed",
                "7",
                "--partitions",
                "4",
                "--out",
                out.toString()));

        assertThat(r.status()).as(r.err()).isEqualTo(SparkStudyJob.OK);
        Study local = localStudy(List.of(), 2, 7);
        Threshold expected = local.find(axis("run.backups.retention=0d..60d:4"), 2, Progress.NONE);
        assertThat(expected.flips())
                .as("the range holds the flip, so the bisection runs inner points")
                .isTrue();
        assertThat(Files.readString(out.resolve("find.md")))
                .isEqualTo(SweepFiles.markdown(local.scenario(), local.overrides(), expected));
        assertThat(Files.readString(out.resolve("find.csv"))).isEqualTo(SweepFiles.csv(expected));
        assertThat(r.out()).startsWith("tiny-faulty: " + expected.statement());
    }

    @Test
    void sweep_sameArgumentsTwice_sameBytes_otherSeed_otherRuns() throws IOException {
        List<String> study = List.of("--vary", "run.backups.retention=0d,30d", "--replications", "2");
        Result a = run(args(study, "--seed", "3", "--out", temp.resolve("a").toString()));
        Result b = run(args(
                study,
                "--seed",
                "3",
                "--partitions",
                "2",
                "--out",
                temp.resolve("b").toString()));
        Result c = run(args(study, "--seed", "4", "--out", temp.resolve("c").toString()));

        assertThat(List.of(a.status(), b.status(), c.status())).containsOnly(SparkStudyJob.OK);
        String csv = Files.readString(temp.resolve("a/sweep.csv"));
        assertThat(Files.readString(temp.resolve("b/sweep.csv"))).isEqualTo(csv);
        assertThat(Files.readString(temp.resolve("c/sweep.csv"))).isNotEqualTo(csv);
    }

    static Stream<Arguments> badArguments() {
        String file = scenarioFile().toString();
        return Stream.of(
                Arguments.of(List.of(file), "give --vary"),
                Arguments.of(
                        List.of(
                                file,
                                "--vary",
                                "run.backups.retention=0d,30d",
                                "--find",
                                "run.backups.retention=0d..9d"),
                        "--vary and --find cannot be combined"),
                Arguments.of(List.of(file, "--vary", "run.backups.retention"), "--vary: "),
                Arguments.of(
                        List.of(
                                file,
                                "--vary",
                                "run.backups.retention=0d,30d",
                                "--vary",
                                "run.backups.retention=1d,2d"),
                        "--vary: run.backups.retention is varied twice"),
                Arguments.of(List.of(file, "--find", "run.backups.retention=0d,30d"), "must be a range"),
                Arguments.of(
                        List.of(file, "--vary", "run.backups.retention=0d,30d", "--replications", "0"),
                        "--replications: \"0\" must be between 1 and"),
                Arguments.of(List.of(file, "--vary", "run.backups.retention=0d,30d", "--seed", "x"), "--seed: \"x\""),
                Arguments.of(
                        List.of(file, "--vary", "run.backups.retention=0d,30d", "--partitions", "0"),
                        "--partitions: \"0\""),
                Arguments.of(
                        List.of(file, "--vary", "run.backups.retention=0d,30d", "--threads", "2"),
                        "unknown option \"--threads\""),
                Arguments.of(
                        List.of("no-such-scenario.yaml", "--vary", "run.backups.retention=0d,30d"),
                        "scenario \"no-such-scenario.yaml\" is neither"),
                Arguments.of(List.of(file, "--vary", "run.backups.retension=1d,2d"), "did you mean \"retention\""),
                Arguments.of(List.of(file, "--vary", "run.deadline=2020-09-15,2020-07-01"), "run.deadline"),
                Arguments.of(
                        List.of(file, "--vary", "run.backups.retention=0d,30d", "--set", "links[0].bandwidth=-5 Gbps"),
                        "links[0].bandwidth"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void badArgument_exits2_writesNothing(List<String> args, String message) {
        Path out = temp.resolve("bad");
        List<String> all = new ArrayList<>(args);
        all.add("--out");
        all.add(out.toString());

        Result r = run(all);

        assertThat(r.status()).as(r.err()).isEqualTo(SparkStudyJob.BAD_INPUT);
        assertThat(r.err()).contains(message);
        assertThat(out).doesNotExist();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void outFolderNotEmpty_exits3_leavesItAlone() throws IOException {
        Path out = Files.createDirectories(temp.resolve("full"));
        Files.writeString(out.resolve("keep.txt"), "mine");

        Result r = run(args(List.of("--vary", "run.backups.retention=0d,30d"), "--out", out.toString()));

        assertThat(r.status()).isEqualTo(SparkStudyJob.OUTPUT);
        assertThat(r.err()).contains("--out: ").contains("is not empty");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).containsExactly(out.resolve("keep.txt"));
        }
    }

    @Test
    void help_printsUsage_exits0() {
        Result r = run(List.of("--help"));

        assertThat(r.status()).isEqualTo(SparkStudyJob.OK);
        assertThat(r.out()).contains("--vary").contains("--find").contains("--partitions");
    }
}
