package dev.residency.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.residency.sim.scenario.BuiltInScenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end tests of the {@code residency} command line, in process: exit statuses as documented,
 * the five report files written on success, and nothing written when the input is refused.
 */
final class ResidencyCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void run_quickBuiltIn_writesAllFilesAndExitsZero() throws IOException {
        // run microsoft-tiktok-2020 --quick --quiet --out FOLDER, made once for the classes that read it.
        Path out = SharedQuickRun.folder();
        CliRunner r = SharedQuickRun.result();

        assertThat(r.status()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("is the commitment met?").contains("Report written to");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "report.md",
                            "timeseries.csv",
                            "batches.csv",
                            "milestones.csv",
                            "costs.csv",
                            "summary.json",
                            "compliance.png",
                            "jurisdictions.png");
        }
        String report = Files.readString(out.resolve("report.md"));
        assertThat(report).startsWith("# microsoft-tiktok-2020: is the commitment met?");
        assertThat(report).contains("quality ratio").contains("## Assumptions").contains("AFTER_MOVE");
        // The 2020 scenario prices storage (an estimate) and egress on its links; nothing else.
        assertThat(report)
                .contains("| storage | US$ ")
                .contains("| egress | US$ ")
                .contains("| build | not modelled |");
        byte[] png = Files.readAllBytes(out.resolve("compliance.png"));
        assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("scenario").get("replications").asInt()).isEqualTo(2);
        assertThat(summary.get("runs")).hasSize(2);
        assertThat(Files.readAllLines(out.resolve("timeseries.csv")).get(0)).startsWith("replication,seconds,day,date");
    }

    @Test
    void run_formatJson_printsSummaryJsonAndIsDeterministic() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        CliRunner first = CliRunner.run(
                "run",
                "microsoft-tiktok-2020",
                "--quick",
                "--quiet",
                "--format",
                "json",
                "--seed",
                "7",
                "--out",
                a.toString(),
                "--threads",
                "1");
        CliRunner second = CliRunner.run(
                "run",
                "microsoft-tiktok-2020",
                "--quick",
                "--quiet",
                "--format",
                "json",
                "--seed",
                "7",
                "--out",
                b.toString(),
                "--threads",
                "2");

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo(Files.readString(a.resolve("summary.json"), StandardCharsets.UTF_8));
        // Same scenario and seed, one thread or two: identical figures, bit for bit.
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(JSON.readTree(first.out()).get("scenario").get("seed").asLong())
                .isEqualTo(7);
    }

    @Test
    void run_unknownScenario_exitsTwoAndWritesNothing() {
        Path out = tmp.resolve("never");
        CliRunner r = CliRunner.run("run", "microsoft-tiktok-2021", "--out", out.toString());

        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("microsoft-tiktok-2021").contains("neither a built-in scenario nor a file");
        assertThat(out).doesNotExist();
    }

    @Test
    void run_malformedFile_exitsTwoListsPathsAndWritesNothing() throws IOException {
        Path file = tmp.resolve("bad.yaml");
        String valid = BuiltInScenarios.source("microsoft-tiktok-2020");
        String broken = valid.replace("bandwidth: {choice: [400 Gbps, 200 Gbps, 800 Gbps]}", "bandwidth: \"-5 Gbps\"");
        assertThat(broken).isNotEqualTo(valid);
        Files.writeString(file, broken);
        Path out = tmp.resolve("never");

        CliRunner r = CliRunner.run("run", file.toString(), "--out", out.toString());

        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("links[0].bandwidth").contains("-5 Gbps");
        assertThat(out).doesNotExist();
    }

    @Test
    void run_zeroReplications_exitsTwoBeforeAnyWork() {
        Path out = tmp.resolve("never");
        CliRunner r = CliRunner.run("run", "microsoft-tiktok-2020", "--replications", "0", "--out", out.toString());

        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--replications").contains("\"0\"");
        assertThat(out).doesNotExist();
    }

    @Test
    void run_badFlagValues_exitTwo() {
        assertThat(CliRunner.run("run", "microsoft-tiktok-2020", "--format", "xml")
                        .status())
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(CliRunner.run("run", "microsoft-tiktok-2020", "--rule", "sometimes")
                        .err())
                .contains("--rule")
                .contains("sometimes");
        assertThat(CliRunner.run("run", "microsoft-tiktok-2020", "--planner", "magic")
                        .status())
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(CliRunner.run("run", "microsoft-tiktok-2020", "--seed", "twelve")
                        .status())
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(CliRunner.run("run").status()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void run_outFolderNotEmpty_exitsTwoAndLeavesItAlone() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(out.resolve("keep.txt"), "mine");

        CliRunner r = CliRunner.run("run", "microsoft-tiktok-2020", "--quick", "--out", out.toString());

        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--out").contains("not an empty folder");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).containsExactly(out.resolve("keep.txt"));
        }
    }

    @Test
    void scenarios_listsEveryBuiltIn() {
        CliRunner r = CliRunner.run("scenarios");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains(BuiltInScenarios.names());
    }

    @Test
    void scenariosShow_printsYamlThatValidates() throws IOException {
        CliRunner shown = CliRunner.run("scenarios", "--show", "project-texas-2022");
        Path file = tmp.resolve("texas.yaml");
        Files.writeString(file, shown.out());

        CliRunner validated = CliRunner.run("validate", file.toString());

        assertThat(shown.status()).isZero();
        assertThat(validated.status()).as(validated.err()).isZero();
        assertThat(validated.out()).startsWith("ok: ");
    }

    @Test
    void validate_oneGoodOneBad_exitsTwoAndNamesTheBadOne() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "name: x\nsites: []\nbogus: 1\n");

        CliRunner r = CliRunner.run("validate", "eu-data-boundary", bad.toString());

        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).contains("ok: eu-data-boundary");
        assertThat(r.err()).contains("bad.yaml").contains("bogus");
    }

    @Test
    void audit_json_parsesAndAddsUp() throws IOException {
        CliRunner r = CliRunner.run("audit", "microsoft-tiktok-2020", "--quick", "--format", "json");

        assertThat(r.status()).as(r.err()).isZero();
        JsonNode audit = JSON.readTree(r.out());
        long violating = audit.get("violating").get("bytes").asLong();
        long byHome = 0;
        for (JsonNode home : audit.get("byJurisdiction")) {
            byHome += home.get("bytes").asLong();
        }
        assertThat(byHome).isEqualTo(violating).isPositive();
    }

    @Test
    void plan_quick_printsQualityRatioAndSoundVerdict() {
        CliRunner r = CliRunner.run("plan", "microsoft-tiktok-2020", "--quick");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("quality ratio").contains("Verifier: the plan is sound.");
    }

    @Test
    void plan_outAndJson_writeThePlanFilesAndPrintJson() throws IOException {
        Path out = tmp.resolve("plan");
        CliRunner r =
                CliRunner.run("plan", "project-texas-2022", "--quick", "--format", "json", "--out", out.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).get("summary").get("planner").asText())
                .isEqualTo("flow");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("plan.json", "summary.csv", "batches.csv", "deletions.csv");
        }
        assertThat(Files.readString(out.resolve("plan.json"))).isEqualTo(r.out());
    }

    @Test
    void help_onEveryCommand_exitsZero() {
        for (String command : new String[] {"run", "plan", "audit", "validate", "scenarios"}) {
            CliRunner r = CliRunner.run(command, "--help");
            assertThat(r.status()).as(command).isZero();
            assertThat(r.out()).as(command).contains("Usage:");
        }
        assertThat(CliRunner.run("--help").out()).contains("Exit status");
    }
}
